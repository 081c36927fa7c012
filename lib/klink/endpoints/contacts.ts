// Contact endpoints (shared/klink-api/README.md §13 rows 1–9).
import { z } from "zod";
import { cacheTags, changeTags } from "../cache-tags";
import { defineEndpoint, field, LIVE_CACHE, REFERENCE_CACHE, type KlinkCallInput } from "../endpoint-def";
import { idSchema, paginationQuery, paginationQuerySchema, querySchema } from "../schemas/common";
import {
  contactAckSchema,
  contactCreateBodySchema,
  contactDetailSchema,
  contactGroupListingSchema,
  contactListingSchema,
  contactTagsBodySchema,
  contactUpdateBodySchema,
} from "../schemas/contact";
import { formFieldListingSchema } from "../schemas/reference";

const idParams = z.object({ id: idSchema });
const contactId = (input: KlinkCallInput) => field(input.params, "id") ?? "";

/** Everything a change to one contact makes stale (lib/klink/cache-tags.ts). */
const contactChanged = (input: KlinkCallInput) => changeTags({ resource: "contact", id: contactId(input) });

export const contactEndpoints = {
  "contacts.list": defineEndpoint({
    name: "contacts.list",
    method: "GET",
    path: "/api/v1/contacts",
    query: querySchema({
      keyword: z.string().trim().max(200, "must be at most 200 characters").optional(),
      ...paginationQuery,
    }),
    response: contactListingSchema,
    successStatus: 200,
    role: "viewer",
    cache: { ...LIVE_CACHE, tags: () => [cacheTags.contactsList()] },
    verified: true,
  }),
  "contacts.create": defineEndpoint({
    name: "contacts.create",
    method: "POST",
    path: "/api/v1/contacts",
    body: contactCreateBodySchema,
    response: contactDetailSchema,
    successStatus: 201,
    role: "agent",
    invalidates: () => [cacheTags.contactsList()],
    audit: { action: "contact.create", target: () => ({ type: "contact" }) },
    verified: false,
  }),
  "contacts.bySocialId": defineEndpoint({
    name: "contacts.bySocialId",
    method: "GET",
    path: "/api/v1/contacts/social/{socialPlatformId}",
    params: z.object({ socialPlatformId: idSchema }),
    response: contactDetailSchema,
    successStatus: 200,
    role: "viewer",
    cache: { ...LIVE_CACHE, tags: () => [cacheTags.contactSocialLookups()] },
    verified: false,
  }),
  "contacts.fields": defineEndpoint({
    name: "contacts.fields",
    method: "GET",
    path: "/api/v1/contacts/fields",
    query: paginationQuerySchema,
    response: formFieldListingSchema,
    successStatus: 200,
    role: "viewer",
    cache: { ...REFERENCE_CACHE, tags: () => [cacheTags.contactFields()] },
    verified: true,
  }),
  "contacts.get": defineEndpoint({
    name: "contacts.get",
    method: "GET",
    path: "/api/v1/contacts/{id}",
    params: idParams,
    response: contactDetailSchema,
    successStatus: 200,
    role: "viewer",
    cache: { ...LIVE_CACHE, tags: (input) => [cacheTags.contact(contactId(input))] },
    verified: true,
  }),
  "contacts.update": defineEndpoint({
    name: "contacts.update",
    method: "PATCH",
    path: "/api/v1/contacts/{id}",
    params: idParams,
    body: contactUpdateBodySchema,
    response: contactDetailSchema,
    successStatus: 200,
    role: "agent",
    invalidates: contactChanged,
    audit: { action: "contact.update", target: (input) => ({ type: "contact", id: contactId(input) }) },
    verified: false,
  }),
  "contacts.delete": defineEndpoint({
    name: "contacts.delete",
    method: "DELETE",
    path: "/api/v1/contacts/{id}",
    params: idParams,
    response: contactAckSchema,
    successStatus: 200,
    role: "admin",
    invalidates: contactChanged,
    audit: { action: "contact.delete", target: (input) => ({ type: "contact", id: contactId(input) }) },
    verified: false,
  }),
  "contacts.groups": defineEndpoint({
    name: "contacts.groups",
    method: "GET",
    path: "/api/v1/contacts/groups",
    query: paginationQuerySchema,
    response: contactGroupListingSchema,
    successStatus: 200,
    role: "viewer",
    cache: { ...REFERENCE_CACHE, tags: () => [cacheTags.contactGroups()] },
    verified: false,
  }),
  "contacts.updateTags": defineEndpoint({
    name: "contacts.updateTags",
    method: "PATCH",
    path: "/api/v1/contacts/{id}/tags",
    params: idParams,
    body: contactTagsBodySchema,
    response: contactAckSchema,
    successStatus: 200,
    role: "agent",
    // New tag names may create tags, so the tag list goes stale too.
    invalidates: (input) => [...contactChanged(input), cacheTags.tags()],
    audit: { action: "contact.update_tags", target: (input) => ({ type: "contact", id: contactId(input) }) },
    verified: true,
  }),
};
