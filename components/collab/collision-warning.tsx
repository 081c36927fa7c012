"use client";
// Shown instead of sending when someone else changed the record since the page loaded: who, what
// and when, then "Send anyway" or "Cancel" (to look first; the page shows the change live).
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { formatTimestamp } from "@/components/ui/timestamp";
import type { SeenChange } from "./use-collision-check";
import styles from "./collab.module.css";

export function CollisionWarning({
  changes,
  what,
  onProceed,
  onCancel,
}: {
  changes: SeenChange[];
  what: "message" | "edit";
  onProceed: () => void;
  onCancel: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div
      className={styles.collision}
      role="alertdialog"
      aria-labelledby="collision-title"
      aria-describedby="collision-list"
      data-testid="collision-warning"
    >
      <h3 id="collision-title" ref={heading} tabIndex={-1}>
        Changed since you opened this page
      </h3>
      <ul id="collision-list" className={styles.collisionList}>
        {changes.map((change) => (
          <li key={change.id}>
            <strong>{change.by}</strong> {change.source === "console" ? change.summary : `— ${change.summary}`}{" "}
            <span className={styles.when}>({formatTimestamp(change.at)})</span>
          </li>
        ))}
      </ul>
      <div className={styles.collisionActions}>
        <Button variant="primary" onClick={onProceed}>
          {what === "message" ? "Send anyway" : "Save anyway"}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </div>
  );
}
