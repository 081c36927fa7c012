"use client";
// Keyword search and page size of the contacts list, kept in the URL (soft navigation: the
// back button and shared links work, nothing reloads).
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { CONTACT_PAGE_SIZES, contactListHref, type ContactListQuery } from "@/lib/console/contact-list-query";
import { Button } from "@/components/ui/button";
import ui from "@/components/ui/ui.module.css";
import styles from "./contacts.module.css";

export function ContactSearch({ query }: { query: ContactListQuery }) {
  const router = useRouter();
  const [keyword, setKeyword] = useState(query.keyword ?? "");
  const [pending, startTransition] = useTransition();
  const go = (next: Partial<ContactListQuery>) =>
    startTransition(() => router.push(contactListHref({ ...query, page: 1, ...next })));
  return (
    <form
      role="search"
      aria-label="Search contacts"
      className={styles.searchForm}
      action="/contacts"
      onSubmit={(event) => {
        event.preventDefault();
        go({ keyword: keyword.trim() || undefined });
      }}
    >
      <div className={`${ui.field} ${styles.grow}`}>
        <label htmlFor="contact-keyword">Search</label>
        <input
          id="contact-keyword"
          name="keyword"
          type="search"
          value={keyword}
          onChange={(e) => setKeyword(e.target.value)}
          placeholder="Name, e-mail or phone"
          aria-describedby="contact-keyword-hint"
          autoComplete="off"
          data-list-search
        />
      </div>
      <div className={ui.field}>
        <label htmlFor="contact-page-size">Per page</label>
        <select
          id="contact-page-size"
          name="pageSize"
          value={query.pageSize}
          onChange={(e) => go({ keyword: query.keyword, pageSize: Number(e.target.value) })}
        >
          {[...new Set([...CONTACT_PAGE_SIZES, query.pageSize])]
            .sort((a, b) => a - b)
            .map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
        </select>
      </div>
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? "Searching…" : "Search"}
      </Button>
      <span id="contact-keyword-hint" className={`${ui.fieldHint} ${styles.hintRow}`}>
        Press <kbd className={styles.kbd}>/</kbd> to search, <kbd className={styles.kbd}>j</kbd> and{" "}
        <kbd className={styles.kbd}>k</kbd> to move through the list, <kbd className={styles.kbd}>Enter</kbd> to open.
      </span>
    </form>
  );
}
