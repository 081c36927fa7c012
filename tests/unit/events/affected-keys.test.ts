import { describe, expect, it } from "vitest";
import { isAffectedBy } from "../../../lib/events/affected-keys";
import { cacheTags, changeTags } from "../../../lib/klink/cache-tags";

const ticketUpdated = { type: "ticket.updated", id: "t-1", contactId: "c-1" };

describe("which client data a live event makes stale", () => {
  it("revalidates ticket lists, that ticket and its contact's tickets on a ticket event", () => {
    expect(isAffectedBy(ticketUpdated, "/api/klink/v1/tickets?page=2&status=open")).toBe(true);
    expect(isAffectedBy(ticketUpdated, "/api/klink/v1/tickets/t-1")).toBe(true);
    expect(isAffectedBy(ticketUpdated, ["/api/klink/v1/tickets/contact/c-1", { page: 1 }])).toBe(true);
  });

  it("leaves other tickets, other contacts' tickets and form fields alone", () => {
    expect(isAffectedBy(ticketUpdated, "/api/klink/v1/tickets/t-2")).toBe(false);
    expect(isAffectedBy(ticketUpdated, "/api/klink/v1/tickets/contact/c-2")).toBe(false);
    expect(isAffectedBy(ticketUpdated, "/api/klink/v1/tickets/fields")).toBe(false);
    expect(isAffectedBy(ticketUpdated, "/api/klink/v1/contacts")).toBe(false);
  });

  it("revalidates contact lists and that contact on a contact event", () => {
    const event = { type: "contact.created", id: "c-9" };
    expect(isAffectedBy(event, "/api/klink/v1/contacts?keyword=jo")).toBe(true);
    expect(isAffectedBy(event, "/api/klink/v1/contacts/c-9")).toBe(true);
    expect(isAffectedBy(event, "/api/klink/v1/contacts/c-8")).toBe(false);
    expect(isAffectedBy(event, "/api/klink/v1/contacts/groups")).toBe(false);
  });

  it("revalidates that contact's tickets and every social-id lookup on a contact event, as the server drops them", () => {
    const event = { type: "contact.updated", id: "c-9" };
    expect(isAffectedBy(event, ["/api/klink/v1/tickets/contact/c-9", { page: 1 }])).toBe(true);
    expect(isAffectedBy(event, "/api/klink/v1/contacts/social/PSID-1234567890")).toBe(true);
    expect(isAffectedBy(event, "/api/klink/v1/tickets/contact/c-8")).toBe(false);
    expect(changeTags({ resource: "contact", id: "c-9" })).toEqual(
      expect.arrayContaining([cacheTags.contactTickets("c-9"), cacheTags.contactSocialLookups()]),
    );
  });

  it("revalidates the contact's CX view on a message event", () => {
    const event = { type: "message.inbound", id: "m-1", contactId: "c-3" };
    expect(isAffectedBy(event, "/api/klink/v1/cx-logs?selectedDate=2026-11-25")).toBe(true);
    expect(isAffectedBy(event, "/api/klink/v1/contacts/c-3")).toBe(true);
    expect(isAffectedBy(event, "/api/klink/v1/contacts/c-4")).toBe(false);
  });

  it("refreshes the webhook history on any event, and ignores unrelated and non-URL keys", () => {
    expect(isAffectedBy({ type: "room.solved" }, "/api/admin/webhooks/deliveries?status=failed")).toBe(true);
    expect(isAffectedBy(ticketUpdated, "/api/admin/users")).toBe(false);
    expect(isAffectedBy(ticketUpdated, null)).toBe(false);
    expect(isAffectedBy(ticketUpdated, { url: "/api/klink/v1/tickets" })).toBe(false);
  });
});
