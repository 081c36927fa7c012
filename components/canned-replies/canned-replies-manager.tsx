"use client";
// The canned replies page: the user's personal replies and the shared ones, each editable by who
// may change it (its owner; admins for shared ones), and a form for a new one.
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Section } from "@/components/ui/page-header";
import { consoleApi } from "@/lib/console/console-api";
import type { PublicCannedReply } from "@/lib/canned-replies/canned-reply-input";
import { CannedReplyForm } from "./canned-reply-form";
import ui from "@/components/ui/ui.module.css";
import styles from "./canned-replies.module.css";

export function CannedRepliesManager({ initial, isAdmin }: { initial: PublicCannedReply[]; isAdmin: boolean }) {
  const [replies, setReplies] = useState(initial);
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const sorted = [...replies].sort((a, b) => a.name.localeCompare(b.name));
  const groups = [
    { title: "Your canned replies", id: "personal", items: sorted.filter((r) => !r.shared) },
    { title: "Shared canned replies", id: "shared", items: sorted.filter((r) => r.shared) },
  ];
  return (
    <>
      <div role="status" aria-live="polite" className={styles.status}>
        {message}
      </div>
      {groups.map((group) => (
        <Section key={group.id} title={group.title} id={group.id}>
          {group.items.length === 0 ? (
            <EmptyState title="None yet">
              <p>{group.id === "shared" && !isAdmin ? "Admins add shared replies." : "Add one below."}</p>
            </EmptyState>
          ) : (
            <ul className={styles.list}>
              {group.items.map((reply) =>
                editing === reply.id ? (
                  <li key={reply.id}>
                    <CannedReplyForm
                      reply={reply}
                      canShare={isAdmin}
                      onCancel={() => setEditing(null)}
                      onDone={(saved) => {
                        setReplies((all) => all.map((r) => (r.id === saved.id ? saved : r)));
                        setEditing(null);
                        setMessage(`Saved “${saved.name}”.`);
                      }}
                    />
                  </li>
                ) : (
                  <li key={reply.id} className={styles.item}>
                    <div>
                      <h3 className={styles.name}>{reply.name}</h3>
                      <p className={styles.body}>{reply.body}</p>
                    </div>
                    {reply.editable ? (
                      <div className={ui.actions}>
                        <Button size="small" onClick={() => setEditing(reply.id)} aria-label={`Edit ${reply.name}`}>
                          Edit
                        </Button>
                        <ConfirmDialog
                          trigger="Delete"
                          title={`Delete “${reply.name}”?`}
                          confirmLabel="Delete"
                          onConfirm={async () => {
                            const answer = await consoleApi(`/api/canned-replies/${encodeURIComponent(reply.id)}`, {
                              method: "DELETE",
                            });
                            if (answer.ok) {
                              setReplies((all) => all.filter((r) => r.id !== reply.id));
                              setMessage(`Deleted “${reply.name}”.`);
                            } else setMessage(answer.error.message);
                          }}
                        />
                      </div>
                    ) : null}
                  </li>
                ),
              )}
            </ul>
          )}
        </Section>
      ))}
      <Section title="New canned reply" id="new">
        <CannedReplyForm
          canShare={isAdmin}
          onDone={(saved) => {
            setReplies((all) => [...all, saved]);
            setMessage(`Added “${saved.name}”.`);
          }}
        />
      </Section>
    </>
  );
}
