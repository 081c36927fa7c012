// The initials of a contact, for recognising rows at a glance. Names may be Thai, Burmese or
// Chinese: the first grapheme of each of the first two words, never a broken code point.
import styles from "./contacts.module.css";

const segmenter =
  typeof Intl.Segmenter === "function" ? new Intl.Segmenter(undefined, { granularity: "grapheme" }) : null;

function firstGrapheme(word: string): string {
  if (!segmenter) return Array.from(word)[0] ?? "";
  for (const { segment } of segmenter.segment(word)) return segment;
  return "";
}

export function initialsOf(name: string | null | undefined): string {
  const words = (name ?? "").trim().split(/\s+/).filter(Boolean);
  return words.slice(0, 2).map(firstGrapheme).join("").toUpperCase() || "?";
}

export function ContactAvatar({ name, large }: { name: string | null | undefined; large?: boolean }) {
  return (
    <span className={`${styles.avatar} ${large ? styles.avatarLarge : ""}`} aria-hidden="true">
      {initialsOf(name)}
    </span>
  );
}
