import "server-only";
// A CSV export of the ticket list (its filters) or the contact list (its keyword), streamed:
// the header row once the first page and the tenant's custom fields are known, then one page of
// rows at a time as the reader takes them (so a slow download never reads K-LINK ahead of it).
// UTF-8 with a byte-order mark, so Excel opens Thai and Burmese correctly; CRLF line ends; cells
// a spreadsheet would run as a formula defused (csvCell). At most EXPORT_MAX_ROWS rows. Records
// K-LINK lists twice while the export runs (a new ticket shifts the pages) are written once.
// `onFinish` is called exactly once: finished, cut off at the cap, cancelled, or failed.
import { csvCell } from "../audit/audit-csv";
import { env } from "../env";
import type { Actor } from "../identity/actor";
import { logger } from "../log/logger";
import { readTicketFields } from "../console/ticket-reference";
import type { FormField } from "../console/normalize/form-field";
import { normalizeListing } from "../console/normalize/listing";
import { normalizeFormField } from "../console/normalize/form-field";
import { callKlink } from "../klink-data/call-klink";
import type { JsonRecord } from "../console/normalize/values";
import { assertCanExport } from "./export-access";
import { exportColumns, type Column, type ExportKind } from "./csv-columns";
import { pageThrough, type ListingEndpoint } from "./page-through";

export type ExportOutcome = {
  rows: number;
  /** K-LINK's total for the filter when the export started. */
  total: number;
  truncated: boolean;
  status: "complete" | "cancelled" | "failed";
};

export type CsvExport = {
  stream: ReadableStream<Uint8Array>;
  /** Rows the export will write if it runs to the end (K-LINK's total, capped). */
  expectedRows: number;
  total: number;
  columns: string[];
};

type Options = {
  actor: Actor;
  connectionId: string;
  kind: ExportKind;
  /** The list's filters (tickets: status, priority, channel, keyword; contacts: keyword). */
  filter: Record<string, string>;
  requestId: string;
  onFinish: (outcome: ExportOutcome) => Promise<unknown>;
  /** The request's signal: a client that goes away (a cancelled download) cancels the export. */
  signal?: AbortSignal;
  /** For tests and benchmarks; defaults to EXPORT_MAX_ROWS. */
  maxRows?: number;
};

const ENDPOINT: Record<ExportKind, ListingEndpoint> = { tickets: "tickets.list", contacts: "contacts.list" };
const BOM = "\uFEFF";

export async function startCsvExport(options: Options): Promise<CsvExport> {
  assertCanExport(options.actor);
  const maxRows = Math.max(1, options.maxRows ?? env().EXPORT_MAX_ROWS);
  const [source, fields] = await Promise.all([
    pageThrough<JsonRecord>({
      actor: options.actor,
      connectionId: options.connectionId,
      endpoint: ENDPOINT[options.kind],
      query: options.filter,
      maxRows,
    }),
    customFieldDefinitions(options),
  ]);
  const columns = exportColumns(options.kind, fields, source.first.data);
  const expectedRows = Math.min(source.first.total, maxRows);
  const encoder = new TextEncoder();
  const seen = new Set<string>();
  let rows = 0;
  let truncated = false;
  let finished = false;
  const finish = async (status: ExportOutcome["status"]) => {
    if (finished) return;
    finished = true;
    await options.onFinish({ rows, total: source.first.total, truncated, status });
  };
  const linesOf = (records: JsonRecord[]): string => {
    let text = "";
    for (const record of records) {
      const id = typeof record.id === "string" ? record.id : undefined;
      if (id !== undefined && seen.has(id)) continue;
      if (rows >= maxRows) {
        truncated = true;
        break;
      }
      if (id !== undefined) seen.add(id);
      rows++;
      text += csvLine(columns, record);
    }
    return text;
  };

  const pages = source.rest();
  let started = false;
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!started) {
          started = true;
          const header = `${BOM}${columns.map((c) => csvCell(c.header)).join(",")}\r\n`;
          controller.enqueue(encoder.encode(header + linesOf(source.first.data)));
          if (source.first.total > maxRows) truncated = true;
          return;
        }
        const next = rows < maxRows ? await pages.next() : { done: true as const, value: undefined };
        if (next.done) {
          await finish("complete");
          controller.close();
          return;
        }
        const text = linesOf(next.value.data);
        if (text && !cancelled) controller.enqueue(encoder.encode(text));
      } catch (error) {
        if (cancelled) return;
        logger.warn({ err: error, kind: options.kind, rows }, "a CSV export stopped: K-LINK could not be read");
        await finish("failed");
        controller.error(new Error("The export stopped: K-LINK could not be read."));
      }
    },
    cancel: () => cancel(),
  });
  async function cancel(): Promise<void> {
    if (cancelled || finished) return;
    cancelled = true;
    await finish("cancelled");
    await pages.return(undefined);
  }
  // Cancelled while the first page was read (before the answer began), or at any time later.
  if (options.signal?.aborted) await cancel();
  else options.signal?.addEventListener("abort", () => void cancel(), { once: true });
  return { stream, expectedRows, total: source.first.total, columns: columns.map((c) => c.header) };
}

function csvLine(columns: Column[], record: JsonRecord): string {
  return `${columns.map((column) => csvCell(column.value(record))).join(",")}\r\n`;
}

/** The tenant's custom field definitions (labels); an export goes ahead with K-LINK's own labels if they cannot be read. */
async function customFieldDefinitions(options: Options): Promise<FormField[]> {
  if (options.kind === "tickets") {
    const read = await readTicketFields({
      actor: options.actor,
      connectionId: options.connectionId,
      requestId: options.requestId,
    });
    return read.ok ? read.items : [];
  }
  try {
    const answer = await callKlink({
      actor: options.actor,
      connectionId: options.connectionId,
      endpoint: "contacts.fields",
      input: { query: { page: 1, pageSize: 100 } },
    });
    return normalizeListing(answer.data, normalizeFormField).data;
  } catch {
    return [];
  }
}
