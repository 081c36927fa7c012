import "server-only";
// The hand-over between the console's own server (scripts/serve.mjs) and the Next.js bundle.
// The server is plain Node.js in front of Next's request handler and imports nothing of the
// console; the bundle's instrumentation (instrumentation-node.ts) leaves here, on globalThis, the
// handlers the server offers each request to first. A handler returns false for a request that
// is not its own, which then goes to Next.js as usual. Under `next dev` or a plain `next start`
// nobody asks, and the route handlers answer everything. The server also puts the headers every
// answer carries (lib/http/security-headers.ts) on each response before anyone answers it.
import type { IncomingMessage, ServerResponse } from "node:http";
import { processGlobal } from "../process-global";

export type FrontDoorHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * scripts/serve.mjs reads them as Symbol.for("klink-console.front-door") and
 * Symbol.for("klink-console.every-answer-headers"): the names must stay the same.
 */
const frontDoor = processGlobal<FrontDoorHandler[]>("front-door");
const everyAnswer = processGlobal<Record<string, string>>("every-answer-headers");

export function openFrontDoor(handlers: FrontDoorHandler[], everyAnswerHeaders: Record<string, string>): void {
  everyAnswer.set(everyAnswerHeaders);
  frontDoor.set(handlers);
}
