// What a CX log is counted under in the report's breakdowns, and what the drill-down into the CX
// log list matches: the same key functions for both, so a row's link shows exactly the logs the
// row counted. Agents are keyed by id and shown by name where the log carries one. Safe to import
// anywhere.
import type { CxLog } from "../console/normalize/cx-log";
import { asText } from "../console/normalize/values";

export const DIMENSIONS = {
  channel: "Channel",
  queue: "Queue",
  agent: "Agent",
  disposition: "Disposition",
} as const;

export type Dimension = keyof typeof DIMENSIONS;
export const DIMENSION_NAMES = Object.keys(DIMENSIONS) as Dimension[];

/** The key of logs that carry no value for a dimension. */
export const NONE_KEY = "(none)";

const text = (value: unknown): string | null => {
  const t = asText(value)?.trim();
  return t ? t : null;
};

export function isDimension(value: string): value is Dimension {
  return Object.hasOwn(DIMENSIONS, value);
}

/** The key and the shown label of a log under a dimension. */
export function dimensionOf(log: CxLog, dimension: Dimension): { key: string; label: string } {
  switch (dimension) {
    case "channel": {
      const channel = text(log.channel) ?? text(log.channelType);
      return { key: channel ?? NONE_KEY, label: channel ?? NONE_KEY };
    }
    case "queue": {
      const id = text(log.queueId);
      const name = text(log.queueName);
      return { key: id ?? name ?? NONE_KEY, label: name ?? id ?? NONE_KEY };
    }
    case "agent": {
      const id = text(log.agentId) ?? text(log.agent?.id);
      const name = text(log.agent?.name);
      return { key: id ?? NONE_KEY, label: name ?? id ?? NONE_KEY };
    }
    case "disposition": {
      const disposition = text(log.disposition);
      return { key: disposition ?? NONE_KEY, label: disposition ?? NONE_KEY };
    }
  }
}

/** A duration in seconds (see README "Reports": the unit), or null when absent or not a number ≥ 0. */
export function durationOf(log: CxLog, field: "firstResponseTime" | "handledTime" | "resolutionTime"): number | null {
  const value = log[field];
  const n = typeof value === "number" ? value : typeof value === "string" && value.trim() ? Number(value) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : null;
}
