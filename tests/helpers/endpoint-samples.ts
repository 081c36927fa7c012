// One valid request per registry endpoint, through the console's paths. Ids come from the
// simulator's seed; destructive calls get a fresh contact each time.
import type { EndpointName } from "../../lib/klink/registry";
import type { ProxyFixture } from "./proxy-fixture";

export type Sample = {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
};

type Seeds = { contactId: string; socialId: string; ticketId: string };

export async function seedIds(f: ProxyFixture): Promise<Seeds> {
  const contacts = (await f.call("GET", "/api/klink/v1/contacts?pageSize=5")).json as {
    data: { id: string; platformContacts?: { socialPlatformId?: string }[] }[];
  };
  const withSocial = contacts.data.find((c) => c.platformContacts?.some((p) => p.socialPlatformId))!;
  const tickets = (await f.call("GET", "/api/klink/v1/tickets?pageSize=1")).json as { data: { id: string }[] };
  return {
    contactId: contacts.data[0].id,
    socialId: withSocial.platformContacts!.find((p) => p.socialPlatformId)!.socialPlatformId!,
    ticketId: tickets.data[0].id,
  };
}

async function freshContact(f: ProxyFixture): Promise<string> {
  const created = await f.call("POST", "/api/klink/v1/contacts", { body: { name: "Disposable contact" } });
  return (created.json as { data: { id: string } }).data.id;
}

export const samples: Record<EndpointName, (f: ProxyFixture, s: Seeds) => Promise<Sample> | Sample> = {
  "contacts.list": () => ({ method: "GET", path: "/api/klink/v1/contacts?page=1&pageSize=5" }),
  "contacts.create": () => ({
    method: "POST",
    path: "/api/klink/v1/contacts",
    body: { name: "Somchai Jaidee", contactEmails: [{ email: "somchai@example.co.th" }] },
  }),
  "contacts.bySocialId": (_, s) => ({
    method: "GET",
    path: `/api/klink/v1/contacts/social/${encodeURIComponent(s.socialId)}`,
  }),
  "contacts.fields": () => ({ method: "GET", path: "/api/klink/v1/contacts/fields" }),
  "contacts.get": (_, s) => ({ method: "GET", path: `/api/klink/v1/contacts/${s.contactId}` }),
  "contacts.update": (_, s) => ({
    method: "PATCH",
    path: `/api/klink/v1/contacts/${s.contactId}`,
    body: { notes: "Prefers Thai" },
  }),
  "contacts.delete": async (f) => ({ method: "DELETE", path: `/api/klink/v1/contacts/${await freshContact(f)}` }),
  "contacts.groups": () => ({ method: "GET", path: "/api/klink/v1/contacts/groups" }),
  "contacts.updateTags": (_, s) => ({
    method: "PATCH",
    path: `/api/klink/v1/contacts/${s.contactId}/tags`,
    body: { actionType: "MERGE", tags: ["vip"] },
  }),
  "tags.list": () => ({ method: "GET", path: "/api/klink/v1/tags" }),
  "channels.list": () => ({ method: "GET", path: "/api/klink/v1/channels" }),
  "channels.create": () => ({
    method: "POST",
    path: "/api/klink/v1/channels",
    body: { name: "Custom channel", type: "custom" },
  }),
  "tickets.list": () => ({ method: "GET", path: "/api/klink/v1/tickets?pageSize=5" }),
  "tickets.create": (_, s) => ({
    method: "POST",
    path: "/api/klink/v1/tickets",
    body: {
      title: "Cannot log in",
      description: "After the password reset",
      status: "open",
      priority: "high",
      contact_id: s.contactId,
      channel: "email",
    },
  }),
  "tickets.byContact": (_, s) => ({ method: "GET", path: `/api/klink/v1/tickets/contact/${s.contactId}` }),
  "tickets.fields": () => ({ method: "GET", path: "/api/klink/v1/tickets/fields" }),
  "tickets.update": (_, s) => ({
    method: "PATCH",
    path: `/api/klink/v1/tickets/${s.ticketId}`,
    body: { priority: "urgent" },
  }),
  "tickets.updateStatus": (_, s) => ({
    method: "PUT",
    path: `/api/klink/v1/tickets/${s.ticketId}/status`,
    body: { status: "pending" },
  }),
  "categories.list": () => ({ method: "GET", path: "/api/klink/v1/categories" }),
  "cxLogs.list": () => ({
    method: "GET",
    path: `/api/klink/v1/cx-logs?selectedDate=${encodeURIComponent("2026/01/01 00:00:00-2026/01/07 23:59:59")}`,
    headers: { "x-client-timezone": "Asia/Bangkok" },
  }),
  "messages.send": (_, s) => ({
    method: "POST",
    path: "/api/klink/v1/messages/send",
    body: { contactId: s.contactId, messageType: "text", message: "สวัสดีค่ะ" },
  }),
};
