// The title block of a console page: one h1, an optional line under it, actions on the right.
import type { ReactNode } from "react";
import styles from "./ui.module.css";

export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className={styles.pageHeader}>
      <div>
        <h1>{title}</h1>
        {description ? <p>{description}</p> : null}
      </div>
      {actions ? <div className={styles.actions}>{actions}</div> : null}
    </div>
  );
}

export function Section({
  title,
  children,
  id,
  actions,
}: {
  title?: string;
  children: ReactNode;
  id?: string;
  actions?: ReactNode;
}) {
  const headingId = id ? `${id}-title` : undefined;
  return (
    <section className={styles.section} aria-labelledby={title ? headingId : undefined} id={id}>
      {title ? (
        <div className={styles.pageHeader} style={{ marginBottom: "0.75rem" }}>
          <h2 id={headingId} style={{ margin: 0, fontSize: "1.1rem" }}>
            {title}
          </h2>
          {actions ? <div className={styles.actions}>{actions}</div> : null}
        </div>
      ) : null}
      {children}
    </section>
  );
}
