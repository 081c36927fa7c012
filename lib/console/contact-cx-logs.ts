import "server-only";
// A contact's recent CX logs. K-LINK's CX log listing filters by time only (selectedDate, no
// contact filter), so the console reads the newest interactions of the last CONTACT_CX_DAYS days
// and keeps this contact's. The window is whole UTC days and the same for every contact, so all
// contact pages share the same cached K-LINK pages (at most CONTACT_CX_MAX_PAGES × 100 logs).
import { addDays, selectedDateOf, totalOf } from "./cx-log-range";
import type { CxLog } from "./normalize/cx-log";
import { readKlink, type KlinkRead, type ReadFailure, type ReadContext } from "./read-klink";
import { dateIn } from "./zoned-time";

export const CONTACT_CX_DAYS = 90;
export const CONTACT_CX_MAX_PAGES = 10;
const PAGE_SIZE = 100;
/** The zone the window's days are read in (contact pages show times in UTC, like every timestamp there). */
export const CONTACT_CX_TIME_ZONE = "UTC";

export type { CxLog };

export type ContactCxLogs =
  | {
      ok: true;
      logs: CxLog[];
      days: number;
      /** Logs read in the window, and how many K-LINK holds there. */
      scanned: number;
      total: number;
      reads: KlinkRead<unknown>[];
    }
  | { ok: false; failure: ReadFailure; reads: KlinkRead<unknown>[] };

export function belongsTo(log: CxLog, contactId: string): boolean {
  return log.contactId === contactId || log.contact?.id === contactId;
}

export async function contactCxLogs(
  page: ReadContext,
  contactId: string,
  now: Date = new Date(),
): Promise<ContactCxLogs> {
  const today = dateIn(CONTACT_CX_TIME_ZONE, now);
  const selectedDate = selectedDateOf(addDays(today, -(CONTACT_CX_DAYS - 1)), today);
  const read = (n: number) =>
    readKlink(page, "cxLogs.list", {
      query: { selectedDate, page: n, pageSize: PAGE_SIZE },
      headers: { "x-client-timezone": CONTACT_CX_TIME_ZONE },
    });

  const first = await read(1);
  if (!first.ok) return { ok: false, failure: first.failure, reads: [first] };
  const total = totalOf(first.data.cxLogs.total);
  const pages = Math.min(Math.ceil(total / PAGE_SIZE), CONTACT_CX_MAX_PAGES);
  const rest = await Promise.all(Array.from({ length: Math.max(0, pages - 1) }, (_, i) => read(i + 2)));
  const reads = [first, ...rest];
  const failed = rest.find((r) => !r.ok);
  if (failed && !failed.ok) return { ok: false, failure: failed.failure, reads };
  const all = reads.flatMap((r) => (r.ok ? r.data.cxLogs.data : []));
  return {
    ok: true,
    logs: all.filter((log) => belongsTo(log, contactId)),
    days: CONTACT_CX_DAYS,
    scanned: all.length,
    total,
    reads,
  };
}
