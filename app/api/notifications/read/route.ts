// Marks the user's own notifications read: some ({"ids": [...]}), those of a ticket or contact
// whose page was opened ({"connection", "record": "ticket:<id>"}) or all ({"all": true}).
import { z } from "zod";
import { route } from "@/lib/doors/route";
import { recordRefSchema } from "@/lib/collisions/record-ref";
import { markNotificationsRead } from "@/lib/notifications/user-notifications";

export const dynamic = "force-dynamic";

const body = z.union([
  z.object({ ids: z.array(z.string().min(1).max(100)).min(1).max(200) }),
  z.object({ all: z.literal(true) }),
  z.object({ connection: z.string().min(1).max(128), record: recordRefSchema }),
]);

export const POST = route({ access: "viewer", body }, async ({ actor, body }) =>
  Response.json({
    marked: await markNotificationsRead(
      actor,
      "record" in body ? { connectionId: body.connection, record: body.record } : body,
    ),
  }),
);
