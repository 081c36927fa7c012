"use client";
// The saved views in the navigation, under the main links: one list per list page, each view with
// its count — K-LINK's total for the view's filters, read through the console's cached proxy. The
// count's SWR key is that proxy URL, so a live event about tickets or contacts (a webhook, a
// colleague's change) revalidates it, and everyone reads the same cached total.
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import useSWR from "swr";
import { swrFetcher } from "@/lib/console/console-api";
import { normalViewQuery, viewCountUrl, type ViewList } from "@/lib/views/view-query";
import type { NavView } from "./nav-view";
import styles from "./views.module.css";

const HEADINGS: Record<ViewList, string> = { tickets: "Ticket views", contacts: "Contact views" };

export function SavedViewsNav({ views }: { views: NavView[] }) {
  if (!views.length) return null;
  return (
    <div className={styles.navViews}>
      {(["tickets", "contacts"] as const).map((list) => {
        const ofList = views.filter((v) => v.list === list);
        if (!ofList.length) return null;
        return (
          <div key={list}>
            <h2 className={styles.navHeading} id={`nav-views-${list}`}>
              {HEADINGS[list]}
            </h2>
            <ul aria-labelledby={`nav-views-${list}`}>
              {ofList.map((view) => (
                <li key={view.id}>
                  <ViewLink view={view} />
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      <Link href="/views" className={styles.manage}>
        Manage views
      </Link>
    </div>
  );
}

function ViewLink({ view }: { view: NavView }) {
  const pathname = usePathname();
  const search = useSearchParams();
  const current = pathname === `/${view.list}` && normalViewQuery(view.list, search.toString()) === view.query;
  // The navigation sits outside the page's SWR provider; the cache (and the live revalidation) is shared.
  const { data, error } = useSWR<{ total?: number }>(viewCountUrl(view.list, view.query), swrFetcher, {
    keepPreviousData: true,
  });
  const count = typeof data?.total === "number" ? data.total.toLocaleString("en") : error ? "?" : "…";
  return (
    <Link href={view.href} aria-current={current ? "page" : undefined} data-view-id={view.id}>
      <span className={styles.viewName}>
        {view.name}
        {view.shared ? <span className={styles.sharedMark}> (shared)</span> : null}
      </span>
      <span className={styles.count} data-testid="view-count">
        <span className={styles.hidden}>, </span>
        {count}
      </span>
    </Link>
  );
}
