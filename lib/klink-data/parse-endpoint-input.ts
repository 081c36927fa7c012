import "server-only";
// Validates a call's input against its registry entry before anything reaches K-LINK. Field
// errors are keyed like "query.pageSize" or "body.customFields.cf_date". The parsed input (with
// defaults applied; query parameters the registry does not know passed through, as for an
// endpoint that declares none) is what is sent and what keys the cache.
import type { z } from "zod";
import { ApiError } from "../errors/api-error";
import { zodFieldErrors } from "../errors/zod-field-errors";
import type { EndpointDef, KlinkCallInput } from "../klink/registry";

export function parseEndpointInput(def: EndpointDef, input: KlinkCallInput): KlinkCallInput {
  const fields: Record<string, string[]> = {};
  const parse = <T>(schema: z.ZodType | undefined, value: unknown, where: string): T | undefined => {
    if (!schema) return undefined;
    const result = schema.safeParse(value);
    if (result.success) return result.data as T;
    for (const [key, messages] of Object.entries(zodFieldErrors(result.error, where))) {
      (fields[key] ??= []).push(...messages);
    }
    return undefined;
  };
  const headers = Object.fromEntries(
    Object.entries(input.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]),
  );
  const parsed: KlinkCallInput = {
    params: parse<Record<string, string>>(def.params, input.params ?? {}, "params"),
    query: def.query ? parse<Record<string, unknown>>(def.query, input.query ?? {}, "query") : input.query,
    headers: parse<Record<string, string>>(def.headers, headers, "headers"),
    body: parse(def.body, input.body, "body"),
  };
  if (Object.keys(fields).length) throw new ApiError("validation_failed", "The request is not valid.", { fields });
  return parsed;
}

/** The request header names an endpoint takes (e.g. x-client-timezone for CX logs). */
export function declaredHeaderNames(def: EndpointDef): string[] {
  return def.headers ? Object.keys(def.headers.shape) : [];
}
