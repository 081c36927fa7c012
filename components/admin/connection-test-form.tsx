"use client";
// The Test button of a connection: one read-only call to K-LINK with the stored token, answered
// ok / unauthorized / unreachable / error with its latency.
import type { ActionResult } from "@/lib/doors/server-action";
import type { ConnectionTestResult } from "@/lib/connections/test-connection";
import { ActionForm } from "@/components/ui/action-form";
import ui from "@/components/ui/ui.module.css";

type Action = (previous: ActionResult | null, form: FormData) => Promise<ActionResult>;

export function ConnectionTestForm({ action, id, name }: { action: Action; id: string; name: string }) {
  return (
    <ActionForm
      action={action}
      submitLabel={`Test ${name}`}
      variant="secondary"
      className={ui.actions}
      renderSuccess={(result) => {
        const outcome = result.data as ConnectionTestResult | undefined;
        const ok = outcome?.result === "ok";
        return (
          <span className={`${ui.badge} ${ok ? ui["tone-green"] : ui["tone-red"]}`} style={{ whiteSpace: "normal" }}>
            {result.message}
          </span>
        );
      }}
    >
      <input type="hidden" name="id" value={id} />
    </ActionForm>
  );
}
