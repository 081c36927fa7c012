"use client";
// Delete a contact (admins), after a confirmation in a modal dialog; then back to the list,
// which says what was deleted.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { consoleApi, type ConsoleApiError } from "@/lib/console/console-api";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Notice, RequestId } from "@/components/ui/notice";
import { uriComponent } from "@/lib/http/uri-component";

export function DeleteContactButton({ contactId, name }: { contactId: string; name: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ConsoleApiError | null>(null);
  return (
    <>
      <ConfirmDialog
        trigger={busy ? "Deleting…" : "Delete"}
        title={`Delete ${name}?`}
        confirmLabel="Delete contact"
        disabled={busy}
        onConfirm={async () => {
          setBusy(true);
          setError(null);
          const result = await consoleApi(`/api/klink/v1/contacts/${uriComponent(contactId)}`, {
            method: "DELETE",
          });
          if (!result.ok) {
            setBusy(false);
            setError(result.error);
            return;
          }
          router.push(`/contacts?deleted=${uriComponent(name)}`);
        }}
      >
        <p>The contact is deleted in K-LINK for everyone. This cannot be undone from the console.</p>
      </ConfirmDialog>
      {error ? (
        <div style={{ flexBasis: "100%" }}>
          <Notice tone="error" title="The contact was not deleted.">
            {error.message} {error.requestId ? <RequestId id={error.requestId} /> : null}
          </Notice>
        </div>
      ) : null}
    </>
  );
}
