// Contacts (endpoints.md "Shared object: Contact", §1–§9).
import { z } from "zod";
import { contactCustomFieldsSchema } from "./custom-fields";
import { detailEnvelope, idSchema, listingSchema, optionalText, recordTimestamps, tagRefSchema } from "./common";

const contactEmailSchema = z.looseObject({
  id: z.string().optional(),
  email: z.string(),
  isPrimary: z.boolean().nullish(),
  // "createdA…": the webhook example is cut off inside this key.
  createdAt: optionalText,
});
/** `contactPhones` is our reading by analogy with `contactEmails`; the real name was not captured. */
const contactPhoneSchema = z.looseObject({
  id: z.string().optional(),
  phone: z.string(),
  isPrimary: z.boolean().nullish(),
  createdAt: optionalText,
});
export const platformContactSchema = z.looseObject({
  id: z.string(),
  ...recordTimestamps,
  socialPlatformId: optionalText,
  channelId: optionalText,
  type: optionalText,
  botpress_user_metadata: z.unknown(),
});

export const contactSchema = z.looseObject({
  id: z.string(),
  name: optionalText,
  address: optionalText,
  channel: optionalText,
  notes: optionalText,
  contactNumber: optionalText,
  socialProfileUrl: optionalText,
  contactProfile: optionalText,
  companyId: optionalText,
  company: z.looseObject({ id: z.string(), name: optionalText }).nullish(),
  tags: z.array(tagRefSchema).nullish(),
  contactEmails: z.array(contactEmailSchema).nullish(),
  contactPhones: z.array(contactPhoneSchema).nullish(),
  platformContacts: z.array(platformContactSchema).nullish(),
  /** "Array of objects" (old contact model); the items' shape is unconfirmed (shared/klink-api/README.md §8). */
  customFields: z.array(z.unknown()).nullish(),
  createdAt: optionalText,
  updatedAt: optionalText,
  deletedAt: optionalText,
});

export const contactListingSchema = listingSchema(contactSchema);
export const contactDetailSchema = detailEnvelope(contactSchema);
/** Delete and "update tags" answer `{status, message, data: null}` (update tags is documented). */
export const contactAckSchema = detailEnvelope(z.unknown());

export const contactGroupSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: optionalText,
  contactCount: z.number().nullish(),
  ...recordTimestamps,
});
export const contactGroupListingSchema = listingSchema(contactGroupSchema);

const nullableText = (max: number) => z.string().max(max, `must be at most ${max} characters`).nullable().optional();

const contactFields = {
  name: z.string({ error: "is required" }).trim().min(1, "is required").max(200, "must be at most 200 characters"),
  address: nullableText(500),
  channel: nullableText(50),
  notes: nullableText(5000),
  contactNumber: nullableText(50),
  socialProfileUrl: nullableText(2000),
  companyId: idSchema.nullable().optional(),
  contactEmails: z
    .array(z.looseObject({ email: z.email("must be an e-mail address"), isPrimary: z.boolean().optional() }))
    .max(20, "at most 20 e-mail addresses")
    .optional(),
  contactPhones: z
    .array(
      z.looseObject({
        phone: z.string().trim().min(3, "must be a phone number").max(50, "must be a phone number"),
        isPrimary: z.boolean().optional(),
      }),
    )
    .max(20, "at most 20 phone numbers")
    .optional(),
  customFields: contactCustomFieldsSchema.optional(),
};

/** Contact create: not captured; the fields of the Contact object (endpoints.md §2). */
export const contactCreateBodySchema = z.looseObject(contactFields);

/** Contact update (PATCH): any create field; at least one. */
export const contactUpdateBodySchema = z
  .looseObject({ ...contactFields, name: contactFields.name.optional() })
  .refine((body) => Object.keys(body).length > 0, { message: "send at least one field to change" });

/**
 * Update tags (documented): tag names. Only MERGE is documented; REPLACE and REMOVE are our
 * reading of the word "actionType" and are unverified.
 */
export const contactTagsBodySchema = z.looseObject({
  actionType: z.enum(["MERGE", "REPLACE", "REMOVE"], { error: "must be MERGE, REPLACE or REMOVE" }),
  tags: z
    .array(z.string().trim().min(1, "tag names are not empty").max(100, "tag names are at most 100 characters"))
    .max(100, "at most 100 tags"),
});
