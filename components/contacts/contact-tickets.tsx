// The contact's tickets (tickets.byContact), newest first, linking to the ticket pages.
import Link from "next/link";
import type { ShownAnswer } from "@/lib/console/normalize/answers";
import { Badge } from "@/components/ui/badge";
import { Pagination } from "@/components/ui/pagination";
import { Timestamp } from "@/components/ui/timestamp";
import ui from "@/components/ui/ui.module.css";
import styles from "./contacts.module.css";
import { uriComponent } from "@/lib/http/uri-component";

type Listing = ShownAnswer<"tickets.byContact">;

export function ContactTickets({ listing, hrefFor }: { listing: Listing; hrefFor: (page: number) => string }) {
  if (listing.total === 0) return <p className={ui.muted}>No tickets for this contact.</p>;
  return (
    <>
      <div className={ui.tableWrap}>
        <table className={ui.table} aria-label="Tickets of this contact">
          <thead>
            <tr>
              <th scope="col" className={ui.numeric}>
                #
              </th>
              <th scope="col">Title</th>
              <th scope="col">Status</th>
              <th scope="col">Priority</th>
              <th scope="col">Updated</th>
            </tr>
          </thead>
          <tbody>
            {listing.data.map((ticket) => (
              <tr key={ticket.id}>
                <td className={ui.numeric}>{ticket.ticketNumber ?? "—"}</td>
                <td className={styles.titleCell}>
                  <Link href={`/tickets/${uriComponent(ticket.id)}`}>{ticket.title || "(no title)"}</Link>
                </td>
                <td>
                  <Badge value={ticket.status} label="Status" />
                </td>
                <td>
                  <Badge value={ticket.priority} label="Priority" />
                </td>
                <td className={ui.nowrap}>
                  <Timestamp value={ticket.updatedAt ?? ticket.createdAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {listing.lastPage > 1 ? (
        <Pagination
          page={listing.page}
          lastPage={listing.lastPage}
          total={listing.total}
          pageSize={listing.pageSize}
          hrefFor={hrefFor}
          label="Ticket pages"
        />
      ) : null}
    </>
  );
}
