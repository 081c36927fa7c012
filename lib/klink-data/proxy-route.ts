import "server-only";
// The K-LINK proxy as a route handler's body (app/api/klink/v1/[...path]/route.ts): the web
// Request handed to the shared pipeline (proxy-pipeline.ts), its answer made a web Response.
// Authentication, the same-origin check and request ids come from the route wrapper.
import { readJson } from "../http/read-json";
import type { Actor } from "../identity/actor";
import { proxyAnswer, proxyBodyText } from "./proxy-pipeline";

export { proxyMetricsRoute } from "./proxy-pipeline";

/** What the route wrapper hands a handler (lib/doors/route.ts): the request, its signed-in caller and its id. */
type ProxyContext = { req: Request; actor: Actor; requestId: string };

export async function handleProxyRequest({ req, actor, requestId }: ProxyContext): Promise<Response> {
  const answer = await proxyAnswer(
    {
      method: req.method,
      url: new URL(req.url),
      headers: req.headers,
      readJson: (limitBytes) => readJson(req, { limitBytes }),
    },
    actor,
    requestId,
  );
  const body = proxyBodyText(answer.body);
  if (!body) return new Response(null, { status: answer.status, headers: answer.headers });
  return new Response(body.text, {
    status: answer.status,
    headers: { ...answer.headers, "content-type": body.contentType },
  });
}
