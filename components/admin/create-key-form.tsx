"use client";
// Creating a personal API key: the key is shown here once, right after creation, and never again.
import type { ActionResult } from "@/lib/doors/server-action";
import { ActionForm } from "@/components/ui/action-form";
import { ActionField } from "./action-field";
import { CopyButton } from "./copy-button";
import ui from "@/components/ui/ui.module.css";
import styles from "./admin.module.css";

type Action = (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;

export function CreateKeyForm({ action }: { action: Action }) {
  return (
    <ActionForm
      action={action}
      submitLabel="Create key"
      resetOnSuccess
      renderSuccess={(result) => {
        const data = result.data as { key: string; name: string };
        return (
          <div className={`${ui.notice} ${ui["notice-warn"]}`} style={{ marginTop: "0.5rem" }}>
            <strong>Copy your new key “{data.name}” now: it will not be shown again.</strong>
            <div className={styles.urlRow} style={{ marginTop: "0.5rem" }}>
              <code className={styles.secret} data-testid="new-api-key">
                {data.key}
              </code>
              <CopyButton value={data.key} label="Copy key" />
            </div>
          </div>
        );
      }}
    >
      <div className={ui.formRow}>
        <ActionField label="Key name" required hint="What the key is for, e.g. nightly export.">
          <input name="name" autoComplete="off" />
        </ActionField>
        <ActionField
          label="Expires on"
          hint="Optional. The key stops working at the end of that day (UTC)."
          errorKey="expiresAt"
        >
          <input name="expiresOn" type="date" />
        </ActionField>
      </div>
    </ActionForm>
  );
}
