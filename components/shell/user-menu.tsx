"use client";
// The signed-in user in the top bar: name and role always visible; the button opens a small
// panel with the e-mail address, a link to the user's API keys and Sign out. A disclosure:
// Escape or a click outside closes it, Escape returns focus to the button.
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { signOut } from "next-auth/react";
import styles from "./shell.module.css";
import ui from "@/components/ui/ui.module.css";

function initials(name: string): string {
  const parts = name
    .trim()
    .split(/[\s@._-]+/)
    .filter(Boolean);
  return ((parts[0]?.[0] ?? "?") + (parts[1]?.[0] ?? "")).toUpperCase();
}

export function UserMenu({ name, email, role }: { name: string; email: string; role: string }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open]);
  const shown = name || email;
  return (
    <div className={styles.userMenu} ref={root} data-testid="signed-in-user">
      <button
        ref={button}
        type="button"
        className={styles.userButton}
        aria-expanded={open}
        aria-controls="user-panel"
        onClick={() => setOpen((v) => !v)}
      >
        <span className={styles.avatar} aria-hidden="true">
          {initials(shown)}
        </span>
        <span className={styles.userName}>{shown}</span>
        <span className={styles.role}>
          <span className={ui.srOnly}>role </span>
          {role}
        </span>
      </button>
      <div id="user-panel" className={styles.userPanel} hidden={!open}>
        <p className={styles.userFacts}>
          <strong>{shown}</strong>
          <span>{email}</span>
          <br />
          <span>Signed in with the {role} role</span>
        </p>
        <Link href="/admin/keys" className={styles.menuItem} onClick={() => setOpen(false)}>
          Your API keys
        </Link>
        <button type="button" className={styles.menuItem} onClick={() => signOut({ callbackUrl: "/login" })}>
          Sign out
        </button>
      </div>
    </div>
  );
}
