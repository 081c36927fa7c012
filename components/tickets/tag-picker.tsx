"use client";
// Picks a ticket's tags from the tenant's tags (tags.list); tickets take tag UUIDs. A tag the
// ticket has but the list does not (deleted meanwhile) stays listed and chosen.
import { useState } from "react";
import styles from "./tickets.module.css";

export type TagChoice = { id: string; name: string };

export function TagPicker({
  tags,
  chosen,
  onChange,
  error,
}: {
  tags: TagChoice[];
  chosen: string[];
  onChange: (ids: string[]) => void;
  error?: string[];
}) {
  const [filter, setFilter] = useState("");
  const all = [
    ...tags,
    ...chosen
      .filter((id) => !tags.some((t) => t.id === id))
      .map((id) => ({ id, name: `${id.slice(0, 8)}… (unknown tag)` })),
  ];
  const needle = filter.trim().toLowerCase();
  const visible = needle ? all.filter((t) => t.name.toLowerCase().includes(needle) || chosen.includes(t.id)) : all;
  return (
    <fieldset className={styles.choiceFieldset} aria-describedby={error?.length ? "ticket-tags-error" : undefined}>
      <legend>Tags</legend>
      {all.length > 12 ? (
        <input
          type="search"
          className={styles.tagFilter}
          placeholder="Filter tags"
          aria-label="Filter tags"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
        />
      ) : null}
      {all.length === 0 ? <p className={styles.fieldNote}>This tenant has no tags.</p> : null}
      <div className={styles.choices}>
        {visible.map((tag) => (
          <label key={tag.id} className={styles.choice}>
            <input
              type="checkbox"
              checked={chosen.includes(tag.id)}
              onChange={(event) =>
                onChange(event.target.checked ? [...chosen, tag.id] : chosen.filter((id) => id !== tag.id))
              }
            />
            {tag.name}
          </label>
        ))}
      </div>
      {error?.length ? (
        <p id="ticket-tags-error" className={styles.inlineError}>
          {error.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}
