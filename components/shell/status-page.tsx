// The body of the console's error-like pages (not allowed, not found, something failed): a
// large code, one h1, what happened in words, and where to go next.
import type { ReactNode } from "react";
import styles from "./status-page.module.css";

export function StatusPage({
  code,
  title,
  children,
  actions,
}: {
  code: string;
  title: string;
  children?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className={styles.wrap}>
      <p className={styles.code} aria-hidden="true">
        {code}
      </p>
      <h1 className={styles.title}>{title}</h1>
      <div className={styles.body}>{children}</div>
      {actions ? <div className={styles.actions}>{actions}</div> : null}
    </div>
  );
}
