import { z } from "zod";
import { route } from "@/lib/doors/route";
import { testConnection } from "@/lib/connections/test-connection";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().min(1).max(100) });

export const POST = route({ access: "admin", params }, async ({ actor, params, audit }) =>
  Response.json(await testConnection(actor, params.id, audit)),
);
