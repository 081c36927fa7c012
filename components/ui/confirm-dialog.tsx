"use client";
// A confirmation in a native modal <dialog>: focus moves into it, Escape cancels, focus returns
// to the button that opened it.
import { useId, useRef, type ReactNode } from "react";
import { Button, type ButtonVariant } from "./button";
import styles from "./ui.module.css";

export function ConfirmDialog(props: {
  trigger: string;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  variant?: ButtonVariant;
  disabled?: boolean;
  onConfirm: () => void | Promise<void>;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  // Several dialogs may share a page (one per table row): each needs its own title id.
  const titleId = useId();
  return (
    <>
      <Button variant={props.variant ?? "danger"} disabled={props.disabled} onClick={() => dialog.current?.showModal()}>
        {props.trigger}
      </Button>
      <dialog ref={dialog} className={styles.dialog} aria-labelledby={titleId}>
        <h2 id={titleId}>{props.title}</h2>
        {props.children}
        <div className={styles.actions} style={{ marginTop: "1rem", justifyContent: "flex-end" }}>
          <Button variant="secondary" autoFocus onClick={() => dialog.current?.close()}>
            Cancel
          </Button>
          <Button
            variant={props.variant ?? "danger"}
            onClick={async () => {
              dialog.current?.close();
              await props.onConfirm();
            }}
          >
            {props.confirmLabel}
          </Button>
        </div>
      </dialog>
    </>
  );
}
