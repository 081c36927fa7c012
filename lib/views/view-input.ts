// The bodies of the saved-view API: zod schemas with the messages shown by each field.
import { z } from "zod";
import { VIEW_LISTS } from "./view-query";

const name = z.string({ error: "is required" }).trim().min(1, "is required").max(80, "must be at most 80 characters");
const list = z.enum(VIEW_LISTS, { error: `must be one of: ${VIEW_LISTS.join(", ")}` });
const query = z.string().max(2_000, "must be at most 2000 characters");

export const createViewSchema = z.object({
  list,
  name,
  /** The list's query string (or its whole URL); normalised before it is stored. */
  query: query.default(""),
  shared: z.boolean().default(false),
  /** Also make it the user's default view of the list. */
  makeDefault: z.boolean().default(false),
});

export const updateViewSchema = z
  .object({ name: name.optional(), query: query.optional(), shared: z.boolean().optional() })
  .refine((body) => Object.keys(body).length > 0, { message: "send at least one of name, query, shared" });

export const defaultViewSchema = z.object({
  list,
  /** null: the list opens unfiltered again. */
  viewId: z.string().trim().min(1, "is required").max(100).nullable(),
});

export const viewListQuerySchema = z.object({
  list: list.optional(),
  connection: z.string().trim().max(100, "must be at most 100 characters").optional(),
});

export type CreateViewInput = z.infer<typeof createViewSchema>;
export type UpdateViewInput = z.infer<typeof updateViewSchema>;
