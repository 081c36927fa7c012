// The K-LINK simulator's HTTP server: the 21 endpoints of the registry at their contract paths,
// bearer-token check, injected faults, request log, and webhooks after each mutation.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { matchEndpoint, pathIsKnown } from "../match-endpoint";
import { handleControl } from "./control-api";
import { SimulatorCore, type SimulatorOptions } from "./core";
import { handlers } from "./handlers";
import type { SimContext } from "./handlers/types";
import { errorBody, parseJsonBody, readBody, sendJson, SimHttpError } from "./http-io";
import { varyAnswer } from "./variants";

export type RunningSimulator = { url: string; port: number; stop(): Promise<void> };

const METHODS_WITH_BODY = new Set(["POST", "PATCH", "PUT"]);
/** What a "malformed" fault answers: JSON cut off mid-way, with a JSON content type. */
const MALFORMED_BODY = '{"total": 3, "page": 1, "data": [{"id": "';

const HTML_PAGE = "<!DOCTYPE html><html><head><title>Sign in</title></head><body><form></form></body></html>";

/**
 * A valid JSON list answer of about `size` bytes, written in chunks without Content-Length (as a
 * misbehaving gateway would), stopping when the reader goes away.
 */
async function sendOversized(res: ServerResponse, size: number, requestId: string): Promise<void> {
  res.writeHead(200, { "content-type": "application/json; charset=utf-8", "x-request-id": requestId });
  const item = JSON.stringify({ id: "t-0", subject: "x".repeat(1000) });
  const chunk = Buffer.from(`${item},`.repeat(64));
  res.write('{"total":1,"page":1,"data":[');
  for (let sent = 0; sent < size && !res.destroyed; sent += chunk.length) {
    if (!res.write(chunk)) await new Promise<void>((resolve) => res.once("drain", resolve).once("close", resolve));
  }
  if (!res.destroyed) res.end(`${item}]}`);
}

export async function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  const sim = new SimulatorCore(options);
  const sleepers = new Set<() => void>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      sleepers.add(wake);
    });

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const method = req.method ?? "GET";
    const match = matchEndpoint(method, url.pathname);
    const requestId = randomUUID();
    const entry = sim.requests.record({
      requestId,
      at: new Date().toISOString(),
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      rawHeaders: req.headers,
      endpoint: match?.name ?? null,
    });
    const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      entry.status = status;
      if (!res.destroyed) sendJson(res, status, body, { "x-request-id": requestId, ...headers });
    };

    const fault = sim.faults.pick(method, url.pathname);
    if (fault) {
      entry.faultId = fault.id;
      if (fault.latencyMs) await sleep(fault.latencyMs);
      if (fault.mode === "hang") {
        entry.outcome = "hang";
        return; // never answered; the socket closes when the client gives up or the simulator stops
      }
      if (fault.mode === "reset") {
        entry.outcome = "reset";
        req.socket.destroy();
        return;
      }
      if (fault.mode === "malformed") {
        entry.outcome = "malformed";
        entry.status = 200;
        res.writeHead(200, { "content-type": "application/json; charset=utf-8", "x-request-id": requestId });
        res.end(MALFORMED_BODY);
        return;
      }
      if (fault.mode === "html") {
        // A gateway's or login page in front of K-LINK: 200 (or the fault's status), HTML.
        entry.outcome = "html";
        entry.status = fault.status ?? 200;
        res.writeHead(entry.status, { "content-type": "text/html; charset=utf-8", "x-request-id": requestId });
        res.end(HTML_PAGE);
        return;
      }
      if (fault.mode === "oversized") {
        entry.outcome = "oversized";
        entry.status = 200;
        await sendOversized(res, fault.sizeBytes ?? 30 * 1024 * 1024, requestId);
        return;
      }
      if (fault.mode === "error") {
        const status = fault.status ?? 503;
        const headers: Record<string, string> =
          fault.retryAfterSeconds !== undefined ? { "retry-after": String(fault.retryAfterSeconds) } : {};
        const message = status === 429 ? "Too many requests" : `Injected fault ${fault.id}`;
        return answer(status, errorBody(message), headers);
      }
    }

    const events: [string, unknown][] = [];
    try {
      const token = /^Bearer (\S+)$/i.exec(req.headers.authorization ?? "")?.[1];
      if (!token || !sim.accepts(token))
        throw new SimHttpError(401, "Unauthorized: the token is not valid, expired or revoked");
      if (!match)
        throw new SimHttpError(
          pathIsKnown(url.pathname) ? 405 : 404,
          pathIsKnown(url.pathname) ? "Method not allowed" : "Route not found",
        );
      const body = METHODS_WITH_BODY.has(method) ? parseJsonBody(await readBody(req)) : undefined;
      const ctx: SimContext = {
        state: sim.state,
        rng: sim.rng,
        now: () => new Date(),
        emit: (event, data) => events.push([event, data]),
      };
      const result = handlers[match.name](
        { params: match.params, query: url.searchParams, headers: req.headers, body },
        ctx,
      );
      answer(result.status, varyAnswer(result.body, sim.variants));
    } catch (error) {
      if (error instanceof SimHttpError) answer(error.status, errorBody(error.message), error.headers);
      else answer(500, errorBody("Internal server error"));
      return;
    }
    // Webhooks leave after the answer, carrying the record as it is now (a JSON snapshot).
    for (const [event, data] of events) sim.webhooks.emit(event, JSON.parse(JSON.stringify(data)));
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://simulator.local");
    const work = url.pathname.startsWith("/__sim/") ? handleControl(sim, req, res, url) : handleApi(req, res, url);
    work.catch(() => {
      if (!res.headersSent && !res.destroyed) sendJson(res, 500, errorBody("Internal server error"));
    });
  });
  server.keepAliveTimeout = 30_000;

  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(":") ? `[${host}]` : host === "0.0.0.0" ? "127.0.0.1" : host;

  let stopped: Promise<void> | undefined;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    stop: () =>
      (stopped ??= (async () => {
        for (const wake of [...sleepers]) wake();
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await Promise.all([closed, sim.webhooks.stop()]);
      })()),
  };
}
