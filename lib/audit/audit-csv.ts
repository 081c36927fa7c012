import "server-only";
// The audit log as CSV, streamed page by page: an export of a year of records never sits in
// memory at once. Cells that a spreadsheet would run as a formula are defused.
import type { Db } from "../db/client";
import { listAudit, MAX_AUDIT_PAGE, type AuditFilter } from "./list-audit";

const COLUMNS = [
  "createdAt",
  "id",
  "actorType",
  "actorId",
  "actorEmail",
  "actorRole",
  "apiKeyId",
  "action",
  "outcome",
  "targetType",
  "targetId",
  "connectionId",
  "method",
  "path",
  "status",
  "upstreamStatus",
  "latencyMs",
  "requestId",
  "ip",
  "userAgent",
  "details",
  "before",
  "after",
] as const;

type Row = Awaited<ReturnType<typeof listAudit>>["data"][number];

export function auditCsvStream(filter: AuditFilter, database?: Db): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: string | undefined;
  let headerSent = false;
  let done = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(`${COLUMNS.join(",")}\r\n`));
        return;
      }
      if (done) return controller.close();
      const page = await listAudit(filter, { cursor, limit: MAX_AUDIT_PAGE }, database);
      if (page.data.length) controller.enqueue(encoder.encode(page.data.map(csvLine).join("")));
      cursor = page.nextCursor ?? undefined;
      if (!page.nextCursor) done = true;
    },
  });
}

function csvLine(row: Row): string {
  return `${COLUMNS.map((column) => csvCell(row[column])).join(",")}\r\n`;
}

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text =
    value instanceof Date ? value.toISOString() : typeof value === "object" ? JSON.stringify(value) : String(value);
  // =, +, -, @ (and tab/CR) at the start make spreadsheets evaluate the cell (CSV injection).
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
