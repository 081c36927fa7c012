// The contact a ticket belongs to (contacts.get by the ticket's contactId): name, e-mail,
// phone, channel and company, with a link to the contact's page. When the contact cannot be
// read, what the ticket itself says about it is shown, with the reason.
import Link from "next/link";
import { KlinkFailure } from "@/components/shell/klink-failure";
import type { Contact } from "@/lib/console/normalize/contact";
import type { ReadFailure } from "@/lib/console/read-klink";
import ui from "@/components/ui/ui.module.css";
import styles from "./tickets.module.css";
import { uriComponent } from "@/lib/http/uri-component";

const primary = <T extends { isPrimary?: boolean | null }>(items: T[] | null | undefined) =>
  items?.find((i) => i.isPrimary) ?? items?.[0];

export function ContactCard({
  contactId,
  embeddedName,
  contact,
  failure,
}: {
  contactId: string | null | undefined;
  embeddedName?: string | null;
  contact?: Contact;
  failure?: ReadFailure;
}) {
  if (!contactId) return <p className={ui.muted}>This ticket has no contact.</p>;
  const href = `/contacts/${uriComponent(contactId)}`;
  const name = contact?.name || embeddedName || "Unnamed contact";
  const email = primary(contact?.contactEmails)?.email;
  const phone = primary(contact?.contactPhones)?.phone ?? contact?.contactNumber;
  return (
    <div className={styles.contactCard}>
      <div className={styles.contactHead}>
        <span className={styles.avatar} aria-hidden="true">
          {name.trim().charAt(0).toUpperCase() || "?"}
        </span>
        <div>
          <Link href={href} className={styles.contactName}>
            {name}
          </Link>
          {contact?.company?.name ? <div className={ui.muted}>{contact.company.name}</div> : null}
        </div>
      </div>
      {failure ? (
        <KlinkFailure failure={failure} what="The contact's details" />
      ) : (
        <dl className={`${ui.dl} ${styles.compactDl}`}>
          <dt>E-mail</dt>
          <dd>{email ? <a href={`mailto:${email}`}>{email}</a> : <span className={ui.muted}>—</span>}</dd>
          <dt>Phone</dt>
          <dd>
            {phone ? <a href={`tel:${phone.replace(/[^\d+]/g, "")}`}>{phone}</a> : <span className={ui.muted}>—</span>}
          </dd>
          <dt>Channel</dt>
          <dd>{contact?.channel || <span className={ui.muted}>—</span>}</dd>
        </dl>
      )}
      <Link href={href} className={styles.cardLink}>
        Open contact →
      </Link>
    </div>
  );
}
