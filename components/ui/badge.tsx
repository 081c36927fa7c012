// A small coloured label for a status, priority or channel. K-LINK tenants define their own
// values (they come from the Form Fields endpoints), so the colour is chosen from well-known
// words and falls back to neutral: never a hard-coded list of allowed values.
import styles from "./ui.module.css";

const TONES: [RegExp, string][] = [
  [/^(open|new|todo)$/i, "tone-blue"],
  [/pending|waiting|hold|progress|medium/i, "tone-amber"],
  [/resolved|closed|done|solved|low/i, "tone-green"],
  [/urgent|high|critical|escalat/i, "tone-red"],
];

export function toneOf(value: string): string | undefined {
  return TONES.find(([pattern]) => pattern.test(value.trim()))?.[1];
}

export function Badge({ value, label }: { value: string | null | undefined; label?: string }) {
  if (!value) return <span className={styles.muted}>—</span>;
  const tone = toneOf(value);
  return (
    <span
      className={[styles.badge, tone ? styles[tone] : ""].filter(Boolean).join(" ")}
      aria-label={label ? `${label}: ${value}` : undefined}
    >
      {value}
    </span>
  );
}
