"use client";
// Create a channel (admins; channels.create takes a name and a type). Types are the tenant's:
// the ones its channels already use are suggested, any other may be typed.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { writtenText } from "@/lib/console/normalize/written-record";
import { consoleApi, type ConsoleApiError } from "@/lib/console/console-api";
import { callFieldErrors } from "@/lib/console/upstream-field-errors";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { RequestId } from "@/components/ui/notice";
import ui from "@/components/ui/ui.module.css";
import styles from "./reference.module.css";

export function ChannelCreateForm({ knownTypes }: { knownTypes: string[] }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [type, setType] = useState("");
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ConsoleApiError | null>(null);
  const [created, setCreated] = useState("");
  const fields = callFieldErrors(error ?? undefined);
  const unplaced = error && !fields.name && !fields.type;

  return (
    <form
      noValidate
      aria-label="Create a channel"
      onSubmit={async (event) => {
        event.preventDefault();
        setSaving(true);
        setError(null);
        setCreated("");
        const result = await consoleApi("/api/klink/v1/channels", {
          method: "POST",
          body: { name: name.trim(), type: type.trim() },
        });
        setSaving(false);
        if (!result.ok) return setError(result.error);
        setCreated(`Channel “${writtenText(result.data, "name") ?? name.trim()}” created.`);
        setName("");
        setType("");
        router.refresh();
      }}
    >
      <div className={styles.createForm}>
        <Field label="Name" required error={fields.name}>
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={100} autoComplete="off" />
        </Field>
        <Field
          label="Type"
          required
          error={fields.type}
          hint={knownTypes.length ? `In use: ${knownTypes.join(", ")}` : undefined}
        >
          <input
            value={type}
            onChange={(e) => setType(e.target.value)}
            list="channel-types"
            maxLength={50}
            autoComplete="off"
          />
        </Field>
        <datalist id="channel-types">
          {knownTypes.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
        <Button type="submit" variant="primary" disabled={saving}>
          {saving ? "Creating…" : "Create channel"}
        </Button>
      </div>
      <div aria-live="polite">{created ? <p className={styles.status}>{created}</p> : null}</div>
      {unplaced ? (
        <p role="alert" className={ui.fieldError}>
          The channel was not created: {error.message} {error.requestId ? <RequestId id={error.requestId} /> : null}
        </p>
      ) : null}
    </form>
  );
}
