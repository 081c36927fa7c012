// The shape of one entry of the endpoint registry. Everything that talks to K-LINK — the client,
// the proxy routes, the cache, the audit log, the simulator — reads these entries instead of
// repeating paths and rules. Safe to import anywhere (no secrets, no I/O).
import type { z } from "zod";
import type { Role } from "../identity/roles";

export type HttpMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/** What a caller hands to one K-LINK call. Query values may be strings (from a URL) or numbers. */
export type KlinkCallInput = {
  params?: Record<string, string>;
  query?: Record<string, unknown>;
  body?: unknown;
  headers?: Record<string, string>;
};

/** How long an endpoint's answers are cached (lib/cache/cache.ts CachePolicy), and the tags they carry. */
export type EndpointCachePolicy = {
  ttlSeconds: number;
  staleWhileRevalidateSeconds: number;
  staleIfErrorSeconds: number;
  /** Tags of the cached entry (from lib/klink/cache-tags.ts), for invalidation by writes and webhooks. */
  tags: (input: KlinkCallInput) => string[];
  /** A policy (with its tags) that replaces the above for some inputs, e.g. CX logs of days that are over. */
  forInput?: (
    input: KlinkCallInput,
    nowMs: number,
  ) =>
    | { ttlSeconds: number; staleWhileRevalidateSeconds: number; staleIfErrorSeconds: number; tags: string[] }
    | undefined;
};

export type AuditPolicy = {
  /** e.g. "ticket.update_status" */
  action: string;
  target: (input: KlinkCallInput) => { type: string; id?: string };
};

export type EndpointDef = {
  name: string;
  method: HttpMethod;
  /** With `{param}` placeholders, e.g. "/api/v1/tickets/{id}/status". */
  path: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  headers?: z.ZodObject;
  body?: z.ZodType;
  /** The most bytes a proxy write's body may have (default REQUEST_BODY_MAX_BYTES, 1 MiB). */
  maxBodyBytes?: number;
  response: z.ZodType;
  successStatus: number;
  /** viewer reads; agent writes tickets, contacts, tags and messages; admin deletes contacts and creates channels. */
  role: Role;
  /** GETs only. */
  cache?: EndpointCachePolicy;
  /** Writes: the cache tags a successful call makes stale. `responseData` is the parsed answer. */
  invalidates?: (input: KlinkCallInput, responseData: unknown) => string[];
  /** Writes. */
  audit?: AuditPolicy;
  /** false when the endpoint's page was NOT CAPTURED: path and shape assumed (shared/klink-api/README.md §13). */
  verified: boolean;
};

/** Keeps each entry's exact schema types (for the typed client) while checking it is an EndpointDef. */
export function defineEndpoint<const D extends EndpointDef>(definition: D): D {
  return definition;
}

/** Reference lists (tags, channels, categories, form fields, groups) change rarely: minutes. */
export const REFERENCE_CACHE = {
  ttlSeconds: 300,
  staleWhileRevalidateSeconds: 600,
  staleIfErrorSeconds: 86_400,
} as const;
/** Tickets and contacts change all the time: seconds. */
export const LIVE_CACHE = { ttlSeconds: 15, staleWhileRevalidateSeconds: 30, staleIfErrorSeconds: 900 } as const;

/** Reads the string value of a path parameter or body field without trusting the input's type. */
export function field(source: unknown, key: string): string | undefined {
  if (typeof source !== "object" || source === null) return undefined;
  const value = (source as Record<string, unknown>)[key];
  return typeof value === "string" && value ? value : undefined;
}
