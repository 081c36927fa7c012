"use client";
// The console's main navigation column. The current section is marked aria-current. On narrow
// screens the list collapses behind a Menu button (a disclosure: Escape closes it and returns
// focus to the button; following a link closes it).
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { NavIcon } from "./nav-icons";
import styles from "./shell.module.css";

export type NavItem = { href: string; label: string; icon: string };

export function isCurrent(pathname: string, link: string): boolean {
  // A list's link may open the user's default view (/tickets?status=open): its path decides.
  const href = link.split("?")[0];
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

/** `children`: more navigation under the main links (the saved views). */
export function SideNav({ items, footer, children }: { items: NavItem[]; footer?: string; children?: ReactNode }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const [shownFor, setShownFor] = useState(pathname);
  // A soft navigation closes the menu (state reset during render, not in an effect).
  if (shownFor !== pathname) {
    setShownFor(pathname);
    setOpen(false);
  }
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);

  return (
    <aside className={styles.sidebar}>
      <div className={styles.sidebarHead}>
        <Link href="/" className={styles.brand}>
          <span className={styles.brandMark} aria-hidden="true">
            K
          </span>
          Klink Console
        </Link>
        <button
          ref={button}
          type="button"
          className={styles.menuButton}
          aria-expanded={open}
          aria-controls="console-nav"
          onClick={() => setOpen((v) => !v)}
        >
          <svg
            viewBox="0 0 24 24"
            width="18"
            height="18"
            aria-hidden="true"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
          >
            {open ? <path d="M6 6l12 12M18 6L6 18" /> : <path d="M4 7h16M4 12h16M4 17h16" />}
          </svg>
          Menu
        </button>
      </div>
      <nav aria-label="Main" id="console-nav" className={styles.nav} data-open={open}>
        <ul>
          {items.map((item) => (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={isCurrent(pathname, item.href) ? "page" : undefined}
                onClick={() => setOpen(false)}
              >
                <NavIcon name={item.icon} className={styles.navIcon} />
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
        {children}
      </nav>
      {footer ? <p className={styles.sidebarFoot}>{footer}</p> : null}
    </aside>
  );
}
