"use client";
// A saved view's actions on /views: make it (or stop it being) the list's default, share it or
// make it personal again, delete it — each shown only where the user may, and each refused again
// by the API otherwise. Outcomes and failures are announced.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { consoleApi } from "@/lib/console/console-api";
import type { ViewList } from "@/lib/views/view-query";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import ui from "@/components/ui/ui.module.css";

type View = { id: string; name: string; list: ViewList; shared: boolean; isDefault: boolean; canEdit: boolean };

export function ViewActions({ view, canShare }: { view: View; canShare: boolean }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function run(path: string, method: string, body: unknown, done: string) {
    setBusy(true);
    const result = await consoleApi(path, { method, body });
    setBusy(false);
    setMessage(result.ok ? done : result.error.message);
    if (result.ok) router.refresh();
  }

  return (
    <div className={ui.actions}>
      <Button
        size="small"
        disabled={busy}
        onClick={() =>
          run(
            "/api/views/default",
            "PUT",
            { list: view.list, viewId: view.isDefault ? null : view.id },
            view.isDefault
              ? `The ${view.list} list opens unfiltered again.`
              : `The ${view.list} list opens with “${view.name}”.`,
          )
        }
      >
        {view.isDefault ? "Stop opening with it" : "Open list with it"}
      </Button>
      {view.canEdit && (canShare || view.shared) ? (
        <Button
          size="small"
          disabled={busy}
          onClick={() =>
            run(
              `/api/views/${view.id}`,
              "PATCH",
              { shared: !view.shared },
              view.shared ? `“${view.name}” is personal now.` : `“${view.name}” is shared with everyone.`,
            )
          }
        >
          {view.shared ? "Make personal" : "Share"}
        </Button>
      ) : null}
      {view.canEdit ? (
        <ConfirmDialog
          trigger="Delete"
          title={`Delete the view “${view.name}”?`}
          confirmLabel="Delete view"
          disabled={busy}
          onConfirm={() => run(`/api/views/${view.id}`, "DELETE", undefined, `“${view.name}” was deleted.`)}
        >
          {view.shared ? <p>It is shared: it disappears for everyone.</p> : null}
        </ConfirmDialog>
      ) : null}
      <span role="status">{message}</span>
    </div>
  );
}
