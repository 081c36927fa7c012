// Reference lists: tags, channels, categories, form fields (endpoints.md §4, §10–§12, §19).
import { z } from "zod";
import { detailEnvelope, listingSchema, optionalText, recordTimestamps, timestampSchema } from "./common";

export const tagSchema = z.looseObject({ id: z.string(), name: z.string(), ...recordTimestamps });
export const tagListingSchema = listingSchema(tagSchema);

export const channelSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  type: optionalText,
  status: optionalText,
  ...recordTimestamps,
});
export const channelListingSchema = listingSchema(channelSchema);
export const channelCreateResponseSchema = detailEnvelope(channelSchema);
export const channelCreateBodySchema = z.looseObject({
  name: z.string({ error: "is required" }).trim().min(1, "is required").max(100, "must be at most 100 characters"),
  type: z.string({ error: "is required" }).trim().min(1, "is required").max(50, "must be at most 50 characters"),
});

export type Category = {
  id: string;
  value: string;
  parentId?: string | null;
  level?: number;
  sortOrder?: number;
  childCategoryList?: Category[];
  [key: string]: unknown;
};

/** The category tree; children have the same shape as their parents (an assumption, §19). */
export const categorySchema: z.ZodType<Category> = z.looseObject({
  id: z.string(),
  value: z.string(),
  parentId: z.string().nullish(),
  level: z.number().optional(),
  sortOrder: z.number().optional(),
  createdAt: timestampSchema.optional(),
  updatedAt: timestampSchema.optional(),
  deletedAt: timestampSchema.nullish(),
  get childCategoryList() {
    return z.array(categorySchema).optional();
  },
});
export const categoryListingSchema = z.looseObject({ data: z.array(categorySchema) });

export const formFieldOptionSchema = z.looseObject({
  value: z.string(),
  label: optionalText,
  is_default: z.boolean().nullish(),
});
export const formFieldSchema = z.looseObject({
  id: z.string(),
  system_name: z.string(),
  display_name: optionalText,
  type: z.string(),
  is_default: z.boolean().nullish(),
  is_archived: z.boolean().nullish(),
  is_required: z.boolean().nullish(),
  is_unique: z.boolean().nullish(),
  options: z.array(formFieldOptionSchema).nullish(),
});
export const formFieldListingSchema = listingSchema(formFieldSchema);
