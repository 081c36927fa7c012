"use client";
// A labelled form control with its hint and error, wired for screen readers: the label names the
// control, the hint and the error describe it, and an error marks it aria-invalid.
import { cloneElement, isValidElement, useId, type ReactElement, type ReactNode } from "react";
import styles from "./ui.module.css";

type ControlProps = {
  id?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean | "true" | "false";
  required?: boolean;
};

export function Field({
  label,
  hint,
  error,
  children,
  required,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | string[];
  required?: boolean;
  children: ReactElement<ControlProps>;
}) {
  const generated = useId();
  const control = isValidElement(children) ? children : null;
  const id = control?.props.id ?? generated;
  const hintId = hint ? `${id}-hint` : undefined;
  const errors = error === undefined ? [] : Array.isArray(error) ? error : [error];
  const errorId = errors.length ? `${id}-error` : undefined;
  const describedBy = [control?.props["aria-describedby"], hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={styles.field}>
      <label htmlFor={id}>
        {label}
        {required ? (
          <span className={styles.required} aria-hidden="true">
            {" "}
            *
          </span>
        ) : null}
      </label>
      {control
        ? cloneElement(control, {
            id,
            "aria-describedby": describedBy,
            ...(errors.length ? { "aria-invalid": true } : {}),
            ...(required ? { required: true } : {}),
          })
        : children}
      {hint ? (
        <span id={hintId} className={styles.fieldHint}>
          {hint}
        </span>
      ) : null}
      {errors.length ? (
        <p id={errorId} className={styles.fieldError}>
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
