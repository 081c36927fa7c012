// A message box. Errors and warnings are announced at once (role=alert); information politely.
import type { ReactNode } from "react";
import styles from "./ui.module.css";

export function Notice({
  tone = "info",
  title,
  children,
}: {
  tone?: "info" | "warn" | "error" | "success";
  title?: string;
  children?: ReactNode;
}) {
  const urgent = tone === "error" || tone === "warn";
  return (
    <div className={`${styles.notice} ${styles[`notice-${tone}`]}`} role={urgent ? "alert" : "status"}>
      {title ? <strong>{title}</strong> : null}
      {children ? <div>{children}</div> : null}
    </div>
  );
}

export function RequestId({ id }: { id: string }) {
  return (
    <>
      Request id: <span className={styles.requestId}>{id}</span>
    </>
  );
}
