"use client";
// Find the contact behind a social platform id (a Messenger PSID, a LINE user id …). The list
// page does the look-up for ?socialId= and goes straight to the contact, or says none was found;
// without JavaScript this is a plain GET form to the same URL.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import ui from "@/components/ui/ui.module.css";
import styles from "./contacts.module.css";
import { uriComponent } from "@/lib/http/uri-component";

export function SocialLookupForm({ initial }: { initial?: string }) {
  const router = useRouter();
  const [value, setValue] = useState(initial ?? "");
  const [pending, startTransition] = useTransition();
  return (
    <form
      className={styles.lookupForm}
      action="/contacts"
      method="get"
      aria-label="Look up a contact by social platform id"
      onSubmit={(event) => {
        event.preventDefault();
        const id = value.trim();
        if (id) startTransition(() => router.push(`/contacts?socialId=${uriComponent(id)}`));
      }}
    >
      <div className={`${ui.field} ${styles.field}`}>
        <label htmlFor="social-id">Social platform id</label>
        <input
          id="social-id"
          name="socialId"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          placeholder="e.g. PSID-1234567890"
          autoComplete="off"
          required
        />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Looking up…" : "Look up"}
      </Button>
    </form>
  );
}
