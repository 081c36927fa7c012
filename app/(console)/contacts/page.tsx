import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { consolePage } from "@/lib/doors/console-page";
import { contactListHref, contactListQuery } from "@/lib/console/contact-list-query";
import { degradedFreshness } from "@/lib/console/degraded";
import { readKlink, type KlinkRead } from "@/lib/console/read-klink";
import { firstParam, type SearchParams } from "@/lib/console/search-params";
import { ContactSearch } from "@/components/contacts/contact-search";
import { ContactTable } from "@/components/contacts/contact-table";
import { SocialLookupForm } from "@/components/contacts/social-lookup-form";
import { KlinkFailure } from "@/components/shell/klink-failure";
import { ExportButton } from "@/components/exports/export-button";
import { SaveViewButton } from "@/components/views/save-view-button";
import { canExport } from "@/lib/exports/export-access";
import { queryString } from "@/lib/console/search-params";
import { StaleBanner } from "@/components/shell/stale-banner";
import { ButtonLink } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import styles from "@/components/contacts/contacts.module.css";
import { uriComponent } from "@/lib/http/uri-component";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Contacts" };

export default async function ContactsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const page = await consolePage();
  const params = await searchParams;
  const socialId = firstParam(params, "socialId")?.slice(0, 200);
  const deleted = firstParam(params, "deleted");

  let lookup: KlinkRead<unknown> | undefined;
  if (socialId) {
    const found = await readKlink(page, "contacts.bySocialId", { params: { socialPlatformId: socialId } });
    if (found.ok) redirect(`/contacts/${uriComponent(found.data.data.id)}`);
    lookup = found;
  }

  const query = contactListQuery(params);
  const list = await readKlink(page, "contacts.list", {
    query: { keyword: query.keyword, page: query.page, pageSize: query.pageSize },
  });

  return (
    <>
      <StaleBanner degraded={degradedFreshness([list])} />
      <PageHeader
        title="Contacts"
        description={
          list.ok
            ? `${list.data.total.toLocaleString("en")} ${query.keyword ? `matching “${query.keyword}”` : "in K-LINK"}`
            : undefined
        }
        actions={
          <>
            <SaveViewButton list="contacts" query={contactListHref(query)} canShare={page.can.write} />
            {canExport(page.actor) ? (
              <ExportButton kind="contacts" query={queryString({ keyword: query.keyword })} />
            ) : null}
            {page.can.write ? (
              <ButtonLink href="/contacts/new" variant="primary">
                New contact
              </ButtonLink>
            ) : null}
          </>
        }
      />
      {deleted ? <Notice tone="success">Contact “{deleted}” was deleted.</Notice> : null}
      {lookup && !lookup.ok ? (
        lookup.failure.status === 404 ? (
          <Notice tone="warn" title="No contact found">
            No contact has the social platform id “{socialId}”.
          </Notice>
        ) : (
          <KlinkFailure failure={lookup.failure} what="The social platform id look-up" />
        )
      ) : null}
      <div className={styles.toolbar}>
        <ContactSearch key={`${query.keyword ?? ""}|${query.pageSize}`} query={query} />
        <SocialLookupForm key={socialId ?? ""} initial={socialId} />
      </div>
      {list.ok ? (
        <ContactTable query={query} fallbackData={list.data} />
      ) : (
        <KlinkFailure failure={list.failure} what="Contacts" />
      )}
    </>
  );
}
