// /tickets/new: a ticket for a contact, with the tenant's fields (from tickets.fields). Agents
// and admins only; a viewer gets the 403 page. ?contactId= preselects the contact (e.g. from a
// contact's page).
import type { Metadata } from "next";
import Link from "next/link";
import { KlinkFailure } from "@/components/shell/klink-failure";
import { StaleBanner } from "@/components/shell/stale-banner";
import { PageHeader } from "@/components/ui/page-header";
import { NewTicketForm } from "@/components/tickets/new-ticket-form";
import { consolePage } from "@/lib/doors/console-page";
import { degradedFreshness } from "@/lib/console/degraded";
import { readKlink } from "@/lib/console/read-klink";
import { readTags, readTicketFields } from "@/lib/console/ticket-reference";
import styles from "@/components/tickets/tickets.module.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New ticket" };

export default async function NewTicketPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const page = await consolePage("agent");
  const requested = (await searchParams).contactId;
  const contactId = typeof requested === "string" && requested.trim() ? requested.trim().slice(0, 200) : null;
  const [fields, tags, contact] = await Promise.all([
    readTicketFields(page),
    readTags(page),
    contactId ? readKlink(page, "contacts.get", { params: { id: contactId } }) : null,
  ]);
  const picked = contact?.ok
    ? {
        id: contact.data.data.id,
        name: contact.data.data.name || "Unnamed contact",
        detail: contact.data.data.contactEmails?.[0]?.email ?? contact.data.data.contactNumber ?? undefined,
      }
    : null;

  return (
    <>
      <StaleBanner degraded={degradedFreshness([...fields.reads, ...tags.reads, ...(contact ? [contact] : [])])} />
      <nav aria-label="Breadcrumb" className={styles.breadcrumb}>
        <Link href="/tickets">Tickets</Link>
      </nav>
      <PageHeader
        title="New ticket"
        description="The fields and their options are this K-LINK tenant's own. Fields marked * are required."
      />
      {contact && !contact.ok ? <KlinkFailure failure={contact.failure} what="The chosen contact" /> : null}
      {tags.ok ? null : <KlinkFailure failure={tags.failure} what="The tag list" />}
      {fields.ok ? (
        <NewTicketForm
          fields={fields.items}
          tags={tags.ok ? tags.items.map((t) => ({ id: t.id, name: t.name })) : null}
          initialContact={picked}
        />
      ) : (
        <KlinkFailure failure={fields.failure} what="The ticket form fields" />
      )}
    </>
  );
}
