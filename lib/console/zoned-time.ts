// K-LINK timestamps (four formats, shared/klink-api/README.md §4) read as instants and shown as wall-clock time in a
// given IANA zone. Safe to import anywhere (Intl only).

/** Milliseconds since the epoch, or NaN for a value that is not a recognisable timestamp. */
export function parseKlinkTime(value: string | null | undefined): number {
  if (!value) return Number.NaN;
  const normalised = value
    .trim()
    .replace(" ", "T")
    // "…+00" (SQL style) → "…+00:00"
    .replace(/([+-]\d{2})$/, "$1:00")
    // Micro- and nanoseconds → milliseconds: Date.parse only promises three digits.
    .replace(/(\.\d{3})\d+/, "$1");
  return Date.parse(normalised);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** "2026-03-30 15:30" in `timeZone`; the raw value when it cannot be read. */
export function formatInZone(value: string | null | undefined, timeZone: string): string {
  const ms = parseKlinkTime(value);
  if (Number.isNaN(ms)) return value ?? "—";
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** The calendar date (YYYY-MM-DD) in `timeZone` at `now`. */
export function dateIn(timeZone: string, now: Date): string {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** Seconds as "45 s", "4 min 12 s", "1 h 05 min". */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return "—";
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, "0")} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, "0")} min`;
}
