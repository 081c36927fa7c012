// /tickets: the ticket list, rendered on the server from the same cached, audited data layer as
// the proxy; filters, sort, page and page size come from the URL.
import type { Metadata } from "next";
import { KlinkFailure } from "@/components/shell/klink-failure";
import { StaleBanner } from "@/components/shell/stale-banner";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { TicketFilters } from "@/components/tickets/ticket-filters";
import { TicketList } from "@/components/tickets/ticket-list";
import { ExportButton } from "@/components/exports/export-button";
import { SaveViewButton } from "@/components/views/save-view-button";
import { canExport } from "@/lib/exports/export-access";
import { queryString } from "@/lib/console/search-params";
import { consolePage } from "@/lib/doors/console-page";
import { degradedFreshness } from "@/lib/console/degraded";
import { readKlink } from "@/lib/console/read-klink";
import { optionsOf } from "@/lib/console/ticket-field-model";
import { listingQuery, parseTicketListState, ticketListHref } from "@/lib/console/ticket-query";
import { readTicketFields } from "@/lib/console/ticket-reference";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Tickets" };

export default async function TicketsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const page = await consolePage("viewer");
  const state = parseTicketListState(await searchParams);
  const [list, fields] = await Promise.all([
    readKlink(page, "tickets.list", { query: listingQuery(state) }),
    readTicketFields(page),
  ]);
  const formFields = fields.ok ? fields.items : [];
  const options = {
    status: optionsOf(formFields, "status"),
    priority: optionsOf(formFields, "priority"),
    channel: optionsOf(formFields, "channel"),
  };

  return (
    <>
      <StaleBanner degraded={degradedFreshness([list, ...fields.reads])} />
      <PageHeader
        title="Tickets"
        description={
          list.ok
            ? `${list.data.total.toLocaleString("en")} ticket${list.data.total === 1 ? "" : "s"}` +
              (Object.keys(state.filters).length ? " match these filters" : " in K-LINK")
            : undefined
        }
        actions={
          <>
            <SaveViewButton list="tickets" query={ticketListHref(state)} canShare={page.can.write} />
            {canExport(page.actor) ? <ExportButton kind="tickets" query={queryString(state.filters)} /> : null}
            {page.can.write ? (
              <ButtonLink href="/tickets/new" variant="primary">
                New ticket
              </ButtonLink>
            ) : null}
          </>
        }
      />
      {!fields.ok ? (
        <KlinkFailure failure={fields.failure} what="The ticket fields (filter options and labels)" />
      ) : null}
      <TicketFilters state={state} options={options} optionsMissing={!fields.ok} />
      {list.ok ? (
        <TicketList state={state} initial={list.data} fields={formFields} canWrite={page.can.write} />
      ) : (
        <KlinkFailure failure={list.failure} what="Tickets" />
      )}
    </>
  );
}
