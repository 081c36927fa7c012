// What reached the simulator: one entry per request (bounded), and counters per endpoint name.
import type { IncomingHttpHeaders } from "node:http";

export type RequestLogEntry = {
  seq: number;
  /** The simulator's own request id (also in the answer's x-request-id header). */
  requestId: string;
  at: string;
  method: string;
  path: string;
  query: Record<string, string>;
  /** A few useful headers; the bearer token never appears. */
  headers: Record<string, string>;
  endpoint: string | null;
  status: number | null;
  outcome: "answered" | "hang" | "reset" | "malformed" | "html" | "oversized";
  faultId?: string;
};

const KEPT_HEADERS = ["content-type", "accept", "user-agent", "x-request-id", "x-client-timezone"];
const LIMIT = 10_000;

export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private counts: Record<string, number> = {};
  private seq = 0;

  record(
    entry: Omit<RequestLogEntry, "seq" | "headers" | "status" | "outcome"> & { rawHeaders: IncomingHttpHeaders },
  ): RequestLogEntry {
    const headers: Record<string, string> = {};
    for (const name of KEPT_HEADERS) {
      const value = entry.rawHeaders[name];
      if (typeof value === "string") headers[name] = value;
    }
    if (entry.rawHeaders.authorization)
      headers.authorization = `${entry.rawHeaders.authorization.split(" ")[0]} [redacted]`;
    const logged: RequestLogEntry = {
      seq: ++this.seq,
      requestId: entry.requestId,
      at: entry.at,
      method: entry.method,
      path: entry.path,
      query: entry.query,
      headers,
      endpoint: entry.endpoint,
      status: null,
      outcome: "answered",
    };
    this.entries.push(logged);
    if (this.entries.length > LIMIT) this.entries.splice(0, this.entries.length - LIMIT);
    const key = entry.endpoint ?? "(unmatched)";
    this.counts[key] = (this.counts[key] ?? 0) + 1;
    return logged;
  }

  list(filter: { endpoint?: string; sinceSeq?: number } = {}): RequestLogEntry[] {
    return this.entries.filter(
      (e) => (!filter.endpoint || e.endpoint === filter.endpoint) && (!filter.sinceSeq || e.seq > filter.sinceSeq),
    );
  }

  counters(): Record<string, number> {
    return { ...this.counts };
  }

  clear(): void {
    this.entries = [];
    this.counts = {};
  }
}
