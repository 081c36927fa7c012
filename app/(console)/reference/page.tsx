import type { Metadata } from "next";
import type { ReactNode } from "react";
import { consolePage } from "@/lib/doors/console-page";
import { degradedFreshness } from "@/lib/console/degraded";
import { readAllPages } from "@/lib/console/read-all-pages";
import { readKlink, type KlinkRead } from "@/lib/console/read-klink";
import { REFERENCE_TABS, referenceHref, referenceQuery, type ReferenceQuery } from "@/lib/console/reference-query";
import type { SearchParams } from "@/lib/console/search-params";
import { CategoryTree } from "@/components/reference/category-tree";
import { ChannelCreateForm } from "@/components/reference/channel-create-form";
import { ChannelTable, GroupTable, TagTable } from "@/components/reference/reference-tables";
import { ReferenceTabs } from "@/components/reference/reference-tabs";
import { KlinkFailure } from "@/components/shell/klink-failure";
import { StaleBanner } from "@/components/shell/stale-banner";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader, Section } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Reference data" };

type Listing = { total: number; page: number; pageSize: number; lastPage: number; data: unknown[] };

function Paged({
  query,
  listing,
  children,
  noun,
}: {
  query: ReferenceQuery;
  listing: Listing;
  children: ReactNode;
  noun: string;
}) {
  if (listing.total === 0 && listing.data.length === 0) return <EmptyState title={`No ${noun} yet`} />;
  return (
    <>
      {children}
      <Pagination
        page={listing.page}
        lastPage={listing.lastPage}
        total={listing.total}
        pageSize={listing.pageSize}
        label={`${noun} pages`}
        hrefFor={(page) => referenceHref({ ...query, page })}
      />
    </>
  );
}

export default async function ReferencePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const page = await consolePage();
  const query = referenceQuery(await searchParams);
  const paging = { query: { page: query.page, pageSize: query.pageSize } };
  const label = REFERENCE_TABS.find((t) => t.id === query.tab)!.label;

  let reads: KlinkRead<unknown>[];
  let body: ReactNode;
  let admin: ReactNode = null;
  if (query.tab === "tags") {
    const read = await readKlink(page, "tags.list", paging);
    reads = [read];
    body = read.ok ? (
      <Paged query={query} listing={read.data} noun="tags">
        <TagTable tags={read.data.data} />
      </Paged>
    ) : (
      <KlinkFailure failure={read.failure} what="Tags" />
    );
  } else if (query.tab === "channels") {
    const [read, all] = await Promise.all([
      readKlink(page, "channels.list", paging),
      page.can.admin ? readAllPages(page, "channels.list") : Promise.resolve(null),
    ]);
    reads = [read, ...(all ? [all] : [])];
    body = read.ok ? (
      <Paged query={query} listing={read.data} noun="channels">
        <ChannelTable channels={read.data.data} />
      </Paged>
    ) : (
      <KlinkFailure failure={read.failure} what="Channels" />
    );
    if (page.can.admin) {
      const types = all?.ok
        ? [...new Set(all.data.items.map((c) => c.type).filter((t): t is string => Boolean(t)))].sort()
        : [];
      admin = (
        <Section title="New channel" id="new-channel">
          <ChannelCreateForm knownTypes={types} />
        </Section>
      );
    }
  } else if (query.tab === "categories") {
    const read = await readKlink(page, "categories.list");
    reads = [read];
    body = read.ok ? (
      read.data.data.length ? (
        <CategoryTree categories={read.data.data} />
      ) : (
        <EmptyState title="No categories yet" />
      )
    ) : (
      <KlinkFailure failure={read.failure} what="Categories" />
    );
  } else {
    const read = await readKlink(page, "contacts.groups", paging);
    reads = [read];
    body = read.ok ? (
      <Paged query={query} listing={read.data} noun="contact groups">
        <GroupTable groups={read.data.data} />
      </Paged>
    ) : (
      <KlinkFailure failure={read.failure} what="Contact groups" />
    );
  }

  return (
    <>
      <StaleBanner degraded={degradedFreshness(reads)} />
      <PageHeader
        title="Reference data"
        description="The tenant's tags, channels, ticket categories and contact groups, as K-LINK lists them."
      />
      <ReferenceTabs query={query} />
      {admin}
      <Section title={label} id="reference-list">
        {body}
      </Section>
    </>
  );
}
