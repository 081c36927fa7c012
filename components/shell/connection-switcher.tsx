"use client";
// Shows the active K-LINK connection and, when there are several, switches between them. The
// choice is kept in a cookie (set by a server action) and the whole page's data is re-read.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useSWRConfig } from "swr";
import type { ConnectionChoice } from "@/lib/connections/list-connection-choices";
import type { ActionResult } from "@/lib/doors/server-action";
import styles from "./shell.module.css";
import ui from "@/components/ui/ui.module.css";

export type ConnectionHealth = "healthy" | "failing" | "unknown";

const HEALTH_TEXT: Record<ConnectionHealth, string> = {
  healthy: "answering",
  failing: "not answering",
  unknown: "not called yet",
};

/** The active connection's health as this console last saw it: a coloured dot, and words for screen readers and on hover. */
function HealthDot({ health }: { health: ConnectionHealth }) {
  const tone = health === "healthy" ? "" : health === "failing" ? styles.dotFailing : styles.dotOff;
  return (
    <>
      <span className={`${styles.dot} ${tone}`} aria-hidden="true" title={`K-LINK ${HEALTH_TEXT[health]}`} />
      <span className={ui.srOnly}>K-LINK {HEALTH_TEXT[health]}:</span>
    </>
  );
}

export function ConnectionSwitcher({
  choices,
  activeId,
  health,
  select,
}: {
  choices: ConnectionChoice[];
  activeId: string | null;
  health: ConnectionHealth;
  select: (id: string) => Promise<ActionResult>;
}) {
  const router = useRouter();
  const { mutate } = useSWRConfig();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState("");
  if (choices.length === 0) {
    return (
      <span className={styles.connection} data-testid="active-connection">
        <span className={`${styles.dot} ${styles.dotOff}`} aria-hidden="true" />
        <span className={styles.connectionLabel}>No K-LINK connection yet</span>
      </span>
    );
  }
  if (choices.length === 1) {
    return (
      <span className={styles.connection} data-testid="active-connection">
        <HealthDot health={health} />
        <span className={styles.connectionLabel} aria-hidden="true">
          K-LINK
        </span>
        <span className={styles.connectionName}>{choices[0].name}</span>
      </span>
    );
  }
  return (
    <span className={styles.connection} data-testid="active-connection">
      <HealthDot health={health} />
      <label htmlFor="connection-switcher" className={styles.connectionLabel}>
        K-LINK connection
      </label>
      <select
        id="connection-switcher"
        value={activeId ?? ""}
        disabled={pending}
        onChange={(event) => {
          const id = event.target.value;
          startTransition(async () => {
            const result = await select(id);
            setMessage(result.ok ? (result.message ?? "") : result.error);
            if (result.ok) {
              await mutate(() => true, undefined, { revalidate: false });
              router.refresh();
            }
          });
        }}
      >
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
            {c.isDefault ? " (default)" : ""}
          </option>
        ))}
      </select>
      <span role="status" className={ui.srOnly}>
        {message}
      </span>
    </span>
  );
}
