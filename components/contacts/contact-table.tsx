"use client";
// The contacts list: server-rendered data as SWR's fallback, kept fresh under its proxy URL (live
// events about contacts revalidate it). Keyboard: "/" search, j/k rows, Enter opens.
import Link from "next/link";
import useSWR from "swr";
import { shownAnswer, type ShownAnswer } from "@/lib/console/normalize/answers";
import { emailsOf, phonesOf } from "@/lib/console/contact-details";
import { contactListHref, contactListProxyUrl, type ContactListQuery } from "@/lib/console/contact-list-query";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { Timestamp } from "@/components/ui/timestamp";
import { useListKeyboard } from "@/components/ui/use-list-keyboard";
import ui from "@/components/ui/ui.module.css";
import { ContactAvatar } from "./contact-avatar";
import styles from "./contacts.module.css";
import { uriComponent } from "@/lib/http/uri-component";

type Listing = ShownAnswer<"contacts.list">;

/** An e-mail address that may wrap before its "@" on a narrow column. */
function Breakable({ text }: { text: string }) {
  const at = text.indexOf("@");
  if (at <= 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <wbr />
      {text.slice(at)}
    </>
  );
}

function Several({ values, label }: { values: string[]; label: string }) {
  if (!values.length) return <span className={ui.muted}>—</span>;
  return (
    <span className={styles.stack}>
      <span>
        <Breakable text={values[0]} />
      </span>
      {values.length > 1 ? (
        <span className={styles.more} title={values.slice(1).join(", ")}>
          +{values.length - 1} more {label}
        </span>
      ) : null}
    </span>
  );
}

export function ContactTable({ query, fallbackData }: { query: ContactListQuery; fallbackData: Listing }) {
  // The server has just read this page: no second read on mount; focus and live events refresh it.
  const { data: answer = fallbackData, isValidating } = useSWR<unknown>(contactListProxyUrl(query), {
    fallbackData,
    revalidateOnMount: false,
  });
  // A refetch brings K-LINK's answer as it came: read it as the server did.
  const data = shownAnswer("contacts.list", answer);
  const container = useListKeyboard<HTMLDivElement>();

  if (data.total === 0 || data.data.length === 0) {
    return query.keyword ? (
      <EmptyState title={`No contacts match “${query.keyword}”`}>
        <p>
          Search looks at names, e-mail addresses and phone numbers.{" "}
          <Link href={contactListHref({ page: 1, pageSize: query.pageSize })}>Show all contacts</Link>
        </p>
      </EmptyState>
    ) : (
      <EmptyState title="No contacts yet">
        <p>Contacts appear here as customers reach you on any channel.</p>
      </EmptyState>
    );
  }

  return (
    <div ref={container}>
      <div className={ui.tableWrap}>
        <table
          className={`${ui.table} ${styles.contactTable}`}
          aria-label="Contacts"
          aria-busy={isValidating || undefined}
        >
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">E-mail</th>
              <th scope="col">Phone</th>
              <th scope="col">Company</th>
              <th scope="col">Channel</th>
              <th scope="col">Tags</th>
              <th scope="col">Updated</th>
            </tr>
          </thead>
          <tbody>
            {data.data.map((contact) => (
              <tr key={contact.id} data-list-row>
                <td>
                  <span className={styles.nameCell}>
                    <ContactAvatar name={contact.name} />
                    <Link href={`/contacts/${uriComponent(contact.id)}`}>{contact.name || "(no name)"}</Link>
                  </span>
                </td>
                <td>
                  <Several values={emailsOf(contact)} label="e-mails" />
                </td>
                <td className={ui.nowrap}>
                  <Several values={phonesOf(contact)} label="phones" />
                </td>
                <td>{contact.company?.name || <span className={ui.muted}>—</span>}</td>
                <td>
                  <Badge value={contact.channel} />
                </td>
                <td className={styles.tagsCell}>
                  {contact.tags?.length ? (
                    <ul className={ui.chips} aria-label="Tags">
                      {contact.tags.map((tag) => (
                        <li key={tag.id} className={styles.tagChip}>
                          {tag.name}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <span className={ui.muted}>—</span>
                  )}
                </td>
                <td className={ui.nowrap}>
                  <Timestamp value={contact.updatedAt ?? contact.createdAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination
        page={data.page}
        lastPage={data.lastPage}
        total={data.total}
        pageSize={data.pageSize}
        label="Contact pages"
        hrefFor={(page) => contactListHref({ ...query, page })}
      />
    </div>
  );
}
