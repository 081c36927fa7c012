// The signed-in user's notifications (newest 50) and unread count, for the bell.
import { route } from "@/lib/doors/route";
import { listNotifications } from "@/lib/notifications/user-notifications";

export const dynamic = "force-dynamic";

export const GET = route({ access: "viewer" }, async ({ actor }) =>
  Response.json(await listNotifications(actor), { headers: { "cache-control": "no-store" } }),
);
