// Reference lists and the rest: tags, channels, categories, CX logs, send message
// (shared/klink-api/README.md §13 rows 10–12, 19–21).
import { cacheTags, changeTags } from "../cache-tags";
import { finishedCxLogPolicy } from "../cx-log-cache";
import { defineEndpoint, field, LIVE_CACHE, REFERENCE_CACHE } from "../endpoint-def";
import { paginationQuerySchema } from "../schemas/common";
import { cxLogListingSchema, cxLogsHeadersSchema, cxLogsQuerySchema } from "../schemas/cx-log";
import { messageSendBodySchema, messageSendResponseSchema } from "../schemas/message";
import {
  categoryListingSchema,
  channelCreateBodySchema,
  channelCreateResponseSchema,
  channelListingSchema,
  tagListingSchema,
} from "../schemas/reference";

export const referenceEndpoints = {
  "tags.list": defineEndpoint({
    name: "tags.list",
    method: "GET",
    path: "/api/v1/tags",
    query: paginationQuerySchema,
    response: tagListingSchema,
    successStatus: 200,
    role: "viewer",
    cache: { ...REFERENCE_CACHE, tags: () => [cacheTags.tags()] },
    verified: false,
  }),
  "channels.list": defineEndpoint({
    name: "channels.list",
    method: "GET",
    path: "/api/v1/channels",
    query: paginationQuerySchema,
    response: channelListingSchema,
    successStatus: 200,
    role: "viewer",
    cache: { ...REFERENCE_CACHE, tags: () => [cacheTags.channels()] },
    verified: false,
  }),
  "channels.create": defineEndpoint({
    name: "channels.create",
    method: "POST",
    path: "/api/v1/channels",
    body: channelCreateBodySchema,
    response: channelCreateResponseSchema,
    successStatus: 201,
    role: "admin",
    invalidates: () => [cacheTags.channels()],
    audit: { action: "channel.create", target: () => ({ type: "channel" }) },
    verified: false,
  }),
  "categories.list": defineEndpoint({
    name: "categories.list",
    method: "GET",
    path: "/api/v1/categories",
    response: categoryListingSchema,
    successStatus: 200,
    role: "viewer",
    cache: { ...REFERENCE_CACHE, tags: () => [cacheTags.categories()] },
    verified: true,
  }),
  "cxLogs.list": defineEndpoint({
    name: "cxLogs.list",
    method: "GET",
    path: "/api/v1/cx-logs",
    query: cxLogsQuerySchema,
    headers: cxLogsHeadersSchema,
    response: cxLogListingSchema,
    successStatus: 200,
    role: "viewer",
    // The cache key must include the x-client-timezone header: the same range differs per zone.
    // Finished days are kept long (lib/klink/cx-log-cache.ts); a range that reaches today, briefly.
    cache: {
      ...LIVE_CACHE,
      ttlSeconds: 60,
      tags: () => [cacheTags.cxLogs()],
      forInput: (input, nowMs) => finishedCxLogPolicy(input.query, input.headers, nowMs),
    },
    verified: true,
  }),
  "messages.send": defineEndpoint({
    name: "messages.send",
    method: "POST",
    path: "/api/v1/messages/send",
    body: messageSendBodySchema,
    response: messageSendResponseSchema,
    successStatus: 200,
    role: "agent",
    invalidates: (input) => changeTags({ resource: "message", contactId: field(input.body, "contactId") }),
    audit: { action: "message.send", target: (input) => ({ type: "contact", id: field(input.body, "contactId") }) },
    verified: true,
  }),
};
