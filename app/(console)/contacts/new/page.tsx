import type { Metadata } from "next";
import Link from "next/link";
import { consolePage } from "@/lib/doors/console-page";
import { formControls, initialValues } from "@/lib/console/contact-form";
import { degradedFreshness } from "@/lib/console/degraded";
import { readAllPages } from "@/lib/console/read-all-pages";
import { ContactForm } from "@/components/contacts/contact-form";
import { KlinkFailure } from "@/components/shell/klink-failure";
import { StaleBanner } from "@/components/shell/stale-banner";
import { PageHeader } from "@/components/ui/page-header";
import styles from "@/components/contacts/contacts.module.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New contact" };

export default async function NewContactPage() {
  // Agents and admins; a viewer gets the 403 page.
  const page = await consolePage("agent");
  const fields = await readAllPages(page, "contacts.fields");
  const controls = fields.ok ? formControls(fields.data.items) : [];
  return (
    <>
      <StaleBanner degraded={degradedFreshness([fields])} />
      <Link href="/contacts" className={styles.back}>
        ← Contacts
      </Link>
      <PageHeader title="New contact" description="Fields and choices come from this K-LINK tenant's contact form." />
      {fields.ok ? (
        <ContactForm
          mode="create"
          controls={controls}
          fields={fields.data.items}
          initial={initialValues(controls)}
          cancelHref="/contacts"
        />
      ) : (
        <KlinkFailure failure={fields.failure} what="The contact form fields" />
      )}
    </>
  );
}
