import { z } from "zod";
import { route } from "@/lib/doors/route";
import { updateDestinationSchema } from "@/lib/forwarding/destination-input";
import { deleteDestination, getDestination, updateDestination } from "@/lib/forwarding/manage-destinations";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().min(1).max(100) });

export const GET = route({ access: "admin", params }, async ({ actor, params }) =>
  Response.json(await getDestination(actor, params.id)),
);

export const PATCH = route(
  { access: "admin", sessionOnly: "destinations.manage", params, body: updateDestinationSchema },
  async ({ actor, params, body, audit }) => Response.json(await updateDestination(actor, params.id, body, audit)),
);

export const DELETE = route(
  { access: "admin", sessionOnly: "destinations.manage", params },
  async ({ actor, params, audit }) => {
    await deleteDestination(actor, params.id, audit);
    return new Response(null, { status: 204 });
  },
);
