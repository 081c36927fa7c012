"use client";
// Creating a key: the key is shown here once, right after creation, and never again.
import type { ActionResult } from "@/lib/auth/server-action";
import { ActionForm, Field } from "../_components/action-form";
import styles from "../admin.module.css";

type Created = ActionResult<{ key: string; name: string }>;

export function CreateKeyForm({ action }: { action: (previous: ActionResult | null, form: FormData) => Promise<Created> }) {
  return (
    <ActionForm
      action={action as (previous: ActionResult | null, form: FormData) => Promise<ActionResult>}
      submitLabel="Create key"
      renderSuccess={(result) => {
        const data = result.data as { key: string; name: string };
        return (
          <>
            <p>Your new key “{data.name}”. Copy it now: it will not be shown again.</p>
            <code className={styles.secret} data-testid="new-api-key">
              {data.key}
            </code>
          </>
        );
      }}
    >
      <Field label="Key name" name="name" required placeholder="e.g. nightly export" />
      <Field label="Expires on (optional)" name="expiresOn" type="date" />
    </ActionForm>
  );
}
