// The K-LINK endpoint registry: the one table of the 21 endpoints this project uses (shared/klink-api/README.md §13).
// A wrong path is corrected here, once, for the client, the proxy and the simulator alike.
// Safe to import anywhere.
import type { z } from "zod";
import { contactEndpoints } from "./endpoints/contacts";
import { referenceEndpoints } from "./endpoints/reference";
import { ticketEndpoints } from "./endpoints/tickets";
import type { EndpointDef } from "./endpoint-def";
import { uriComponent } from "../http/uri-component";

export type { EndpointDef, HttpMethod, KlinkCallInput, EndpointCachePolicy, AuditPolicy } from "./endpoint-def";

export const endpoints = {
  ...contactEndpoints,
  ...ticketEndpoints,
  ...referenceEndpoints,
} satisfies Record<string, EndpointDef>;

export type Endpoints = typeof endpoints;
export type EndpointName = keyof Endpoints;

export const endpointNames = Object.keys(endpoints) as EndpointName[];

/** A 2xx answer as the docs describe it. K-LINK's real answer may differ (see find-drift.ts): pages read it through lib/console/normalize/. */
export type EndpointResponse<N extends EndpointName> = z.output<Endpoints[N]["response"]>;

/** The path parameter names of a template, e.g. ["id"] for "/api/v1/tickets/{id}/status". */
export function pathParamNames(path: string): string[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
}

/** Fills a path template; each value is URL-encoded so an id can never change the path. */
export function buildPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => uriComponent(params[name] ?? ""));
}
