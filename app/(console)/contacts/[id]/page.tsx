import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CollaborationScope } from "@/components/collab/collaboration-scope";
import { FollowButton } from "@/components/collab/follow-button";
import { consolePage } from "@/lib/doors/console-page";
import { recordCollaboration } from "@/lib/console/record-collaboration";
import { contactCxLogs, CONTACT_CX_TIME_ZONE } from "@/lib/console/contact-cx-logs";
import {
  contactGroupsOf,
  customFieldRows,
  emailsOf,
  otherContactFields,
  phonesOf,
} from "@/lib/console/contact-details";
import { degradedFreshness } from "@/lib/console/degraded";
import { customFieldsOf } from "@/lib/console/normalize/custom-fields";
import { readAllPages } from "@/lib/console/read-all-pages";
import { readKlink, type KlinkRead } from "@/lib/console/read-klink";
import { firstParam, intParam, type SearchParams } from "@/lib/console/search-params";
import { ContactAvatar } from "@/components/contacts/contact-avatar";
import { ContactGroups } from "@/components/contacts/contact-groups";
import { ContactTagsEditor } from "@/components/contacts/contact-tags-editor";
import { ContactTickets } from "@/components/contacts/contact-tickets";
import { CustomFieldList } from "@/components/contacts/custom-field-list";
import { DeleteContactButton } from "@/components/contacts/delete-contact-button";
import { SendMessageForm } from "@/components/messages/send-message-form";
import { CxLogTable } from "@/components/reference/cx-log-table";
import { LiveRefresh } from "@/components/live/live-refresh";
import { KlinkFailure } from "@/components/shell/klink-failure";
import { StaleBanner } from "@/components/shell/stale-banner";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Section } from "@/components/ui/page-header";
import { Timestamp } from "@/components/ui/timestamp";
import ui from "@/components/ui/ui.module.css";
import styles from "@/components/contacts/contacts.module.css";
import { uriComponent } from "@/lib/http/uri-component";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Contact" };

const TICKETS_PER_PAGE = 10;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

function Missing() {
  return <span className={ui.muted}>—</span>;
}

