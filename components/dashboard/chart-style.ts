// Chart colours and series, shared by the server-rendered cards and the client charts.
// Bars take the tone the Badge gives the same word (open blue, pending amber,
// resolved green, urgent red …) and a neutral slate otherwise: tenants name their own options,
// so nothing here is a list of allowed values. Every colour has at least 3:1 contrast on white
// (WCAG non-text contrast). Safe to import anywhere.
import { toneOf } from "@/components/ui/badge";

const TONE_COLOURS: Record<string, string> = {
  "tone-blue": "#2563eb",
  "tone-amber": "#c26a05",
  "tone-green": "#15803d",
  "tone-red": "#dc2626",
  "tone-violet": "#7c3aed",
};

export const NEUTRAL = "#64748b";
export const CHANNEL_COLOUR = "#0f766e";

export function colourOf(value: string): string {
  const tone = toneOf(value);
  return (tone && TONE_COLOURS[tone]) || NEUTRAL;
}

/** The stacked series of the deliveries chart and the cache chart, in order. */
export const SERIES_COLOURS: Record<string, string> = {
  processed: "#15803d",
  waiting: "#c26a05",
  failed: "#dc2626",
  duplicate: "#64748b",
  rejected: "#7c3aed",
  hit: "#15803d",
  stale: "#c26a05",
  miss: "#2563eb",
  bypass: "#64748b",
  ok: "#15803d",
  failures: "#dc2626",
};

/** The deliveries chart's stacked series, bottom to top. */
export const DELIVERY_SERIES = [
  { key: "processed", label: "Processed" },
  { key: "waiting", label: "Waiting" },
  { key: "failed", label: "Failed processing" },
  { key: "duplicate", label: "Duplicate" },
  { key: "rejected", label: "Rejected" },
] as const;

export type HourPoint = { hour: string; hourStart: string; total: number } & Record<
  (typeof DELIVERY_SERIES)[number]["key"],
  number
>;
