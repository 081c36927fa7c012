"use client";
// A form whose action returns a signing secret (a new destination, a rotation): the secret is
// shown here once, right after, and never again.
import type { ReactNode } from "react";
import type { ActionResult } from "@/lib/doors/server-action";
import { ActionForm } from "@/components/ui/action-form";
import { CopyButton } from "./copy-button";
import ui from "@/components/ui/ui.module.css";
import styles from "./admin.module.css";

type Action = (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;

export function SecretOnceForm({
  action,
  submitLabel,
  variant,
  children,
}: {
  action: Action;
  submitLabel: string;
  variant?: "primary" | "secondary";
  children: ReactNode;
}) {
  return (
    <ActionForm
      action={action}
      submitLabel={submitLabel}
      variant={variant}
      resetOnSuccess
      renderSuccess={(result) => {
        const data = result.data as { secret: string; name: string };
        return (
          <div className={`${ui.notice} ${ui["notice-warn"]}`} style={{ marginTop: "0.5rem" }}>
            <strong>Copy the signing secret of “{data.name}” now: it will not be shown again.</strong>
            <div className={styles.urlRow} style={{ marginTop: "0.5rem" }}>
              <code className={styles.secret} data-testid="signing-secret">
                {data.secret}
              </code>
              <CopyButton value={data.secret} label="Copy secret" />
            </div>
          </div>
        );
      }}
    >
      {children}
    </ActionForm>
  );
}
