"use client";
// The sign-in form. Talks to next-auth's own endpoints (CSRF token, credentials callback) and
// shows its error codes as messages.
import { useState, type FormEvent } from "react";
import { signIn } from "next-auth/react";
import { loginErrorMessage } from "@/lib/auth/login-errors";
import styles from "../auth.module.css";

type Props = { callbackUrl: string; initialError?: string; ssoName?: string };

export function LoginForm({ callbackUrl, initialError, ssoName }: Props) {
  const [error, setError] = useState(initialError);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(undefined);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    if (result?.ok && !result.error) {
      // A full load, so every server component sees the new session cookie.
      window.location.assign(callbackUrl);
      return;
    }
    setBusy(false);
    setError(loginErrorMessage(result?.error ?? "CredentialsSignin"));
  }

  return (
    <>
      {error ? (
        <p className={styles.error} role="alert">
          {error}
        </p>
      ) : null}
      <form onSubmit={submit} noValidate={false}>
        <div className={styles.field}>
          <label htmlFor="email">Email</label>
          <input id="email" name="email" type="email" autoComplete="username" required autoFocus />
        </div>
        <div className={styles.field}>
          <label htmlFor="password">Password</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required />
        </div>
        <button className={styles.primary} type="submit" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
      {ssoName ? (
        <>
          <p className={styles.divider}>or</p>
          <button
            className={styles.secondary}
            type="button"
            disabled={busy}
            onClick={() => signIn("oidc", { callbackUrl })}
          >
            Sign in with {ssoName}
          </button>
        </>
      ) : null}
    </>
  );
}
