"use client";
// A labelled control inside an ActionForm, showing the errors the last run of the form's server
// action reported for it (by its field name, or by `errorKey` when the lib function names the
// field differently, e.g. "webhook.secret" for the input named webhookSecret).
import type { ReactElement, ReactNode } from "react";
import { useFieldError } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";

type ControlProps = {
  id?: string;
  name?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean | "true" | "false";
  required?: boolean;
};

export function ActionField({
  label,
  hint,
  required,
  errorKey,
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  required?: boolean;
  errorKey?: string;
  children: ReactElement<ControlProps>;
}) {
  const error = useFieldError(errorKey ?? children.props.name ?? "");
  return (
    <Field label={label} hint={hint} required={required} error={error}>
      {children}
    </Field>
  );
}
