// Building blocks shared by the K-LINK request and response schemas. Response schemas describe
// what the docs show (no transforms or defaults): answers are never parsed with them, only compared
// (find-drift.ts), and every field K-LINK sends reaches the caller untouched. Request schemas
// encode the documented rules (shared/klink-api/README.md §6, §8) and do refuse bad input.
import { z } from "zod";

/** K-LINK ids are UUIDs in every example, but the format is only observed, never documented. */
export const idSchema = z
  .string({ error: "is required" })
  .trim()
  .min(1, "is required")
  .max(200, "is too long")
  .superRefine(refusePathTricks);

/**
 * Ids become segments of K-LINK's URL paths: "." and ".." would climb to another path (URL
 * parsers resolve them), a slash or backslash would add segments wherever the upstream decodes
 * %2F, and control characters have no place in an id.
 */
function refusePathTricks(id: string, ctx: z.RefinementCtx): void {
  if (id === "." || id === "..") ctx.addIssue({ code: "custom", message: 'must not be "." or ".."' });
  if (/[/\\]/.test(id)) ctx.addIssue({ code: "custom", message: 'must not contain "/" or "\\"' });
  if (/[\u0000-\u001f\u007f-\u009f]/.test(id))
    ctx.addIssue({ code: "custom", message: "must not contain control characters" });
}

/** Timestamps come in four formats (shared/klink-api/README.md §4): kept as opaque strings. */
export const timestampSchema = z.string();

export const optionalText = z.string().nullish();

const pageError = "must be a whole number of 1 or more";
const pageSizeError = "must be a whole number between 1 and 100";

/** Query strings arrive as strings: coerce, then check the documented limits (shared/klink-api/README.md §6). */
export const paginationQuery = {
  page: z.coerce.number({ error: pageError }).int(pageError).min(1, pageError).optional(),
  pageSize: z.coerce
    .number({ error: pageSizeError })
    .int(pageSizeError)
    .min(1, pageSizeError)
    .max(100, pageSizeError)
    .optional(),
};

/**
 * The query parameters of one endpoint: the known ones validated, any other passed on to K-LINK
 * untouched (never drop data: K-LINK may take parameters the captured docs do not show).
 */
export function querySchema<S extends z.ZodRawShape>(shape: S) {
  return z.looseObject(shape);
}

export const paginationQuerySchema = querySchema(paginationQuery);

/** The listing envelope of contacts, tickets and form fields: `{total, page, pageSize, lastPage, data}`. */
export function listingSchema<T extends z.ZodType>(item: T) {
  return z.looseObject({
    total: z.number(),
    page: z.number(),
    pageSize: z.number(),
    lastPage: z.number(),
    data: z.array(item),
  });
}

export const tagRefSchema = z.looseObject({ id: z.string(), name: z.string() });

/** A user of the tenant (an agent) as embedded in a ticket: `{id, name, email}` (the listing example stops after id). */
export const agentRefSchema = z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  email: z.string().optional(),
});

/** Records of K-LINK carry these three in every example; assumed for the lists whose page was not captured. */
export const recordTimestamps = {
  createdAt: timestampSchema.optional(),
  updatedAt: timestampSchema.optional(),
  deletedAt: timestampSchema.nullish(),
};

/** A successful write acknowledged with the detail envelope `{status, message, data}`. */
export function detailEnvelope<T extends z.ZodType>(data: T) {
  return z.looseObject({ status: z.string(), message: z.string(), data });
}
