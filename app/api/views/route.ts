// GET /api/views?list=tickets — the caller's saved views and the shared ones, of the active
// connection; POST /api/views {list, name, query, shared?, makeDefault?} — saves one.
import { requestConnectionId } from "@/lib/doors/request-connection";
import { route } from "@/lib/doors/route";
import { createView, listViews } from "@/lib/views/saved-views";
import { createViewSchema, viewListQuerySchema } from "@/lib/views/view-input";

export const dynamic = "force-dynamic";

export const GET = route({ access: "viewer", query: viewListQuerySchema }, async ({ req, actor, query }) => {
  const connectionId = await requestConnectionId(req, actor, query.connection);
  return Response.json({ data: await listViews(actor, connectionId, query.list) });
});

export const POST = route(
  { access: "viewer", query: viewListQuerySchema, body: createViewSchema },
  async ({ req, actor, audit, query, body }) => {
    const connectionId = await requestConnectionId(req, actor, query.connection);
    return Response.json({ data: await createView(actor, connectionId, body, audit) }, { status: 201 });
  },
);
