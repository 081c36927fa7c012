import "server-only";
// The K-LINK delivery envelope: { event, timestamp, data }. Only `event` is required; everything
// else is kept as received (the raw body is stored, not this parse). A body is refused when it is
// not JSON, or is JSON the console cannot store or process as sent (not well-formed UTF-8, a lone
// surrogate or NUL in a string, nested deeper than MAX_JSON_DEPTH: lib/http/json-input.ts); such a
// "poison" body comes with its storable copy, so the history shows what arrived.
import { isUtf8 } from "node:buffer";
import { ApiError } from "../errors/api-error";
import { parseJsonInput } from "../http/json-input";
import { storableText } from "../http/storable-text";

export type Envelope = { event: string; timestamp: string | null; data: unknown };

export type EnvelopeParse =
  { ok: true; envelope: Envelope } | { ok: false; reason: string; event: string | null; storableBody?: string };

const MAX_EVENT_LENGTH = 200;

export function parseEnvelope(rawBody: Buffer): EnvelopeParse {
  const text = rawBody.toString("utf8");
  if (!isUtf8(rawBody)) return poison("The body is not well-formed UTF-8.", text);
  let parsed: unknown;
  try {
    parsed = parseJsonInput(text);
  } catch (error) {
    if (error instanceof ApiError && error.code === "validation_failed") {
      const [field, messages] = Object.entries(error.options.fields ?? {})[0] ?? ["body", [error.message]];
      return poison(`The body cannot be stored as sent: ${field} ${messages[0]}.`, text);
    }
    return { ok: false, reason: "The body is not valid JSON.", event: null };
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
    return { ok: false, reason: "The body must be a JSON object.", event: null };
  }
  const { event, timestamp, data } = parsed as Record<string, unknown>;
  if (typeof event !== "string" || !cleanText(event, MAX_EVENT_LENGTH)) {
    return { ok: false, reason: "The body has no `event` string.", event: null };
  }
  return {
    ok: true,
    envelope: {
      event: cleanText(event, MAX_EVENT_LENGTH),
      timestamp: typeof timestamp === "string" ? cleanText(timestamp, 64) || null : null,
      data,
    },
  };
}

/** The event type a rejected body claims, for the history only (never trusted). */
export function claimedEventType(rawBody: Buffer): string | null {
  const result = parseEnvelope(rawBody);
  return result.ok ? result.envelope.event : result.event;
}

function poison(reason: string, text: string): EnvelopeParse {
  return { ok: false, reason, event: null, storableBody: storableText(text) };
}

// Control characters (NUL above all: PostgreSQL text refuses it) never reach the database.
function cleanText(value: string, max: number): string {
  return storableText(
    value
      .replace(/[\u0000-\u001f\u007f]/g, "")
      .trim()
      .slice(0, max),
  );
}
