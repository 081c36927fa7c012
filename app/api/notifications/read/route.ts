// Marks the user's own notifications read: some ({"ids": [...]}) or all ({"all": true}).
import { z } from "zod";
import { route } from "@/lib/doors/route";
import { markNotificationsRead } from "@/lib/notifications/user-notifications";

export const dynamic = "force-dynamic";

const body = z.union([
  z.object({ ids: z.array(z.string().min(1).max(100)).min(1).max(200) }),
  z.object({ all: z.literal(true) }),
]);

export const POST = route({ access: "viewer", body }, async ({ actor, body }) =>
  Response.json({ marked: await markNotificationsRead(actor, body) }),
);
