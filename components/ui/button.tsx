// Buttons and button-looking links in the console's four variants.
import Link from "next/link";
import type { ButtonHTMLAttributes, ComponentProps } from "react";
import styles from "./ui.module.css";

export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost";

export function buttonClass(variant: ButtonVariant = "secondary", size: "normal" | "small" = "normal"): string {
  return [styles.button, styles[variant], size === "small" ? styles.small : ""].filter(Boolean).join(" ");
}

export function Button({
  variant,
  size,
  className,
  type,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant; size?: "normal" | "small" }) {
  return (
    <button
      type={type ?? "button"}
      className={[buttonClass(variant, size), className].filter(Boolean).join(" ")}
      {...props}
    />
  );
}

export function ButtonLink({
  variant,
  size,
  className,
  ...props
}: ComponentProps<typeof Link> & { variant?: ButtonVariant; size?: "normal" | "small" }) {
  return <Link className={[buttonClass(variant, size), className].filter(Boolean).join(" ")} {...props} />;
}
