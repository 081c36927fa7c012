import { z } from "zod";
import { route } from "@/lib/doors/route";
import { getConnection } from "@/lib/connections/list-connections";
import { updateConnection } from "@/lib/connections/update-connection";
import { deleteConnection } from "@/lib/connections/delete-connection";
import { updateConnectionSchema } from "@/lib/connections/connection-input";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().min(1).max(100) });

export const GET = route({ access: "admin", params }, async ({ actor, params }) =>
  Response.json(await getConnection(actor, params.id)),
);

export const PATCH = route(
  { access: "admin", params, body: updateConnectionSchema },
  async ({ actor, params, body, audit }) => Response.json(await updateConnection(actor, params.id, body, audit)),
);

export const DELETE = route({ access: "admin", params }, async ({ actor, params, audit }) => {
  await deleteConnection(actor, params.id, audit);
  return new Response(null, { status: 204 });
});
