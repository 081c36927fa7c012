import "server-only";
// What a successful write through the console means for collaboration: it is noted as a recent
// change of its ticket or contact, with who made it (collision warnings for others on the same
// record), and its author follows what they created or messaged. Never throws: K-LINK has made
// the change already.
import { recordChange, type ChangeKind } from "../collisions/record-change";
import type { RecordType } from "../collisions/record-ref";
import type { Actor } from "../identity/actor";
import type { KlinkCallInput } from "../klink/registry";
import { logger } from "../log/logger";
import { autoFollow } from "../notifications/follows";

type Effect = {
  type: RecordType;
  id: string | undefined;
  kind: ChangeKind;
  summary: string;
  follow?: { label: string; contactId?: string };
};

export async function afterConsoleWrite(options: {
  actor: Actor;
  endpoint: string;
  connectionId: string;
  input: KlinkCallInput;
  answer: unknown;
}): Promise<void> {
  try {
    const effect = effectOf(options.endpoint, options.input, options.answer);
    if (!effect?.id) return;
    await recordChange({
      connectionId: options.connectionId,
      type: effect.type,
      id: effect.id,
      source: "console",
      actor: { userId: options.actor.userId, name: options.actor.name || options.actor.email },
      kind: effect.kind,
      summary: effect.summary,
    });
    if (effect.follow)
      await autoFollow(options.actor.userId, {
        connectionId: options.connectionId,
        type: effect.type,
        id: effect.id,
        contactId: effect.follow.contactId,
        label: effect.follow.label,
      });
  } catch (error) {
    logger.warn({ err: error, endpoint: options.endpoint }, "could not note a console write for collaboration");
  }
}

function effectOf(endpoint: string, input: KlinkCallInput, answer: unknown): Effect | null {
  const body = record(input.body);
  const params = record(input.params);
  switch (endpoint) {
    case "messages.send":
      return {
        type: "contact",
        id: text(body.contactId),
        kind: "message",
        summary: `sent a message: “${excerpt(text(body.message) ?? "")}”`,
        follow: { label: `Contact ${text(body.contactId)}` },
      };
    case "tickets.update":
      return {
        type: "ticket",
        id: text(params.id),
        kind: "update",
        summary: `changed ${fieldList(body)}`,
      };
    case "tickets.updateStatus":
      return {
        type: "ticket",
        id: text(params.id),
        kind: "status",
        summary: `set the status to ${text(body.status) ?? "another value"}`,
      };
    case "tickets.create": {
      const created = record(record(answer).data ?? answer);
      const number = text(created.ticketNumber);
      return {
        type: "ticket",
        id: text(created.id),
        kind: "create",
        summary: "created the ticket",
        follow: {
          label: `Ticket${number ? ` #${number}` : ""}: ${excerpt(text(created.title) ?? text(body.title) ?? "")}`,
          contactId: text(created.contactId) ?? text(body.contact_id) ?? text(body.contactId),
        },
      };
    }
    case "contacts.create": {
      const created = record(record(answer).data ?? answer);
      return {
        type: "contact",
        id: text(created.id),
        kind: "create",
        summary: "created the contact",
        follow: { label: `Contact ${text(created.name) ?? text(body.name) ?? text(created.id)}` },
      };
    }
    case "contacts.update":
      return { type: "contact", id: text(params.id), kind: "update", summary: `changed ${fieldList(body)}` };
    case "contacts.updateTags":
      return { type: "contact", id: text(params.id), kind: "update", summary: "changed the tags" };
    default:
      return null;
  }
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function text(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return typeof value === "string" && value.trim() ? value.trim() : undefined;
}

function excerpt(value: string, max = 80): string {
  const flat = value.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function fieldList(body: Record<string, unknown>): string {
  const names = Object.keys(body).filter((name) => name !== "customFields");
  if (body.customFields && typeof body.customFields === "object")
    names.push(...Object.keys(record(body.customFields)).map((name) => `custom field ${name}`));
  return names.length ? names.slice(0, 8).join(", ") : "the record";
}
