// /tickets/[id]: one ticket with every field, its contact, tags and activity; agents and admins
// also edit it, change its status and message its contact. K-LINK has no "get ticket by id", so
// the ticket is located in the listing (lib/console/find-ticket.ts). Re-renders when a live event
// about this ticket arrives. /tickets/<number> (digits only: K-LINK's ids are not numbers) finds
// the ticket with that number and redirects to its page.
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { LiveRefresh } from "@/components/live/live-refresh";
import { KlinkFailure } from "@/components/shell/klink-failure";
import { StaleBanner } from "@/components/shell/stale-banner";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Section } from "@/components/ui/page-header";
import { Timestamp } from "@/components/ui/timestamp";
import { ContactCard } from "@/components/tickets/contact-card";
import { SendMessageForm } from "@/components/messages/send-message-form";
import { TicketActivityList } from "@/components/tickets/ticket-activity-list";
import { TicketEditor } from "@/components/tickets/ticket-editor";
import { TicketFieldsView } from "@/components/tickets/ticket-fields-view";
import { TicketStatusControl } from "@/components/tickets/ticket-status-control";
import { CollaborationScope } from "@/components/collab/collaboration-scope";
import { FollowButton } from "@/components/collab/follow-button";
import { consolePage, type ConsolePage } from "@/lib/doors/console-page";
import type { TemplateValues } from "@/lib/canned-replies/template";
import { emailsOf, phonesOf } from "@/lib/console/contact-details";
import { recordCollaboration } from "@/lib/console/record-collaboration";
import { degradedFreshness } from "@/lib/console/degraded";
import { findTicket, findTicketByNumber } from "@/lib/console/find-ticket";
import { readKlink } from "@/lib/console/read-klink";
import { listTicketActivity } from "@/lib/console/ticket-activity";
import { optionLabel, optionsOf } from "@/lib/console/ticket-field-model";
import { readTags, readTicketFields } from "@/lib/console/ticket-reference";
import ui from "@/components/ui/ui.module.css";
import styles from "@/components/tickets/tickets.module.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Ticket" };

