"use client";
// A ticket's status, and for agents and admins the buttons that change it. The change shows at
// once (optimistic); when K-LINK or the console refuses it, the previous status comes back with
// the reason. On success the page re-renders from fresh data (the proxy dropped the cached pages).
import { useRouter } from "next/navigation";
import { startTransition, useOptimistic, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Notice, RequestId } from "@/components/ui/notice";
import { consoleApi, type ConsoleApiError } from "@/lib/console/console-api";
import { optionsWith, type FieldOption } from "@/lib/console/ticket-field-model";
import styles from "./tickets.module.css";
import { uriComponent } from "@/lib/http/uri-component";

export function TicketStatusControl({
  ticketId,
  status,
  options,
  canWrite,
}: {
  ticketId: string;
  status: string | null;
  options: FieldOption[];
  canWrite: boolean;
}) {
  const router = useRouter();
  // After a confirmed change, shown until the page's data catches up (or changes otherwise).
  const [confirmed, setConfirmed] = useState<{ from: string | null; to: string } | null>(null);
  const base = confirmed && confirmed.from === status ? confirmed.to : status;
  const [shown, setShown] = useOptimistic(base);
  const [failure, setFailure] = useState<{ wanted: string; error: ConsoleApiError } | null>(null);
  const [pending, setPending] = useState(false);
  const labelOf = (value: string | null) => options.find((o) => o.value === value)?.label ?? value;

  const change = (next: string) => {
    if (next === base || pending) return;
    setFailure(null);
    setPending(true);
    startTransition(async () => {
      setShown(next);
      const answer = await consoleApi(`/api/klink/v1/tickets/${uriComponent(ticketId)}/status`, {
        method: "PUT",
        body: { status: next },
      });
      if (answer.ok) {
        setConfirmed({ from: status, to: next });
        router.refresh();
      } else setFailure({ wanted: next, error: answer.error });
      setPending(false);
    });
  };

  return (
    <div className={styles.statusBlock}>
      <div className={styles.statusNow} aria-live="polite">
        <span className={styles.statusLabel}>Status</span>
        <span data-testid="ticket-status">
          <Badge value={labelOf(shown)} />
        </span>
        {pending ? <span className={styles.saving}>Saving…</span> : null}
      </div>
      {canWrite ? (
        <div role="group" aria-label="Change status" className={styles.statusButtons}>
          {optionsWith(options, base).map((option) => (
            <button
              key={option.value}
              type="button"
              className={styles.statusButton}
              aria-pressed={option.value === shown}
              aria-disabled={pending || undefined}
              onClick={() => change(option.value)}
            >
              {option.label}
            </button>
          ))}
        </div>
      ) : null}
      {failure ? (
        <Notice tone="error" title={`The status was not changed to “${labelOf(failure.wanted)}”.`}>
          <p>
            {failure.error.message} It is back to “{labelOf(base)}”.
          </p>
          {failure.error.requestId ? (
            <p>
              <RequestId id={failure.error.requestId} />
            </p>
          ) : null}
        </Notice>
      ) : null}
    </div>
  );
}
