// Request/response plumbing of the simulator and the error it answers with. The error body is the
// working contract's `{status: "error", message, data: null}` (shared/klink-api/README.md §13).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { z } from "zod";

export class SimHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const errorBody = (message: string) => ({ status: "error", message, data: null });

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export const BODY_LIMIT_BYTES = 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > BODY_LIMIT_BYTES) throw new SimHttpError(413, "Request body is larger than 1 MiB");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export function parseJsonBody(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new SimHttpError(400, "Request body is not valid JSON");
  }
}

/** Validates a body like an API would: 400 naming each bad field. */
export function validBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  if (body === undefined) throw new SimHttpError(400, "Request body is required");
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const problems = result.error.issues
    .slice(0, 10)
    .map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message));
  throw new SimHttpError(400, `Validation failed: ${problems.join("; ")}`);
}

/** Page and page size (shared/klink-api/README.md §12): page ≥ 1 (default 1), pageSize ≥ 1
 * (default 10, capped at 100). */
export function pageParams(query: URLSearchParams): { page: number; pageSize: number } {
  const read = (name: string, fallback: number) => {
    const raw = query.get(name);
    if (raw === null || raw === "") return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1)
      throw new SimHttpError(400, `${name} must be a whole number of 1 or more`);
    return value;
  };
  // Too large a page size is clamped rather than refused, as the README's guidance suggests.
  return { page: read("page", 1), pageSize: Math.min(read("pageSize", 10), 100) };
}

export function paginate<T, U>(items: readonly T[], query: URLSearchParams, view: (item: T) => U) {
  const { page, pageSize } = pageParams(query);
  const total = items.length;
  const lastPage = Math.max(1, Math.ceil(total / pageSize));
  const data = items.slice((page - 1) * pageSize, page * pageSize).map(view);
  return { total, page, pageSize, lastPage, data };
}