export default async function TicketPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const page = await consolePage("viewer");
  // Called, not rendered as a component: its redirect must happen before anything is streamed.
  if (TICKET_NUMBER.test(id)) return ticketByNumber(page, Number(id));
  const [found, fields, tags, activity] = await Promise.all([
    findTicket(page, id),
    readTicketFields(page),
    page.can.write ? readTags(page) : null,
    page.connectionId ? listTicketActivity(page.actor, { connectionId: page.connectionId, ticketId: id }) : null,
  ]);
  const back = (
    <nav aria-label="Breadcrumb" className={styles.breadcrumb}>
      <Link href="/tickets">Tickets</Link>
    </nav>
  );

  if (found.status === "failed") {
    return (
      <>
        {back}
        <h1 className={styles.detailTitle}>Ticket</h1>
        <KlinkFailure failure={found.failure} what="The ticket" />
      </>
    );
  }
  if (found.status === "not_found") {
    return (
      <>
        <LiveRefresh filter={{ resources: ["ticket"], id }} />
        {back}
        <h1 className={styles.detailTitle}>Ticket not found</h1>
        <div className={ui.section}>
          <EmptyState title="No such ticket here">
            <p data-testid="ticket-not-found">{found.message}</p>
            <p>
              <Link href="/tickets">Back to the ticket list</Link>
            </p>
          </EmptyState>
        </div>
      </>
    );
  }

  const ticket = found.ticket;
  const [contact, collab] = await Promise.all([
    ticket.contactId ? readKlink(page, "contacts.get", { params: { id: ticket.contactId } }) : null,
    recordCollaboration(page.actor, page.connectionId, { type: "ticket", id: ticket.id }),
  ]);
  const formFields = fields.ok ? fields.items : [];
  const tagChoices = tags?.ok ? tags.items.map((t) => ({ id: t.id, name: t.name })) : null;
  const contactName = (contact?.ok ? contact.data.data.name : null) || ticket.contact?.name || "the contact";
  const ticketLabel = `Ticket #${ticket.ticketNumber ?? "—"}: ${ticket.title || "(no title)"}`;
  const templateValues: TemplateValues = {
    "contact.name": (contact?.ok ? contact.data.data.name : null) || ticket.contact?.name,
    "contact.email": contact?.ok ? emailsOf(contact.data.data)[0] : undefined,
    "contact.phone": contact?.ok ? phonesOf(contact.data.data)[0] : undefined,
    "ticket.number": ticket.ticketNumber == null ? undefined : String(ticket.ticketNumber),
    "ticket.title": ticket.title,
    "ticket.status": ticket.status ? optionLabel(formFields, "status", ticket.status) : undefined,
    "agent.name": page.actor.name,
    "agent.email": page.actor.email,
  };

  return (
    <CollaborationScope collab={collab}>
      <LiveRefresh filter={{ resources: ["ticket"], id: ticket.id }} />
      <StaleBanner
        degraded={degradedFreshness([
          ...found.reads,
          ...fields.reads,
          ...(tags?.reads ?? []),
          ...(contact ? [contact] : []),
        ])}
      />
      {back}
      <header className={styles.detailHeader}>
        <div className={styles.detailHeading}>
          <p className={styles.eyebrow}>
            <span>Ticket #{ticket.ticketNumber ?? "—"}</span>
            <Badge value={optionLabel(formFields, "priority", ticket.priority)} label="Priority" />
            <span>{optionLabel(formFields, "channel", ticket.channel)}</span>
            <span>
              Updated <Timestamp value={ticket.updatedAt} />
            </span>
          </p>
          <h1 className={styles.detailTitle}>{ticket.title || "(no title)"}</h1>
          {collab ? (
            <FollowButton
              connectionId={collab.connectionId}
              record={collab.record}
              label={ticketLabel}
              contactId={ticket.contactId}
              initiallyFollowing={collab.following}
            />
          ) : null}
        </div>
        <TicketStatusControl
          key={ticket.id}
          ticketId={ticket.id}
          status={ticket.status ?? null}
          options={optionsOf(formFields, "status")}
          canWrite={page.can.write}
        />
      </header>
      {!fields.ok ? <KlinkFailure failure={fields.failure} what="The ticket fields (labels and options)" /> : null}
      {tags && !tags.ok ? <KlinkFailure failure={tags.failure} what="The tag list" /> : null}

      <div className={styles.detailGrid}>
        <div className={styles.detailMain}>
          <Section title="Description" id="ticket-description">
            {ticket.description ? (
              <p className={styles.description}>{ticket.description}</p>
            ) : (
              <p className={ui.muted}>No description.</p>
            )}
          </Section>
          <TicketEditor
            ticket={ticket}
            fields={formFields}
            tags={tagChoices}
            canWrite={page.can.write}
            watch={
              collab
                ? { connectionId: collab.connectionId, records: [collab.record], since: collab.renderedAt }
                : undefined
            }
          >
            <TicketFieldsView ticket={ticket} fields={formFields} />
          </TicketEditor>
          <Section title="Activity" id="ticket-activity">
            <TicketActivityList activity={activity} fields={formFields} />
          </Section>
        </div>
        <aside className={styles.detailSide} aria-label="Contact and tags">
          <Section title="Contact" id="ticket-contact">
            <ContactCard
              contactId={ticket.contactId}
              embeddedName={ticket.contact?.name}
              contact={contact?.ok ? contact.data.data : undefined}
              failure={contact && !contact.ok ? contact.failure : undefined}
            />
          </Section>
          <Section title="Tags" id="ticket-tags">
            {ticket.tags?.length ? (
              <ul className={ui.chips} aria-label="Tags of this ticket">
                {ticket.tags.map((tag) => (
                  <li key={tag.id} className={styles.tag}>
                    {tag.name}
                  </li>
                ))}
              </ul>
            ) : (
              <p className={ui.muted}>No tags.</p>
            )}
          </Section>
          {page.can.write && ticket.contactId ? (
            <Section title="Send a message" id="ticket-message">
              <SendMessageForm
                contactId={ticket.contactId}
                label={`Message to ${contactName}`}
                cannedReplies={collab?.cannedReplies}
                templateValues={templateValues}
                watch={
                  collab
                    ? {
                        connectionId: collab.connectionId,
                        records: [collab.record, `contact:${ticket.contactId}`],
                        since: collab.renderedAt,
                      }
                    : undefined
                }
              />
            </Section>
          ) : null}
        </aside>
      </div>
    </CollaborationScope>
  );
}

const TICKET_NUMBER = /^\d{1,15}$/;

async function ticketByNumber(page: ConsolePage, number: number) {
  const found = await findTicketByNumber(page, number);
  if (found.status === "found") redirect(`/tickets/${encodeURIComponent(found.ticket.id)}`);
  return (
    <>
      <nav aria-label="Breadcrumb" className={styles.breadcrumb}>
        <Link href="/tickets">Tickets</Link>
      </nav>
      <h1 className={styles.detailTitle}>{found.status === "failed" ? "Ticket" : "Ticket not found"}</h1>
      {found.status === "failed" ? (
        <KlinkFailure failure={found.failure} what="The ticket" />
      ) : (
        <div className={ui.section}>
          <EmptyState title="No such ticket here">
            <p data-testid="ticket-not-found">
              K-LINK&apos;s search finds no ticket #{number} on this connection. It may have been deleted, or belong to
              another connection.
            </p>
            <p>
              <Link href="/tickets">Back to the ticket list</Link>
            </p>
          </EmptyState>
        </div>
      )}
    </>
  );
}
