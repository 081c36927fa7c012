import "server-only";
// POST /api/webhooks/klink/{connectionId} answered straight from Node's request, in front of
// Next.js: scripts/serve.mjs offers it every request first (lib/doors/front-door.ts). The same
// receiver as the route handler (webhook-route.ts), the same answers, request id, log line and
// metrics; what it leaves out is Next.js's request pipeline (routing, the web Request/Response
// and their streams), which costs more CPU per delivery than verifying and storing it. See
// docs/benchmarks.md.
import type { ServerResponse } from "node:http";
import { clientIp } from "../http/client-ip";
import { ERROR_STATUS } from "../errors/api-error";
import { errorBody, internalErrorBody } from "../errors/error-body";
import { recordAnsweredRequest } from "../http/answered-request";
import { apiAnswerHeaders } from "../http/security-headers";
import { env } from "../env";
import type { FrontDoorHandler } from "./front-door";
import { logger } from "../log/logger";
import { REQUEST_ID_HEADER, requestIdFrom, runWithRequestContext } from "../log/request-context";
import { nodeHeaderBag } from "../webhooks/header-bag";
import { readLimitedNodeBody } from "../webhooks/read-limited-node-body";
import {
  createDeliveryReceiver,
  deliveryAnswer,
  type DeliveryAnswer,
  type WebhookEndpointDeps,
} from "../webhooks/webhook-endpoint";
import { webhookEndpointDeps } from "../webhooks/webhook-runtime";

/** The route template, as the route handler's metrics label it. */
export const WEBHOOK_ROUTE = "/api/webhooks/klink/[connectionId]";

const NO_STORE = { "cache-control": "no-store" };
const CLOSE = { connection: "close" };

const WEBHOOK_PATH = /^\/api\/webhooks\/klink\/([^/?#]+)(?:\?|$)/;

/** Answers the request and returns true when it is a delivery; false leaves it to Next.js. */
export function createNodeWebhookEndpoint(deps: WebhookEndpointDeps): FrontDoorHandler {
  const receive = createDeliveryReceiver(deps);
  return (req, res) => {
    if (req.method !== "POST") return false;
    const connectionId = connectionIdOf(req.url ?? "");
    if (connectionId === null) return false;
    const headers = nodeHeaderBag(req.headers);
    const requestId = requestIdFrom(headers);
    const started = performance.now();
    void runWithRequestContext({ requestId }, async () => {
      let answer: DeliveryAnswer;
      try {
        const body = await readLimitedNodeBody(req).catch((error: unknown) => {
          // The sender went away mid-body: nothing was stored, nothing is acknowledged.
          logger.warn({ err: error }, "webhook delivery body could not be read");
          return null;
        });
        if (!body) {
          answer = {
            status: ERROR_STATUS.incomplete_body,
            headers: { ...NO_STORE, ...CLOSE },
            body: errorBody("incomplete_body", "The body could not be read.", requestId),
          };
        } else {
          answer = deliveryAnswer(
            await receive({ connectionId, headers, body, sourceIp: clientIp(req.headers) }),
            requestId,
          );
          // The rest of an oversized body is not read: the connection ends with the answer.
          if (body.tooLarge) answer.headers = { ...answer.headers, ...CLOSE };
        }
      } catch (error) {
        logger.error({ err: error }, "unhandled error");
        answer = { status: 500, headers: NO_STORE, body: internalErrorBody(requestId) };
      }
      send(res, answer, requestId);
      recordAnsweredRequest({
        method: "POST",
        path: (req.url ?? "").split("?")[0],
        route: WEBHOOK_ROUTE,
        status: answer.status,
        ms: performance.now() - started,
      });
    }).catch((error: unknown) => {
      logger.error({ err: error }, "webhook delivery could not be answered");
      res.destroy();
    });
    return true;
  };
}

function connectionIdOf(url: string): string | null {
  const match = WEBHOOK_PATH.exec(url);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    // A malformed escape (`%ff`) names no connection: the delivery is stored as for an unknown
    // one (404), under the raw id, like every delivery that arrives.
    return match[1];
  }
}

function send(res: ServerResponse, answer: DeliveryAnswer, requestId: string): void {
  if (res.headersSent || res.destroyed) return;
  const json = JSON.stringify(answer.body);
  res.writeHead(answer.status, {
    ...apiAnswerHeaders(env().NEXTAUTH_URL),
    ...answer.headers,
    "content-type": "application/json",
    "content-length": Buffer.byteLength(json),
    [REQUEST_ID_HEADER]: requestId,
  });
  res.end(json);
}

/** The handler of this process, wired to the real database, settings, cache and live events. */
export const nodeWebhookEndpoint = createNodeWebhookEndpoint(webhookEndpointDeps);
