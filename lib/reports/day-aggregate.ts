// The numbers of one day of CX logs, in the form that can be stored and added up: counts, and
// the durations themselves (a median of a month cannot be made from daily medians). A day is the
// logs K-LINK returns for that day's selectedDate in the zone; the hour of a log is the wall-clock
// hour of its startedDate in the same zone (on a daylight-saving day two real hours may share a
// wall-clock hour, or one be missing). Safe to import anywhere.
import type { CxLog } from "../console/normalize/cx-log";
import { parseKlinkTime } from "../console/zoned-time";
import { DIMENSION_NAMES, dimensionOf, durationOf, type Dimension } from "./log-dimensions";
import { slaOutcome } from "./sla-outcome";

/** Bumped when the stored form changes: older stored days are then recomputed. */
export const AGGREGATE_VERSION = 1;

export type DirectionCounts = { inbound: number; outbound: number; other: number };
export type SlaCounts = { met: number; breached: number; none: number };

export type BreakdownCell = {
  label: string;
  count: number;
  sla: SlaCounts;
  /** First-response times in seconds. */
  firstResponse: number[];
};

export type DayAggregate = {
  version: typeof AGGREGATE_VERSION;
  day: string;
  count: number;
  direction: DirectionCounts;
  /** 24 wall-clock hours in the zone. */
  hourly: DirectionCounts[];
  sla: SlaCounts;
  /** Seconds, in the order read. */
  durations: { firstResponse: number[]; handled: number[]; resolution: number[] };
  breakdowns: Record<Dimension, Record<string, BreakdownCell>>;
};

const emptyDirection = (): DirectionCounts => ({ inbound: 0, outbound: 0, other: 0 });
const emptySla = (): SlaCounts => ({ met: 0, breached: 0, none: 0 });

export function directionOf(log: CxLog): keyof DirectionCounts {
  const d = typeof log.direction === "string" ? log.direction.trim().toLowerCase() : "";
  return d === "inbound" ? "inbound" : d === "outbound" ? "outbound" : "other";
}

const hourFormatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock hour (0–23) of an instant in a zone. */
export function hourIn(timeZone: string, ms: number): number {
  let f = hourFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, hour: "2-digit", hourCycle: "h23" });
    hourFormatters.set(timeZone, f);
  }
  return Number(f.format(new Date(ms))) % 24;
}

const noPrototype = (): Record<string, BreakdownCell> => Object.create(null) as Record<string, BreakdownCell>;

export function aggregateDay(day: string, timeZone: string, logs: readonly CxLog[]): DayAggregate {
  const aggregate: DayAggregate = {
    version: AGGREGATE_VERSION,
    day,
    count: 0,
    direction: emptyDirection(),
    hourly: Array.from({ length: 24 }, emptyDirection),
    sla: emptySla(),
    durations: { firstResponse: [], handled: [], resolution: [] },
    // Keys come from K-LINK: prototype-less maps, so a key such as "__proto__" is just a key.
    breakdowns: { channel: noPrototype(), queue: noPrototype(), agent: noPrototype(), disposition: noPrototype() },
  };
  const seen = new Set<string>();
  for (const log of logs) {
    // K-LINK pages are offset-based: a log that moved between two page reads is counted once.
    if (seen.has(log.id)) continue;
    seen.add(log.id);
    aggregate.count++;
    const direction = directionOf(log);
    aggregate.direction[direction]++;
    const started = parseKlinkTime(log.startedDate ?? log.createdAt);
    if (!Number.isNaN(started)) aggregate.hourly[hourIn(timeZone, started)][direction]++;
    const sla = slaOutcome(log.slaStatus);
    aggregate.sla[sla]++;
    const firstResponse = durationOf(log, "firstResponseTime");
    const handled = durationOf(log, "handledTime");
    const resolution = durationOf(log, "resolutionTime");
    if (firstResponse !== null) aggregate.durations.firstResponse.push(firstResponse);
    if (handled !== null) aggregate.durations.handled.push(handled);
    if (resolution !== null) aggregate.durations.resolution.push(resolution);
    for (const dimension of DIMENSION_NAMES) {
      const { key, label } = dimensionOf(log, dimension);
      const cells = aggregate.breakdowns[dimension];
      const cell = Object.hasOwn(cells, key)
        ? cells[key]
        : (cells[key] = { label, count: 0, sla: emptySla(), firstResponse: [] });
      cell.count++;
      cell.sla[sla]++;
      if (firstResponse !== null) cell.firstResponse.push(firstResponse);
    }
  }
  return aggregate;
}

/** A stored aggregate as read back, or null when it is of another version or not one at all. */
export function storedAggregate(value: unknown, day: string): DayAggregate | null {
  if (typeof value !== "object" || value === null) return null;
  const candidate = value as Partial<DayAggregate>;
  if (candidate.version !== AGGREGATE_VERSION || candidate.day !== day) return null;
  if (!Array.isArray(candidate.hourly) || typeof candidate.breakdowns !== "object") return null;
  return candidate as DayAggregate;
}
