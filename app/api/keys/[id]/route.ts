import { z } from "zod";
import { route } from "@/lib/doors/route";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";

export const dynamic = "force-dynamic";

export const DELETE = route(
  { access: "viewer", params: z.object({ id: z.string().min(1).max(100) }) },
  async ({ actor, params, audit }) => Response.json(await revokeApiKey(actor, params.id, audit)),
);
