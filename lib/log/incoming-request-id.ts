import "server-only";
// The request id of the page request, server action or render being handled: the one proxy.ts
// put on the request (and on the response's x-request-id), so that a page's log lines, the ids
// its error messages show and the response header all match.
import { headers } from "next/headers";
import { requestIdFrom } from "./request-context";

export async function incomingRequestId(): Promise<string> {
  return requestIdFrom(await headers());
}
