import { route } from "@/lib/doors/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { createApiKeySchema, listApiKeysQuerySchema } from "@/lib/api-keys/api-key-input";

export const dynamic = "force-dynamic";

export const GET = route({ access: "viewer", query: listApiKeysQuerySchema }, async ({ actor, query }) =>
  Response.json(await listApiKeys(actor, query)),
);

// The answer holds the key itself, once: it must not be cached anywhere.
export const POST = route({ access: "viewer", body: createApiKeySchema }, async ({ actor, body, audit }) =>
  Response.json(await createApiKey(actor, { name: body.name, expiresAt: body.expiresAt?.toISOString() }, audit), {
    status: 201,
    headers: { "cache-control": "no-store" },
  }),
);
