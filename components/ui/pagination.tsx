// Page links for a K-LINK listing ({page, lastPage, total}); every page is a URL, so the back
// button and shared links work. `hrefFor(page)` builds the URL of a page with the other filters kept.
import Link from "next/link";
import styles from "./ui.module.css";

export function Pagination({
  page,
  lastPage,
  total,
  pageSize,
  hrefFor,
  label = "Pages",
}: {
  page: number;
  lastPage: number;
  total: number;
  pageSize: number;
  hrefFor: (page: number) => string;
  label?: string;
}) {
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const link = (target: number, text: string, rel?: string) => {
    const disabled = target < 1 || target > lastPage || target === page;
    return (
      <Link
        className={styles.pageLink}
        href={hrefFor(Math.min(Math.max(target, 1), Math.max(lastPage, 1)))}
        aria-disabled={disabled || undefined}
        tabIndex={disabled ? -1 : undefined}
        rel={rel}
      >
        {text}
      </Link>
    );
  };
  return (
    <div className={styles.pagination}>
      <span aria-live="polite">
        {total === 0
          ? "No results"
          : `${first.toLocaleString("en")}–${last.toLocaleString("en")} of ${total.toLocaleString("en")}`}
      </span>
      <nav aria-label={label}>
        {link(page - 1, "Previous", "prev")}
        <span>
          Page {page.toLocaleString("en")} of {Math.max(lastPage, 1).toLocaleString("en")}
        </span>
        {link(page + 1, "Next", "next")}
      </nav>
    </div>
  );
}
