// Any /api path no route has: a JSON 404 from the route wrapper (request id, security headers,
// metrics under one label), not the console's HTML page.
import { route } from "@/lib/doors/route";
import { notFound } from "@/lib/errors/api-error";

export const dynamic = "force-dynamic";

const handler = route({ access: "public" }, async () => {
  throw notFound("No API has this path.");
});

export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE };
