import "server-only";
// The hand-over between the console's own server (scripts/serve.mjs) and the Next.js bundle.
// The server is plain Node.js in front of Next's request handler and imports nothing of the
// console; the bundle's instrumentation (instrumentation-node.ts) leaves here, on globalThis, the
// handlers the server offers each request to first. A handler returns false for a request that
// is not its own, which then goes to Next.js as usual. Under `next dev` or a plain `next start`
// nobody asks, and the route handlers answer everything.
import type { IncomingMessage, ServerResponse } from "node:http";
import { processGlobal } from "../process-global";

export type FrontDoorHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

/** scripts/serve.mjs reads the handlers as Symbol.for("klink-console.front-door"): the names must stay the same. */
const frontDoor = processGlobal<FrontDoorHandler[]>("front-door");

export function openFrontDoor(handlers: FrontDoorHandler[]): void {
  frontDoor.set(handlers);
}
