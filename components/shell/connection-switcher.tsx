"use client";
// Shows the active K-LINK connection and, when there are several, switches between them. The
// choice is kept in a cookie (set by a server action) and the whole page's data is re-read.
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { useSWRConfig } from "swr";
import type { ConnectionChoice } from "@/lib/connections/list-connection-choices";
import type { ActionResult } from "@/lib/auth/server-action";
import styles from "./shell.module.css";

export function ConnectionSwitcher({ choices, activeId, select }: { choices: ConnectionChoice[]; activeId: string | null; select: (id: string) => Promise<ActionResult> }) {
  const router = useRouter();
  const { mutate } = useSWRConfig();
  const [pending, startTransition] = useTransition();
  if (choices.length === 0) return <span className={styles.connection}>No K-LINK connection</span>;
  if (choices.length === 1) {
    return (
      <span className={styles.connection}>
        <span className={styles.connectionLabel}>K-LINK:</span> {choices[0].name}
      </span>
    );
  }
  return (
    <label className={styles.connection}>
      <span className={styles.connectionLabel}>K-LINK connection</span>
      <select
        value={activeId ?? ""}
        disabled={pending}
        onChange={(event) => {
          const id = event.target.value;
          startTransition(async () => {
            const result = await select(id);
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
    </label>
  );
}
