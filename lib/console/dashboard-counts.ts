import "server-only";
// The dashboard's ticket counts by status, priority and channel. K-LINK has no counts endpoint:
// each option's count is the `total` of a one-row ticket list filtered by that option. The
// options are the tenant's own, from the ticket form fields (channel: from channels.list when
// the field has none), never a hard-coded list. Every read goes through readKlink (cached,
// role-checked), so a reload within the cache's TTL costs K-LINK nothing.
import type { FormField } from "./normalize/form-field";
import { readKlink, type KlinkRead, type ReadFailure, type ReadContext } from "./read-klink";

export const COUNT_DIMENSIONS = ["status", "priority", "channel"] as const;
export type CountDimension = (typeof COUNT_DIMENSIONS)[number];

export type CountRow = { value: string; label: string; count: number };

export type Breakdown =
  | {
      ok: true;
      dimension: CountDimension;
      rows: CountRow[];
      /** Tickets with none of the options (no value, or a value the field no longer offers). */ other: number;
    }
  | { ok: false; dimension: CountDimension; failure: ReadFailure };

export type TicketCounts = {
  total: { ok: true; count: number } | { ok: false; failure: ReadFailure };
  breakdowns: Breakdown[];
  /** Every read made, for degradedFreshness() (the stale banner). */
  reads: KlinkRead<unknown>[];
};

type Field = FormField;
type Option = { value: string; label: string };

/** At most this many K-LINK reads at once: a cold dashboard must not burst K-LINK's rate limit. */
const PARALLEL_READS = 6;
const MAX_FIELD_PAGES = 10;

export async function ticketCounts(page: ReadContext): Promise<TicketCounts> {
  const reads: KlinkRead<unknown>[] = [];
  const track = <T>(read: KlinkRead<T>) => (reads.push(read), read);

  const [fields, total] = await Promise.all([
    ticketFields(page, track),
    readKlink(page, "tickets.list", { query: { pageSize: 1 } }).then(track),
  ]);
  const totalCount = total.ok
    ? ({ ok: true, count: total.data.total } as const)
    : ({ ok: false, failure: total.failure } as const);
  if (!fields.ok) {
    return {
      total: totalCount,
      breakdowns: COUNT_DIMENSIONS.map((dimension) => ({ ok: false, dimension, failure: fields.failure })),
      reads,
    };
  }

  const optionsOf = async (
    dimension: CountDimension,
  ): Promise<{ ok: true; options: Option[] } | { ok: false; failure: ReadFailure }> => {
    const options = fieldOptions(fields.data, dimension);
    if (options.length > 0 || dimension !== "channel") return { ok: true, options };
    const channels = track(await readKlink(page, "channels.list", { query: { pageSize: 100 } }));
    if (!channels.ok) return { ok: false, failure: channels.failure };
    return { ok: true, options: channels.data.data.map((c) => ({ value: c.name, label: c.name })) };
  };
  const perDimension = await Promise.all(
    COUNT_DIMENSIONS.map(async (dimension) => ({ dimension, options: await optionsOf(dimension) })),
  );

  const jobs = perDimension.flatMap(({ dimension, options }) =>
    options.ok ? options.options.map((option) => ({ dimension, option })) : [],
  );
  const counted = await inBatches(jobs, PARALLEL_READS, async ({ dimension, option }) =>
    track(await readKlink(page, "tickets.list", { query: { [dimension]: option.value, pageSize: 1 } })),
  );

  const breakdowns = perDimension.map(({ dimension, options }): Breakdown => {
    if (!options.ok) return { ok: false, dimension, failure: options.failure };
    const rows: CountRow[] = [];
    for (const [index, job] of jobs.entries()) {
      if (job.dimension !== dimension) continue;
      const read = counted[index];
      if (!read.ok) return { ok: false, dimension, failure: read.failure };
      rows.push({ value: job.option.value, label: job.option.label, count: read.data.total });
    }
    const countedSum = rows.reduce((sum, row) => sum + row.count, 0);
    // The tenant's order for status and priority (a workflow, a scale); channels by volume.
    if (dimension === "channel") rows.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
    return { ok: true, dimension, rows, other: totalCount.ok ? Math.max(0, totalCount.count - countedSum) : 0 };
  });
  return { total: totalCount, breakdowns, reads };
}

async function ticketFields(
  page: ReadContext,
  track: <T>(read: KlinkRead<T>) => KlinkRead<T>,
): Promise<{ ok: true; data: Field[] } | { ok: false; failure: ReadFailure }> {
  const data: Field[] = [];
  for (let pageNumber = 1; pageNumber <= MAX_FIELD_PAGES; pageNumber++) {
    const read = track(await readKlink(page, "tickets.fields", { query: { page: pageNumber, pageSize: 100 } }));
    if (!read.ok) return { ok: false, failure: read.failure };
    data.push(...read.data.data);
    if (pageNumber >= read.data.lastPage) break;
  }
  return { ok: true, data };
}

/** The options of the field with this system name, archived fields ignored; label falls back to the value. */
export function fieldOptions(fields: Field[], systemName: string): Option[] {
  const field = fields.find((f) => f.system_name === systemName && !f.is_archived);
  const seen = new Set<string>();
  const options: Option[] = [];
  for (const option of field?.options ?? []) {
    if (!option.value || seen.has(option.value.toLowerCase())) continue;
    seen.add(option.value.toLowerCase());
    options.push({ value: option.value, label: option.label || option.value });
  }
  return options;
}

async function inBatches<T, R>(items: T[], size: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await run(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
  return results;
}
