import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { consolePage } from "@/lib/doors/console-page";
import { formControls, initialValues } from "@/lib/console/contact-form";
import { degradedFreshness } from "@/lib/console/degraded";
import { readAllPages } from "@/lib/console/read-all-pages";
import { readKlink } from "@/lib/console/read-klink";
import { ContactForm } from "@/components/contacts/contact-form";
import { KlinkFailure } from "@/components/shell/klink-failure";
import { StaleBanner } from "@/components/shell/stale-banner";
import { PageHeader } from "@/components/ui/page-header";
import styles from "@/components/contacts/contacts.module.css";
import { uriComponent } from "@/lib/http/uri-component";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Edit contact" };

export default async function EditContactPage({ params }: { params: Promise<{ id: string }> }) {
  const page = await consolePage("agent");
  const { id } = await params;
  const [contact, fields] = await Promise.all([
    readKlink(page, "contacts.get", { params: { id } }),
    readAllPages(page, "contacts.fields"),
  ]);
  if (!contact.ok && contact.failure.status === 404) notFound();
  const back = `/contacts/${uriComponent(id)}`;
  const controls = fields.ok ? formControls(fields.data.items) : [];
  return (
    <>
      <StaleBanner degraded={degradedFreshness([contact, fields])} />
      <Link href={back} className={styles.back}>
        ← {contact.ok ? contact.data.data.name || "Contact" : "Contact"}
      </Link>
      <PageHeader
        title={contact.ok ? `Edit ${contact.data.data.name || "contact"}` : "Edit contact"}
        description="Only the fields you change are sent to K-LINK."
      />
      {!contact.ok ? <KlinkFailure failure={contact.failure} what="This contact" /> : null}
      {!fields.ok ? <KlinkFailure failure={fields.failure} what="The contact form fields" /> : null}
      {contact.ok && fields.ok ? (
        <ContactForm
          mode="edit"
          contactId={id}
          controls={controls}
          fields={fields.data.items}
          initial={initialValues(controls, contact.data.data)}
          cancelHref={back}
        />
      ) : null}
    </>
  );
}
