// The reference lists as tabs; each tab is a URL (links, so the back button and shared links work).
import Link from "next/link";
import { REFERENCE_TABS, referenceHref, type ReferenceQuery } from "@/lib/console/reference-query";
import styles from "./reference.module.css";

export function ReferenceTabs({ query }: { query: ReferenceQuery }) {
  return (
    <nav aria-label="Reference lists" className={styles.tabs}>
      <ul>
        {REFERENCE_TABS.map((tab) => (
          <li key={tab.id}>
            <Link
              href={referenceHref({ tab: tab.id, page: 1, pageSize: query.pageSize })}
              aria-current={tab.id === query.tab ? "page" : undefined}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
