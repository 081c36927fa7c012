import "server-only";
// What a K-LINK event means for the console: the cache tags it makes stale and the live event
// that tells open pages. K-LINK names events <resource>.<bare verb> (contact.create,
// message.inbound); only contact.create and message.* are documented, so payload ids are read
// tolerantly (id, contactId, contact_id, contact.id).
import { changeTags, isChangedResource } from "../klink/cache-tags";
import type { LiveEvent } from "../events/live-event";

export type EventEffects = {
  /** false for event types the console does not know: stored, shown, counted, nothing else. */
  known: boolean;
  tags: string[];
  live: Pick<LiveEvent, "type" | "id" | "contactId"> | null;
};

const PAST_TENSE: Record<string, string> = { create: "created", update: "updated", delete: "deleted" };

export function eventEffects(eventType: string, data: unknown): EventEffects {
  const [resource, verb = ""] = splitEvent(eventType);
  if (!isChangedResource(resource)) return { known: false, tags: [], live: null };
  const record = data && typeof data === "object" ? (data as Record<string, unknown>) : {};
  const id = idOf(record.id);
  // A contact event is about the contact itself; tickets and messages name the contact they belong to.
  const contactId = resource === "contact" ? undefined : contactIdOf(record);
  return {
    known: true,
    tags: changeTags({ resource, id, contactId }),
    live: {
      type: `${resource}.${PAST_TENSE[verb] ?? verb}`,
      ...(id ? { id } : {}),
      ...(contactId ? { contactId } : {}),
    },
  };
}

function splitEvent(eventType: string): [string, string?] {
  const dot = eventType.indexOf(".");
  return dot === -1 ? [eventType] : [eventType.slice(0, dot), eventType.slice(dot + 1)];
}

function idOf(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "string" && value.trim() && value.length <= 200) return value.trim();
  return undefined;
}

function contactIdOf(record: Record<string, unknown>): string | undefined {
  const contact =
    record.contact && typeof record.contact === "object" ? (record.contact as Record<string, unknown>) : {};
  return idOf(record.contactId) ?? idOf(record.contact_id) ?? idOf(contact.id);
}
