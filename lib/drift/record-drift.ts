import "server-only";
// Records where a K-LINK answer differed from the registry's description (lib/klink/find-drift.ts),
// never raising: a structured log line, the metric klink_console_upstream_drift_total{endpoint,path}
// and a row per connection, endpoint and path in the database (the admin page "K-LINK drift").
//
// Reads must not wait for any of it. Sightings are added up in memory, per process, and written a
// moment later in one batch (one upsert per distinct path, however many answers showed it); a
// write that fails is logged and dropped, never passed to the read that saw the drift. The log
// line is written the first time a process sees a path, then at most once an hour per path, so a
// tenant that always answers differently does not fill the log.
import { LRUCache } from "lru-cache";
import type { DriftFinding } from "../klink/find-drift";
import { logger } from "../log/logger";
import { metrics } from "../metrics/registry";
import { processGlobal } from "../process-global";
import { storeDriftSighting, trimDrift, type DriftSighting } from "./drift-store";

export type DriftReport = {
  connectionId: string;
  endpoint: string;
  findings: readonly DriftFinding[];
  requestId?: string;
};

/** How long sightings are added up before they are written. */
export const DRIFT_FLUSH_DELAY_MS = 1000;
/** Sightings waiting for the database; beyond this (a database down for long) new paths wait for the next flush. */
const MAX_PENDING = 5000;
/** Distinct {endpoint, path} series of the metric per process; more are counted under path="(other)". */
export const MAX_METRIC_PATHS = 500;
const LOG_AGAIN_AFTER_MS = 60 * 60 * 1000;

type DriftState = {
  pending: Map<string, DriftSighting>;
  timer: NodeJS.Timeout | undefined;
  flushing: Promise<void>;
  /** Paths logged within the last hour. */
  logged: LRUCache<string, true>;
  metricPaths: Set<string>;
  /** Reports made with recordDriftSoon, recorded at the next turn of the event loop. */
  soon: (() => DriftReport)[];
  soonTimer: NodeJS.Immediate | undefined;
};

// Every copy of this module Next.js loads must share one batch and one set of sightings.
const drift = processGlobal<DriftState>("drift");
const state = (): DriftState =>
  drift.init(() => ({
    pending: new Map(),
    timer: undefined,
    flushing: Promise.resolve(),
    logged: new LRUCache({ max: 10_000, ttl: LOG_AGAIN_AFTER_MS }),
    metricPaths: new Set(),
    soon: [],
    soonTimer: undefined,
  }));

const keyOf = (connectionId: string, endpoint: string, path: string) => `${connectionId}\u0000${endpoint}\u0000${path}`;

export function recordDrift(report: DriftReport): void {
  if (!report.findings.length) return;
  const s = state();
  const now = new Date();
  for (const finding of report.findings) {
    metrics().upstreamDrift.inc({ endpoint: report.endpoint, path: metricPath(s, report.endpoint, finding.path) });
    const key = keyOf(report.connectionId, report.endpoint, finding.path);
    if (!s.logged.has(key)) {
      s.logged.set(key, true);
      logger.warn(
        {
          connectionId: report.connectionId,
          endpoint: report.endpoint,
          path: finding.path,
          kind: finding.kind,
          expected: finding.expected,
          received: finding.received,
          requestId: report.requestId,
        },
        "K-LINK answered differently from its documentation (drift)",
      );
    }
    const waiting = s.pending.get(key);
    if (waiting) {
      waiting.count += 1;
      waiting.lastSeenAt = now;
      waiting.finding = finding;
      waiting.requestId = report.requestId ?? waiting.requestId;
    } else if (s.pending.size < MAX_PENDING) {
      s.pending.set(key, {
        connectionId: report.connectionId,
        endpoint: report.endpoint,
        finding,
        count: 1,
        firstSeenAt: now,
        lastSeenAt: now,
        requestId: report.requestId,
      });
    }
  }
  s.timer ??= setTimeout(() => void flushDrift(), DRIFT_FLUSH_DELAY_MS).unref();
}

/**
 * recordDrift, a moment later: once the answer that showed the drift is on its way. Finding it
 * walks the whole answer (lib/klink/find-drift.ts), which the caller of a cold read need not wait
 * for; `report` is called then (at the next turn of the event loop, or by flushDrift, whichever
 * comes first), never raising.
 */
export function recordDriftSoon(report: () => DriftReport): void {
  const s = state();
  s.soon.push(report);
  s.soonTimer ??= setImmediate(recordWaitingReports);
}

function recordWaitingReports(): void {
  const s = state();
  if (s.soonTimer) clearImmediate(s.soonTimer);
  s.soonTimer = undefined;
  for (const report of s.soon.splice(0)) {
    try {
      recordDrift(report());
    } catch (error) {
      logger.warn({ err: error }, "drift could not be recorded");
    }
  }
}

/** Writes what is waiting now (recordDriftSoon's reports included); resolves when it is written (or failed and was logged). Never rejects. */
export function flushDrift(): Promise<void> {
  recordWaitingReports();
  const s = state();
  if (s.timer) clearTimeout(s.timer);
  s.timer = undefined;
  const batch = [...s.pending.values()];
  s.pending.clear();
  // One batch at a time, so the bound check of one never races the inserts of the next.
  s.flushing = s.flushing.then(() => write(batch));
  return s.flushing;
}

async function write(batch: DriftSighting[]): Promise<void> {
  for (const sighting of batch) {
    try {
      await storeDriftSighting(sighting);
    } catch (error) {
      logger.warn(
        { endpoint: sighting.endpoint, path: sighting.finding.path, err: error },
        "drift could not be stored",
      );
    }
  }
  for (const connectionId of new Set(batch.map((sighting) => sighting.connectionId))) {
    try {
      await trimDrift(connectionId);
    } catch (error) {
      logger.warn({ connectionId, err: error }, "the drift list could not be trimmed");
    }
  }
}

function metricPath(s: DriftState, endpoint: string, path: string): string {
  const series = `${endpoint}\u0000${path}`;
  if (s.metricPaths.has(series)) return path;
  if (s.metricPaths.size >= MAX_METRIC_PATHS) return "(other)";
  s.metricPaths.add(series);
  return path;
}

/** Tests: forgets what this process has logged, stored and batched. */
export function resetDriftRecorder(): void {
  const s = state();
  if (s.timer) clearTimeout(s.timer);
  if (s.soonTimer) clearImmediate(s.soonTimer);
  drift.set(undefined);
}
