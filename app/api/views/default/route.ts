// PUT /api/views/default {list, viewId | null} — the view the caller's list opens with, on the
// active connection.
import { requestConnectionId } from "@/lib/doors/request-connection";
import { route } from "@/lib/doors/route";
import { setDefaultView } from "@/lib/views/saved-views";
import { defaultViewSchema, viewListQuerySchema } from "@/lib/views/view-input";

export const dynamic = "force-dynamic";

export const PUT = route(
  { access: "viewer", query: viewListQuerySchema, body: defaultViewSchema },
  async ({ req, actor, audit, query, body }) => {
    const connectionId = await requestConnectionId(req, actor, query.connection);
    await setDefaultView(actor, connectionId, body.list, body.viewId, audit);
    return new Response(null, { status: 204 });
  },
);
