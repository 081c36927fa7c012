// The baseline of `npm run bench:proxy`: the same route wrapper as the K-LINK proxy (request id,
// authentication with the caller's current role, metrics, request log line) around nothing but a
// fixed JSON body, so that proxy throughput can be compared with what this server does at best.
// It exists only when BENCH_BARE_ROUTE_JSON names a JSON file; otherwise it answers 404.
import { readFileSync } from "node:fs";
import { errorResponse } from "@/lib/doors/error-response";
import { notFound } from "@/lib/errors/api-error";
import { route } from "@/lib/doors/route";
import { requestIdFrom } from "@/lib/log/request-context";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

let body: unknown;

// Parsed once and serialized per request, as the proxy does with a cached K-LINK answer.
const bare = route({ access: "viewer" }, async () => {
  body ??= JSON.parse(readFileSync(env().BENCH_BARE_ROUTE_JSON!, "utf8"));
  return Response.json(body, { headers: { "cache-control": "private, no-store" } });
});

export async function GET(req: Request): Promise<Response> {
  if (!env().BENCH_BARE_ROUTE_JSON) return errorResponse(notFound(), requestIdFrom(req.headers));
  return bare(req);
}
