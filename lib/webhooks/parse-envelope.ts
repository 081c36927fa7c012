import "server-only";
// The K-LINK delivery envelope: { event, timestamp, data }. Only `event` is required; everything
// else is kept as received (the raw body is stored, not this parse).
export type Envelope = { event: string; timestamp: string | null; data: unknown };

export type EnvelopeParse = { ok: true; envelope: Envelope } | { ok: false; reason: string; event: string | null };

const MAX_EVENT_LENGTH = 200;

export function parseEnvelope(rawBody: Buffer): EnvelopeParse {
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody.toString("utf8"));
  } catch {
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

// Control characters (NUL above all: PostgreSQL text refuses it) never reach the database.
function cleanText(value: string, max: number): string {
  return value
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim()
    .slice(0, max);
}
