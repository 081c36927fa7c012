"use client";
// A contact's tags, with add and remove for agents. K-LINK's "update tags" takes tag NAMES and an
// actionType. Only MERGE is documented: it adds the names to the contact's tags (unknown names
// become new tags), so adding uses MERGE. Removing one tag uses REMOVE with that name — the
// simulator's reading of actionType, unverified against K-LINK — rather than REPLACE with the
// remaining list, which would silently undo a tag someone else added meanwhile.
// Changes show at once and roll back with K-LINK's message if it refuses.
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { consoleApi, type ConsoleApiError } from "@/lib/console/console-api";
import { Button } from "@/components/ui/button";
import { RequestId } from "@/components/ui/notice";
import ui from "@/components/ui/ui.module.css";
import styles from "./contacts.module.css";
import { uriComponent } from "@/lib/http/uri-component";

type Tag = { id: string; name: string };

const folded = (name: string) => name.normalize("NFC").toLocaleLowerCase();

export function ContactTagsEditor({
  contactId,
  tags,
  suggestions,
  canEdit,
}: {
  contactId: string;
  tags: Tag[];
  suggestions: string[];
  canEdit: boolean;
}) {
  const router = useRouter();
  const [shown, setShown] = useState(tags);
  const [pending, setPending] = useState<string[]>([]);
  const [input, setInput] = useState("");
  const [error, setError] = useState<ConsoleApiError | null>(null);
  const [status, setStatus] = useState("");
  const listId = useId();
  // A re-render from the server (after a change, or a live event) is the truth again.
  const serverKey = tags.map((t) => t.id).join(",");
  const [shownKey, setShownKey] = useState(serverKey);
  if (serverKey !== shownKey) {
    setShownKey(serverKey);
    setShown(tags);
  }

  async function change(actionType: "MERGE" | "REMOVE", names: string[], optimistic: Tag[]) {
    const before = shown;
    setShown(optimistic);
    setPending(names);
    setError(null);
    setStatus("");
    const result = await consoleApi(`/api/klink/v1/contacts/${uriComponent(contactId)}/tags`, {
      method: "PATCH",
      body: { actionType, tags: names },
    });
    setPending([]);
    if (!result.ok) {
      setShown(before);
      setError(result.error);
      return false;
    }
    setStatus(actionType === "MERGE" ? `Added ${names.map((n) => `“${n}”`).join(", ")}.` : `Removed “${names[0]}”.`);
    router.refresh();
    return true;
  }

  const add = async () => {
    const have = new Set(shown.map((t) => folded(t.name)));
    const names = [
      ...new Map(
        input
          .split(",")
          .map((n) => n.trim())
          .filter(Boolean)
          .map((n) => [folded(n), n]),
      ).values(),
    ].filter((n) => !have.has(folded(n)));
    if (!names.length) {
      setStatus(input.trim() ? "The contact already has that tag." : "");
      return;
    }
    if (await change("MERGE", names, [...shown, ...names.map((name) => ({ id: `new:${name}`, name }))])) setInput("");
  };

  return (
    <div>
      {shown.length ? (
        <ul className={ui.chips} aria-label="Tags of this contact">
          {shown.map((tag) => (
            <li key={tag.id} className={styles.tagChip} data-pending={pending.includes(tag.name) || undefined}>
              {tag.name}
              {canEdit ? (
                <button
                  type="button"
                  aria-label={`Remove tag ${tag.name}`}
                  title={`Remove ${tag.name}`}
                  disabled={pending.length > 0}
                  onClick={() =>
                    void change(
                      "REMOVE",
                      [tag.name],
                      shown.filter((t) => t.id !== tag.id),
                    )
                  }
                >
                  ×
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className={ui.muted}>No tags.</p>
      )}
      {canEdit ? (
        <form
          className={styles.inlineForm}
          onSubmit={(event) => {
            event.preventDefault();
            void add();
          }}
        >
          <div className={ui.field}>
            <label htmlFor={`${listId}-input`}>Add tags</label>
            <input
              id={`${listId}-input`}
              list={`${listId}-names`}
              value={input}
              onChange={(e) => setInput(e.target.value)}
              placeholder="vip, follow-up"
              aria-describedby={`${listId}-hint`}
              autoComplete="off"
            />
            <datalist id={`${listId}-names`}>
              {suggestions.map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
          </div>
          <Button type="submit" disabled={pending.length > 0}>
            {pending.length ? "Saving…" : "Add"}
          </Button>
          <span id={`${listId}-hint`} className={`${ui.fieldHint} ${styles.hintRow}`}>
            Separate several with commas; a new name creates the tag.
          </span>
        </form>
      ) : null}
      <div aria-live="polite">{status ? <p className={styles.status}>{status}</p> : null}</div>
      {error ? (
        <p role="alert" className={ui.fieldError}>
          The tags were not changed: {error.message} {error.requestId ? <RequestId id={error.requestId} /> : null}
        </p>
      ) : null}
    </div>
  );
}
