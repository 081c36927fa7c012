// A real OpenID Connect provider (the oidc-provider package) on loopback, for single sign-on
// tests. Its development login screen accepts any login; the login typed becomes the e-mail
// address, verified, in the ID token (next-auth 4 reads claims from the ID token only).
import { createServer, type Server } from "node:http";
import Provider from "oidc-provider";
import { freePort } from "../../scripts/console-process";

export type TestOidcProvider = { issuer: string; clientId: string; clientSecret: string; stop: () => Promise<void> };

export async function reserveOidcIssuer(): Promise<string> {
  return `http://127.0.0.1:${await freePort()}`;
}

export async function startOidcProvider(issuer: string, redirectUri: string): Promise<TestOidcProvider> {
  const clientId = "klink-console";
  const clientSecret = "oidc-test-client-secret-0123456789";
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    async findAccount(_ctx, sub) {
      return {
        accountId: sub,
        claims: async () => ({ sub, email: sub, email_verified: true, name: `SSO ${sub.split("@")[0]}` }),
      };
    },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ["oidc-test-cookie-key-0123456789"] },
  });
  const server: Server = createServer(provider.callback());
  await new Promise<void>((resolve) => server.listen(Number(new URL(issuer).port), "127.0.0.1", resolve));
  return {
    issuer,
    clientId,
    clientSecret,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
