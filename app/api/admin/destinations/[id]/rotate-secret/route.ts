import { z } from "zod";
import { route } from "@/lib/doors/route";
import { rotateSecretSchema } from "@/lib/forwarding/destination-input";
import { rotateDestinationSecret } from "@/lib/forwarding/manage-destinations";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().min(1).max(100) });

export const POST = route(
  { access: "admin", sessionOnly: "destinations.manage", params, body: rotateSecretSchema },
  async ({ actor, params, body, audit }) =>
    Response.json(await rotateDestinationSecret(actor, params.id, body?.graceSeconds, audit)),
);
