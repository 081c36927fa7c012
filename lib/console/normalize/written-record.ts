// The record a write's answer carries (`{success|status, message, data: {…}}` in K-LINK's
// envelopes), read without trusting the answer: K-LINK acknowledged the write with a 2xx, so the
// write happened whatever the body looks like (it may be text, empty or of another shape).
// Safe to import anywhere.
import { asRecord, asText, type JsonRecord } from "./values";

/** `data` of the envelope; null when the answer holds no such object. */
export function writtenRecord(answer: unknown): JsonRecord | null {
  return asRecord(asRecord(answer)?.data);
}

/** A text field of the written record (its id, name, createdAt …), or null. */
export function writtenText(answer: unknown, key: string): string | null {
  return asText(writtenRecord(answer)?.[key]) || null;
}
