import "server-only";
// One POST to an admin-chosen URL: the SSRF guard on the address actually connected to, a total
// timeout, no redirects (node:http never follows them; a 3xx is an answer like any other), and
// a bounded read of the answer (only its first bytes are kept).
import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { checkOutboundUrl, guardedLookup, refusedAddressReason, SsrfRefusedError, type SsrfPolicy } from "./ssrf-guard";

export type GuardedPost = {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  policy: SsrfPolicy;
  /** Answer bytes kept as text; the rest of the answer is read up to maxReadBytes, then dropped. */
  keepBytes?: number;
  maxReadBytes?: number;
};

export type PostResult =
  | { kind: "answered"; status: number; retryAfter: string | null; bodyStart: string; latencyMs: number }
  | { kind: "failed"; error: string; refused: boolean; latencyMs: number };

const agents = new Map<string, http.Agent>();

function agentFor(protocol: string, policy: SsrfPolicy): http.Agent {
  const key = `${protocol}${policy.allowLoopback}`;
  let agent = agents.get(key);
  if (!agent) {
    const options = { keepAlive: true, maxSockets: 16, lookup: guardedLookup(policy) };
    agent = protocol === "https:" ? new https.Agent(options) : new http.Agent(options);
    agents.set(key, agent);
  }
  return agent;
}

export function guardedPost(request: GuardedPost): Promise<PostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const checked = checkOutboundUrl(request.url, request.policy);
  if (!checked.ok)
    return Promise.resolve({ kind: "failed", error: `URL ${checked.message}`, refused: true, latencyMs: 0 });
  const url = new URL(checked.url);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(host)) {
    const reason = refusedAddressReason(host, request.policy);
    if (reason) return Promise.resolve({ kind: "failed", error: `refused: ${reason}`, refused: true, latencyMs: 0 });
  }
  const keepBytes = request.keepBytes ?? 1024;
  const maxReadBytes = request.maxReadBytes ?? 64 * 1024;
  const transport = url.protocol === "https:" ? https : http;
  const body = Buffer.from(request.body, "utf8");

  return new Promise((resolve) => {
    let settled = false;
    const done = (result: PostResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    let req: http.ClientRequest;
    const send = (retried: boolean) => {
      let answered = false;
      req = transport.request(
        url,
        {
          method: "POST",
          agent: agentFor(url.protocol, request.policy),
          headers: { ...request.headers, "content-type": "application/json", "content-length": String(body.length) },
        },
        (res) => {
          answered = true;
          const chunks: Buffer[] = [];
          let read = 0;
          const finish = () =>
            done({
              kind: "answered",
              status: res.statusCode ?? 0,
              retryAfter: typeof res.headers["retry-after"] === "string" ? res.headers["retry-after"] : null,
              bodyStart: Buffer.concat(chunks).subarray(0, keepBytes).toString("utf8"),
              latencyMs: elapsed(),
            });
          res.on("data", (chunk: Buffer) => {
            if (read < keepBytes) chunks.push(chunk);
            read += chunk.length;
            if (read > maxReadBytes) {
              finish();
              res.destroy();
            }
          });
          res.on("end", finish);
          res.on("error", finish);
        },
      );
      req.on("error", (error: NodeJS.ErrnoException) => {
        // A kept-alive socket the receiver had just closed: Node's advice is to send again on a
        // new one (once; the receiver deduplicates by webhook-id should the first have arrived).
        const staleSocket =
          req.reusedSocket && !answered && (error.code === "ECONNRESET" || error.message === "socket hang up");
        if (staleSocket && !retried && !settled) return send(true);
        done({
          kind: "failed",
          error: (error.message.split("\n")[0] ?? "request failed").slice(0, 300),
          refused: error instanceof SsrfRefusedError,
          latencyMs: elapsed(),
        });
      });
      req.end(body);
    };
    const timer = setTimeout(() => {
      req.destroy(new Error(`no answer within ${request.timeoutMs} ms`));
    }, request.timeoutMs);
    send(false);
  });
}
