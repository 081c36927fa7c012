import "server-only";
// The address of the TCP peer of every request this server process receives, for
// lib/http/client-ip.ts. Next.js gives route handlers no socket, and the X-Forwarded-For it fills
// in from the socket cannot be told apart from one the client sent itself (Next only fills it in
// when the request has none). So the process records the socket's address in a header of its own
// as each request arrives: Node's `http.server.request.start` diagnostics channel fires before
// the request reaches any listener, Next included. A client's own header of that name is
// overwritten, and the header is believed only in a process that records it.
import diagnosticsChannel from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { processGlobal } from "../process-global";

/** scripts/serve.mjs sets the same header (by this name) on every request it receives. */
export const PEER_ADDRESS_HEADER = "x-klink-peer-address";

const recording = processGlobal<boolean>("peer-addresses");

type RequestStart = { request: IncomingMessage; socket: Socket };

function record({ request, socket }: RequestStart): void {
  const address = socket.remoteAddress;
  if (address) request.headers[PEER_ADDRESS_HEADER] = address;
  else delete request.headers[PEER_ADDRESS_HEADER];
}

/** Starts recording (once per process; the server's instrumentation calls it at start-up). */
export function recordPeerAddresses(): void {
  if (recording.get()) return;
  diagnosticsChannel.subscribe("http.server.request.start", (message) => record(message as RequestStart));
  recording.set(true);
}

/** Whether PEER_ADDRESS_HEADER was set by this process (and not by whoever sent the request). */
export function peerAddressesRecorded(): boolean {
  return recording.get() === true;
}
