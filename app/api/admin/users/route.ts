import { route } from "@/lib/doors/route";
import { pageQuerySchema } from "@/lib/http/pagination";
import { listUsers } from "@/lib/users/list-users";
import { createUser } from "@/lib/users/create-user";
import { createUserSchema } from "@/lib/users/user-input";

export const dynamic = "force-dynamic";

export const GET = route({ access: "admin", query: pageQuerySchema }, async ({ actor, query }) =>
  Response.json(await listUsers(actor, query)),
);

export const POST = route({ access: "admin", body: createUserSchema }, async ({ actor, body, audit }) =>
  Response.json(await createUser(actor, body, audit), { status: 201 }),
);
