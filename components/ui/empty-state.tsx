import type { ReactNode } from "react";
import styles from "./ui.module.css";

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className={styles.empty}>
      <h2>{title}</h2>
      {children ? <div>{children}</div> : null}
    </div>
  );
}
