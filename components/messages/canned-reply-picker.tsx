"use client";
// The canned replies of the message composer: a menu of the user's personal and the shared
// replies, each previewed with its variables filled in. Opened from its button or by typing `/`
// in the message (the text after the slash filters by name); Arrow Down moves into the list,
// Enter or a click inserts, Escape closes and returns to the message.
import { useEffect, useRef } from "react";
import type { PublicCannedReply } from "@/lib/canned-replies/canned-reply-input";
import { fillTemplate, type TemplateValues } from "@/lib/canned-replies/template";
import styles from "./messages.module.css";

export function matchingReplies(replies: PublicCannedReply[], filter: string): PublicCannedReply[] {
  const wanted = filter.trim().toLowerCase();
  return wanted ? replies.filter((reply) => reply.name.toLowerCase().includes(wanted)) : replies;
}

export function CannedReplyPicker({
  replies,
  filter,
  values,
  focusFirst,
  onPick,
  onClose,
}: {
  replies: PublicCannedReply[];
  filter: string;
  values: TemplateValues;
  /** Bumped to move the keyboard focus to the first reply. */
  focusFirst: number;
  onPick: (reply: PublicCannedReply) => void;
  onClose: () => void;
}) {
  const list = useRef<HTMLUListElement>(null);
  const shown = matchingReplies(replies, filter);
  useEffect(() => {
    if (focusFirst > 0) list.current?.querySelector<HTMLButtonElement>("button")?.focus();
  }, [focusFirst]);
  const move = (from: HTMLElement, step: number) => {
    const buttons = [...(list.current?.querySelectorAll<HTMLButtonElement>("button") ?? [])];
    const next = buttons[buttons.indexOf(from as HTMLButtonElement) + step];
    next?.focus();
  };
  return (
    <div className={styles.picker} id="canned-reply-picker">
      {shown.length === 0 ? (
        <p className={styles.pickerEmpty}>
          {replies.length === 0 ? "You have no canned replies yet." : `No canned reply is named like “${filter}”.`}
        </p>
      ) : (
        <ul ref={list} aria-label="Canned replies" className={styles.pickerList}>
          {shown.map((reply) => {
            const preview = fillTemplate(reply.body, values).text;
            return (
              <li key={reply.id}>
                <button
                  type="button"
                  className={styles.pickerItem}
                  onClick={() => onPick(reply)}
                  onKeyDown={(event) => {
                    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
                      event.preventDefault();
                      move(event.currentTarget, event.key === "ArrowDown" ? 1 : -1);
                    } else if (event.key === "Escape") {
                      event.preventDefault();
                      onClose();
                    }
                  }}
                >
                  <span className={styles.pickerName}>
                    {reply.name}
                    {reply.shared ? <span className={styles.pickerShared}> · shared</span> : null}
                  </span>
                  <span className={styles.pickerPreview}>
                    {preview.length > 160 ? `${preview.slice(0, 160)}…` : preview}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
