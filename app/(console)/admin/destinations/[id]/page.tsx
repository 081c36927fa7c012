import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { consolePage } from "@/lib/doors/console-page";
import { getDestination } from "@/lib/forwarding/manage-destinations";
import { listMessages, MESSAGE_STATUSES, messageQuerySchema, type MessageView } from "@/lib/forwarding/message-history";
import { listFilters, type SearchParams } from "@/lib/console/search-params";
import { ApiError } from "@/lib/errors/api-error";
import { PageHeader, Section } from "@/components/ui/page-header";
import { ActionForm } from "@/components/ui/action-form";
import { EmptyState } from "@/components/ui/empty-state";
import { Timestamp } from "@/components/ui/timestamp";
import { ActionField } from "@/components/admin/action-field";
import { FilteredList, SelectFilter, TextFilter, TimeRangeFilter } from "@/components/admin/list-filters";
import { replayFailedAction, replayMessageAction } from "../actions";
import ui from "@/components/ui/ui.module.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Forwarded messages" };

const TONE: Record<string, string> = {
  delivered: "tone-green",
  failed: "tone-red",
  pending: "tone-amber",
  processing: "tone-blue",
};

function MessageRow({ m }: { m: MessageView }) {
  const last = m.attemptLog[0];
  return (
    <tr>
      <td>
        <Timestamp value={m.createdAt} />
      </td>
      <td>{m.eventType}</td>
      <td>
        <span className={`${ui.badge} ${ui[TONE[m.status] ?? "tone-blue"]}`}>{m.status}</span>
      </td>
      <td className={ui.numeric}>{m.attempts}</td>
      <td>
        {last ? (
          <details>
            <summary>
              {last.status ?? "no answer"} in {last.latencyMs} ms
            </summary>
            <ul>
              {m.attemptLog.map((a) => (
                <li key={a.id}>
                  <Timestamp value={a.at} />: {a.status ?? "no answer"}, {a.latencyMs} ms
                  {a.error ? ` — ${a.error}` : ""}
                  {a.response ? (
                    <>
                      {" "}
                      — <code>{a.response.slice(0, 200)}</code>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          </details>
        ) : (
          "—"
        )}
      </td>
      <td>{m.nextAttemptAt ? <Timestamp value={m.nextAttemptAt} /> : "—"}</td>
      <td>
        <code>{m.id}</code>
        {m.deliveryId ? (
          <>
            {" "}
            <Link href={`/admin/webhooks/${m.deliveryId}`}>inbound</Link>
          </>
        ) : null}
      </td>
      <td>
        <ActionForm action={replayMessageAction} submitLabel="Send again" variant="secondary" className={ui.actions}>
          <input type="hidden" name="messageId" value={m.id} />
        </ActionForm>
      </td>
    </tr>
  );
}

export default async function DestinationMessagesPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { actor } = await consolePage("admin");
  const { id } = await params;
  const destination = await getDestination(actor, id).catch((error: unknown) => {
    if (error instanceof ApiError && error.status === 404) notFound();
    throw error;
  });
  const list = listFilters(await searchParams, messageQuerySchema);
  const page = list.query ? await listMessages(actor, id, list.query) : null;
  const path = `/admin/destinations/${id}`;
  return (
    <>
      <p style={{ margin: "0 0 0.5rem" }}>
        <Link href="/admin/destinations">← Destinations</Link>
      </p>
      <PageHeader
        title={`Messages to ${destination.name}`}
        description={
          <>
            Every event forwarded to <code>{destination.url}</code>, newest first, with its attempts.
          </>
        }
      />
      <Section title="Replay failed messages" id="replay">
        <ActionForm action={replayFailedAction} submitLabel="Send every failed message again" variant="secondary">
          <input type="hidden" name="id" value={id} />
          <ActionField label="Failed since (UTC)" required>
            <input name="since" type="datetime-local" />
          </ActionField>
        </ActionForm>
      </Section>
      <Section title="Messages" id="messages">
        <FilteredList
          list={list}
          path={path}
          formLabel="Filter messages"
          fields={
            <>
              <SelectFilter list={list} name="status" label="Status" choices={MESSAGE_STATUSES} />
              <TextFilter list={list} name="eventType" label="Event type" placeholder="ticket.update" />
              <TimeRangeFilter list={list} type="datetime-local" />
            </>
          }
          page={page}
          empty={<EmptyState title="No message">Nothing forwarded to this destination matches.</EmptyState>}
          pagesLabel="Message pages"
          noun={["message", "messages"]}
          columns={[
            "Created",
            "Event",
            "Status",
            { label: "Attempts", numeric: true },
            "Last attempt",
            "Next attempt",
            "webhook-id",
            "Replay",
          ]}
          row={(m) => <MessageRow key={m.id} m={m} />}
        />
      </Section>
    </>
  );
}
