// Contact endpoints of the simulator. Shapes of the uncaptured ones (our choice, unverified):
// create → 201 {status:"success", message, data: contact}; update → 200 same envelope;
// delete → 200 {status:"success", message, data: <the deleted contact>} (soft delete: gone from
// lists and detail); by social id → the detail envelope; groups → the listing envelope.
import { customFieldsToMap, validateCustomFields } from "../../schemas/custom-fields";
import { contactCreateBodySchema, contactTagsBodySchema, contactUpdateBodySchema } from "../../schemas/contact";
import { paginate, SimHttpError, validBody } from "../http-io";
import type { ContactRecord, SimState } from "../state";
import { contactView } from "../views";
import type { Handler, SimContext } from "./types";

export function liveContact(state: SimState, id: string): ContactRecord {
  const contact = state.contacts.find((c) => c.id === id && !c.deletedAt);
  if (!contact) throw new SimHttpError(404, "Contact not found");
  return contact;
}

const fold = (text: string) => text.normalize("NFC").toLowerCase();

function matchesKeyword(contact: ContactRecord, keyword: string): boolean {
  const digits = keyword.replace(/[^\d]/g, "");
  const phones = [contact.contactNumber ?? "", ...contact.contactPhones.map((p) => p.phone)];
  return (
    fold(contact.name).includes(keyword) ||
    contact.contactEmails.some((e) => fold(e.email).includes(keyword)) ||
    phones.some((p) => p.includes(keyword) || (digits.length >= 3 && p.replace(/[^\d]/g, "").includes(digits)))
  );
}

function checkCustomFields(ctx: SimContext, value: unknown): Record<string, unknown> {
  const map = customFieldsToMap(value);
  const problems = validateCustomFields(map, ctx.state.contactFields);
  const entries = Object.entries(problems);
  if (entries.length)
    throw new SimHttpError(400, `Validation failed: ${entries.map(([k, m]) => `customFields.${k}: ${m}`).join("; ")}`);
  return map;
}

function applyFields(ctx: SimContext, contact: ContactRecord, body: Record<string, unknown>): void {
  const at = ctx.now().toISOString();
  for (const key of [
    "name",
    "address",
    "channel",
    "notes",
    "contactNumber",
    "socialProfileUrl",
    "companyId",
  ] as const) {
    if (key in body) (contact as Record<string, unknown>)[key] = body[key] ?? null;
  }
  if (Array.isArray(body.contactEmails)) {
    contact.contactEmails = (body.contactEmails as { email: string; isPrimary?: boolean }[]).map((e, i) => ({
      id: ctx.rng.uuid(),
      email: e.email,
      isPrimary: e.isPrimary ?? i === 0,
      createdAt: at,
    }));
  }
  if (Array.isArray(body.contactPhones)) {
    contact.contactPhones = (body.contactPhones as { phone: string; isPrimary?: boolean }[]).map((p, i) => ({
      id: ctx.rng.uuid(),
      phone: p.phone,
      isPrimary: p.isPrimary ?? i === 0,
      createdAt: at,
    }));
    if (!("contactNumber" in body))
      contact.contactNumber = contact.contactPhones.find((p) => p.isPrimary)?.phone ?? null;
  }
  if ("customFields" in body)
    contact.customFields = { ...contact.customFields, ...checkCustomFields(ctx, body.customFields) };
  // Fields the simulator does not model are kept, as a real API would store what it accepts.
  for (const [key, value] of Object.entries(body)) {
    if (!(key in contact) && !["contactEmails", "contactPhones", "customFields"].includes(key)) contact[key] = value;
  }
  contact.updatedAt = at;
}

