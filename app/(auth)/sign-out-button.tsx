"use client";
// Ends the session through next-auth (CSRF-protected POST), then shows the login page.
import { signOut } from "next-auth/react";
import styles from "./auth.module.css";

export function SignOutButton() {
  return (
    <button type="button" className={styles.signOut} onClick={() => signOut({ callbackUrl: "/login" })}>
      Sign out
    </button>
  );
}
