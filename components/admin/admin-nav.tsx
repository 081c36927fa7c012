"use client";
// The admin area's section tabs; the current one is marked aria-current.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { isCurrent } from "@/components/shell/nav-links";
import styles from "./admin.module.css";

export const ADMIN_SECTIONS = [
  { href: "/admin/users", label: "Users" },
  { href: "/admin/connections", label: "K-LINK connections" },
  { href: "/admin/keys", label: "API keys" },
  { href: "/admin/audit", label: "Audit log" },
  { href: "/admin/webhooks", label: "Webhooks" },
  { href: "/admin/destinations", label: "Forwarding" },
  { href: "/admin/drift", label: "K-LINK drift" },
] as const;

export function AdminNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Admin sections" className={styles.tabs}>
      <ul>
        {ADMIN_SECTIONS.map((section) => (
          <li key={section.href}>
            <Link href={section.href} aria-current={isCurrent(pathname, section.href) ? "page" : undefined}>
              {section.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
