// The little of oidc-provider's API the test provider uses (the package ships no types).
declare module "oidc-provider" {
  import type { IncomingMessage, ServerResponse } from "node:http";
  type Account = { accountId: string; claims: () => Promise<Record<string, unknown>> };
  export default class Provider {
    constructor(
      issuer: string,
      configuration: {
        clients: Record<string, unknown>[];
        findAccount: (ctx: unknown, sub: string) => Promise<Account | undefined>;
        claims?: Record<string, string[]>;
        conformIdTokenClaims?: boolean;
        features?: Record<string, { enabled: boolean }>;
        cookies?: { keys: string[] };
      },
    );
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
  }
}
