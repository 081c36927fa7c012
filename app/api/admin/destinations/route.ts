import { route } from "@/lib/doors/route";
import { pageQuerySchema } from "@/lib/http/pagination";
import { createDestinationSchema } from "@/lib/forwarding/destination-input";
import { createDestination, listDestinations } from "@/lib/forwarding/manage-destinations";

export const dynamic = "force-dynamic";

export const GET = route({ access: "admin", query: pageQuerySchema }, async ({ actor, query }) =>
  Response.json(await listDestinations(actor, query)),
);

export const POST = route(
  { access: "admin", sessionOnly: "destinations.manage", body: createDestinationSchema },
  async ({ actor, body, audit }) => Response.json(await createDestination(actor, body, audit), { status: 201 }),
);
