"use client";
// The admin area's section tabs; the current one is marked aria-current.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { isCurrent } from "@/components/shell/nav-links";
import { ADMIN_SECTIONS } from "./admin-sections";
import styles from "./admin.module.css";

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
