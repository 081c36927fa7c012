import { route } from "@/lib/doors/route";
import { pageQuerySchema } from "@/lib/http/pagination";
import { listConnections } from "@/lib/connections/list-connections";
import { createConnection } from "@/lib/connections/create-connection";
import { createConnectionSchema } from "@/lib/connections/connection-input";

export const dynamic = "force-dynamic";

export const GET = route({ access: "admin", query: pageQuerySchema }, async ({ actor, query }) =>
  Response.json(await listConnections(actor, query)),
);

export const POST = route({ access: "admin", body: createConnectionSchema }, async ({ actor, body, audit }) =>
  Response.json(await createConnection(actor, body, audit), { status: 201 }),
);
