import "server-only";
// One day of CX logs from K-LINK: the day's selectedDate in the zone (00:00:00–23:59:59, K-LINK
// cuts it), 100 logs a page (K-LINK's maximum), the first page to learn the total and the others
// through the report's shared limit on calls in flight. Each page is read once.
import { selectedDateOf, totalOf } from "../console/cx-log-range";
import type { CxLog } from "../console/normalize/cx-log";
import { readKlink, type KlinkRead, type ReadContext, type ReadFailure } from "../console/read-klink";

export const CX_LOG_PAGE_SIZE = 100;
/** 20 000 logs in one day; beyond it the day is shown as read so far and not stored. */
export const MAX_PAGES_PER_DAY = 200;

export type Limit = <T>(task: () => Promise<T>) => Promise<T>;

export type DayRead =
  | { ok: true; day: string; logs: CxLog[]; complete: boolean; reads: KlinkRead<unknown>[] }
  | { ok: false; day: string; failure: ReadFailure; reads: KlinkRead<unknown>[] };

export async function readDay(context: ReadContext, timeZone: string, day: string, limit: Limit): Promise<DayRead> {
  const read = (page: number) =>
    limit(() =>
      readKlink(context, "cxLogs.list", {
        query: { selectedDate: selectedDateOf(day, day), page, pageSize: CX_LOG_PAGE_SIZE },
        headers: { "x-client-timezone": timeZone },
      }),
    );
  const first = await read(1);
  if (!first.ok) return { ok: false, day, failure: first.failure, reads: [first] };
  const total = totalOf(first.data.cxLogs.total);
  const pages = Math.ceil(total / CX_LOG_PAGE_SIZE);
  const readable = Math.min(pages, MAX_PAGES_PER_DAY);
  const rest = await Promise.all(Array.from({ length: Math.max(0, readable - 1) }, (_, i) => read(i + 2)));
  const reads = [first, ...rest];
  const failed = rest.find((r) => !r.ok);
  if (failed && !failed.ok) return { ok: false, day, failure: failed.failure, reads };
  const logs = reads.flatMap((r) => (r.ok ? r.data.cxLogs.data : []));
  return { ok: true, day, logs, complete: pages <= MAX_PAGES_PER_DAY, reads };
}