export const contactHandlers: Record<string, Handler> = {
  "contacts.list": (req, { state }) => {
    const keyword = fold(req.query.get("keyword")?.trim() ?? "");
    const live = state.contacts.filter((c) => !c.deletedAt && (!keyword || matchesKeyword(c, keyword)));
    return { status: 200, body: paginate(live, req.query, (c) => contactView(state, c)) };
  },

  "contacts.create": (req, ctx) => {
    const body = validBody(contactCreateBodySchema, req.body) as Record<string, unknown>;
    const at = ctx.now().toISOString();
    const contact: ContactRecord = {
      id: ctx.rng.uuid(),
      name: "",
      address: null,
      channel: null,
      notes: null,
      contactNumber: null,
      socialProfileUrl: null,
      contactProfile: null,
      companyId: null,
      company: null,
      tags: [],
      contactEmails: [],
      contactPhones: [],
      platformContacts: [],
      customFields: {},
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
    };
    applyFields(ctx, contact, body);
    ctx.state.contacts.unshift(contact);
    const view = contactView(ctx.state, contact);
    ctx.emit("contact.create", view);
    return { status: 201, body: { status: "success", message: "Contact created successfully", data: view } };
  },

  "contacts.bySocialId": (req, { state }) => {
    const id = req.params.socialPlatformId;
    const contact = state.contacts.find(
      (c) => !c.deletedAt && c.platformContacts.some((p) => p.socialPlatformId === id),
    );
    if (!contact) throw new SimHttpError(404, "Contact not found");
    return { status: 200, body: { status: "success", message: "contact", data: contactView(state, contact) } };
  },

  "contacts.fields": (req, { state }) => ({ status: 200, body: paginate(state.contactFields, req.query, (f) => f) }),

  "contacts.get": (req, { state }) => ({
    status: 200,
    body: { status: "success", message: "contact", data: contactView(state, liveContact(state, req.params.id)) },
  }),

  "contacts.update": (req, ctx) => {
    const contact = liveContact(ctx.state, req.params.id);
    const body = validBody(contactUpdateBodySchema, req.body) as Record<string, unknown>;
    applyFields(ctx, contact, body);
    const view = contactView(ctx.state, contact);
    ctx.emit("contact.update", view);
    return { status: 200, body: { status: "success", message: "Contact updated successfully", data: view } };
  },

  "contacts.delete": (req, ctx) => {
    const contact = liveContact(ctx.state, req.params.id);
    contact.deletedAt = ctx.now().toISOString();
    const view = contactView(ctx.state, contact);
    ctx.emit("contact.delete", view);
    return { status: 200, body: { status: "success", message: "Contact deleted successfully", data: view } };
  },

  "contacts.groups": (req, { state }) => ({ status: 200, body: paginate(state.groups, req.query, (g) => g) }),

  "contacts.updateTags": (req, ctx) => {
    const contact = liveContact(ctx.state, req.params.id);
    const { actionType, tags } = validBody(contactTagsBodySchema, req.body);
    const at = ctx.now().toISOString();
    const byName = (name: string) => {
      let tag = ctx.state.tags.find((t) => t.name.toLowerCase() === name.toLowerCase());
      // Unknown names become new tags, as tagging in the K-LINK inbox does.
      if (!tag && actionType !== "REMOVE") {
        tag = { id: ctx.rng.uuid(), name, createdAt: at, updatedAt: at, deletedAt: null };
        ctx.state.tags.push(tag);
      }
      return tag;
    };
    const named = tags
      .map(byName)
      .filter((t) => t !== undefined)
      .map((t) => ({ id: t.id, name: t.name }));
    if (actionType === "REPLACE") contact.tags = named;
    else if (actionType === "REMOVE") contact.tags = contact.tags.filter((t) => !named.some((n) => n.id === t.id));
    else contact.tags = [...contact.tags, ...named.filter((n) => !contact.tags.some((t) => t.id === n.id))];
    contact.updatedAt = at;
    ctx.emit("contact.update", contactView(ctx.state, contact));
    return { status: 200, body: { status: "success", message: "Contact tags updated successfully", data: null } };
  },
};
