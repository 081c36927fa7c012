import { z } from "zod";
import { route } from "@/lib/doors/route";
import { getUser } from "@/lib/users/list-users";
import { updateUser } from "@/lib/users/update-user";
import { updateUserSchema } from "@/lib/users/user-input";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().min(1).max(100) });

export const GET = route({ access: "admin", params }, async ({ actor, params }) =>
  Response.json(await getUser(actor, params.id)),
);

export const PATCH = route(
  { access: "admin", params, body: updateUserSchema },
  async ({ actor, params, body, audit }) => Response.json(await updateUser(actor, params.id, body, audit)),
);
