// PATCH /api/views/{id} {name?, query?, shared?} and DELETE /api/views/{id}: by the view's owner,
// or by an admin for a shared view (checked in lib/views).
import { z } from "zod";
import { route } from "@/lib/doors/route";
import { deleteView, updateView } from "@/lib/views/saved-views";
import { updateViewSchema } from "@/lib/views/view-input";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().min(1).max(100) });

export const PATCH = route(
  { access: "viewer", params, body: updateViewSchema },
  async ({ actor, audit, params, body }) => Response.json({ data: await updateView(actor, params.id, body, audit) }),
);

export const DELETE = route({ access: "viewer", params }, async ({ actor, audit, params }) => {
  await deleteView(actor, params.id, audit);
  return new Response(null, { status: 204 });
});