export default async function ContactPage({ params, searchParams }: Props) {
  const page = await consolePage();
  const { id } = await params;
  const ticketsPage = intParam(firstParam(await searchParams, "ticketsPage"), 1, 1, 100_000);

  const [contactRead, fields, groups, tickets, tags, cx, collab] = await Promise.all([
    readKlink(page, "contacts.get", { params: { id } }),
    readAllPages(page, "contacts.fields"),
    readAllPages(page, "contacts.groups"),
    readKlink(page, "tickets.byContact", {
      params: { contactId: id },
      query: { page: ticketsPage, pageSize: TICKETS_PER_PAGE },
    }),
    page.can.write ? readAllPages(page, "tags.list") : Promise.resolve(null),
    contactCxLogs(page, id),
    recordCollaboration(page.actor, page.connectionId, { type: "contact", id }),
  ]);
  if (!contactRead.ok && contactRead.failure.status === 404) notFound();
  const reads: KlinkRead<unknown>[] = [contactRead, fields, groups, tickets, ...(tags ? [tags] : []), ...cx.reads];

  if (!contactRead.ok) {
    return (
      <>
        <StaleBanner degraded={degradedFreshness(reads)} />
        <Link href="/contacts" className={styles.back}>
          ← Contacts
        </Link>
        <h1>Contact</h1>
        <KlinkFailure failure={contactRead.failure} what="This contact" />
      </>
    );
  }

  const contact = contactRead.data.data;
  const name = contact.name || "(no name)";
  const emails = emailsOf(contact);
  const phones = phonesOf(contact);
  const others = otherContactFields(contact);

  return (
    <CollaborationScope collab={collab}>
      <LiveRefresh filter={{ resources: ["contact", "message", "ticket"], id, contactId: id }} />
      <StaleBanner degraded={degradedFreshness(reads)} />
      <Link href="/contacts" className={styles.back}>
        ← Contacts
      </Link>
      <div className={ui.pageHeader}>
        <div className={styles.identity}>
          <ContactAvatar name={contact.name} large />
          <div>
            <h1 style={{ margin: 0, fontSize: "1.45rem" }}>{name}</h1>
            {collab ? (
              <FollowButton
                connectionId={collab.connectionId}
                record={collab.record}
                label={`Contact ${name}`}
                initiallyFollowing={collab.following}
              />
            ) : null}
            <p style={{ margin: "0.2rem 0 0", color: "var(--muted)" }}>
              {[contact.company?.name, emails[0], phones[0]].filter(Boolean).join(" · ") || "No contact details"}
            </p>
          </div>
        </div>
        {page.can.write ? (
          <div className={ui.actions}>
            <ButtonLink href={`/contacts/${uriComponent(id)}/edit`}>Edit</ButtonLink>
            {page.can.admin ? <DeleteContactButton contactId={id} name={name} /> : null}
          </div>
        ) : null}
      </div>

      <div className={styles.layout}>
        <div>
          <Section title="Details" id="details">
            <dl className={ui.dl}>
              <dt>E-mail</dt>
              <dd>
                {emails.length ? (
                  <ul className={styles.platforms}>
                    {emails.map((e) => (
                      <li key={e}>
                        <a href={`mailto:${e}`}>{e}</a>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <Missing />
                )}
              </dd>
              <dt>Phone</dt>
              <dd>
                {phones.length ? (
                  <ul className={styles.platforms}>
                    {phones.map((p) => (
                      <li key={p}>
                        <a href={`tel:${p.replace(/[^\d+]/g, "")}`}>{p}</a>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <Missing />
                )}
              </dd>
              <dt>Company</dt>
              <dd>
                {contact.company?.name ||
                  (contact.companyId ? <span className={styles.code}>{contact.companyId}</span> : <Missing />)}
              </dd>
              <dt>Address</dt>
              <dd>{contact.address || <Missing />}</dd>
              <dt>Channel</dt>
              <dd>
                <Badge value={contact.channel} />
              </dd>
              <dt>Social ids</dt>
              <dd>
                {contact.platformContacts?.length ? (
                  <ul className={styles.platforms}>
                    {contact.platformContacts.map((p) => (
                      <li key={p.id}>
                        {p.type ? <Badge value={p.type} /> : null}{" "}
                        <span className={styles.code}>{p.socialPlatformId || "—"}</span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <Missing />
                )}
              </dd>
              {contact.socialProfileUrl ? (
                <>
                  <dt>Profile</dt>
                  <dd>
                    <a href={contact.socialProfileUrl} rel="noreferrer noopener" target="_blank">
                      {contact.socialProfileUrl}
                    </a>
                  </dd>
                </>
              ) : null}
              <dt>Notes</dt>
              <dd style={{ whiteSpace: "pre-wrap" }}>{contact.notes || <Missing />}</dd>
              <dt>Created</dt>
              <dd>
                <Timestamp value={contact.createdAt} />
              </dd>
              <dt>Updated</dt>
              <dd>
                <Timestamp value={contact.updatedAt} />
              </dd>
            </dl>
          </Section>

          <Section title="Custom fields" id="custom-fields">
            {!fields.ok ? <KlinkFailure failure={fields.failure} what="The field labels" /> : null}
            <CustomFieldList
              rows={customFieldRows(customFieldsOf(contact), fields.ok ? fields.data.items : [])}
              labelsKnown={fields.ok}
            />
          </Section>

          <Section title={tickets.ok ? `Tickets (${tickets.data.total.toLocaleString("en")})` : "Tickets"} id="tickets">
            {tickets.ok ? (
              <ContactTickets
                listing={tickets.data}
                hrefFor={(n) => `/contacts/${uriComponent(id)}${n > 1 ? `?ticketsPage=${n}` : ""}#tickets`}
              />
            ) : (
              <KlinkFailure failure={tickets.failure} what="The contact's tickets" />
            )}
          </Section>

          <Section title="CX logs" id="cx-logs">
            {cx.ok ? (
              <>
                {cx.logs.length ? (
                  <CxLogTable
                    logs={cx.logs}
                    timeZone={CONTACT_CX_TIME_ZONE}
                    label="CX logs of this contact"
                    showContact={false}
                  />
                ) : (
                  <p className={ui.muted}>No interactions with this contact in the last {cx.days} days.</p>
                )}
                <p className={styles.sectionNote}>
                  {cx.scanned < cx.total
                    ? `K-LINK lists CX logs by date only: the newest ${cx.scanned.toLocaleString("en")} of ` +
                      `${cx.total.toLocaleString("en")} interactions of the last ${cx.days} days were searched ` +
                      "for this contact."
                    : `Interactions of the last ${cx.days} days (UTC).`}{" "}
                  <Link href="/cx-logs">All CX logs</Link>
                </p>
              </>
            ) : (
              <KlinkFailure failure={cx.failure} what="The CX logs" />
            )}
          </Section>
        </div>

        <div>
          <Section title="Tags" id="tags">
            <ContactTagsEditor
              contactId={id}
              tags={(contact.tags ?? []).map((t) => ({ id: t.id, name: t.name }))}
              suggestions={tags?.ok ? tags.data.items.map((t) => t.name) : []}
              canEdit={page.can.write}
            />
          </Section>

          {page.can.write ? (
            <Section title="Send message" id="send-message">
              <SendMessageForm
                contactId={id}
                label="Message"
                channel={contact.channel}
                cannedReplies={collab?.cannedReplies}
                templateValues={{
                  "contact.name": contact.name,
                  "contact.email": emails[0],
                  "contact.phone": phones[0],
                  "agent.name": page.actor.name,
                  "agent.email": page.actor.email,
                }}
                watch={
                  collab
                    ? { connectionId: collab.connectionId, records: [collab.record], since: collab.renderedAt }
                    : undefined
                }
              />
            </Section>
          ) : null}

          <Section title="Groups" id="groups">
            {groups.ok ? (
              <ContactGroups groups={contactGroupsOf(contact, groups.data.items)} />
            ) : (
              <KlinkFailure failure={groups.failure} what="The contact groups" />
            )}
          </Section>

          {others.length ? (
            <Section title="Other fields" id="other-fields">
              <dl className={ui.dl}>
                {others.map(([key, value]) => (
                  <div key={key} style={{ display: "contents" }}>
                    <dt className={styles.code}>{key}</dt>
                    <dd className={styles.code}>{value}</dd>
                  </div>
                ))}
              </dl>
              <p className={styles.sectionNote}>
                Sent by K-LINK with this contact; the console has no place of its own for them.
              </p>
            </Section>
          ) : null}
        </div>
      </div>
    </CollaborationScope>
  );
}
