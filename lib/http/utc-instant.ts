// A point in time from a URL filter: a date (2026-03-01: the start of that day, or its end for
// an upper bound), a date-time without a zone as a datetime-local field sends it
// (2026-03-01T12:00, read as UTC: the console's pages label their times UTC, and the server's own
// zone must not decide), or a full ISO date-time. Safe to import anywhere.
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;

export function parseUtcInstant(value: string, bound: "start" | "end" = "start"): Date | null {
  const text = value.trim();
  const iso = DATE_ONLY.test(text)
    ? `${text}T${bound === "end" ? "23:59:59.999" : "00:00:00.000"}Z`
    : LOCAL_DATE_TIME.test(text)
      ? `${text}Z`
      : text;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}
