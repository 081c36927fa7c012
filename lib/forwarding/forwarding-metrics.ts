import "server-only";
// Forwarding's Prometheus metrics, in the process's registry: sent and failed attempts and their
// latency per destination (counted by the instance that sent), and the backlog and the age of
// the oldest pending message per destination (read from the database when scraped, so every
// instance reports the shared outbox).
import { Counter, Gauge, Histogram } from "prom-client";
import { db } from "../db/client";
import { metrics } from "../metrics/registry";
import { processGlobal } from "../process-global";
import type { DispatchOutcome } from "./dispatcher";

function createForwardingMetrics() {
  const registers = [metrics().registry];
  return {
    sent: new Counter({
      name: "klink_console_forward_sent_total",
      help: "Forwarded messages a destination acknowledged (2xx), by destination id.",
      labelNames: ["destination"] as const,
      registers,
    }),
    failed: new Counter({
      name: "klink_console_forward_failed_attempts_total",
      help: "Forwarding attempts that failed, by destination id.",
      labelNames: ["destination"] as const,
      registers,
    }),
    latency: new Histogram({
      name: "klink_console_forward_attempt_duration_seconds",
      help: "Time from sending a forwarded message to the destination's answer, by destination id.",
      labelNames: ["destination"] as const,
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    backlog: new Gauge({
      name: "klink_console_forward_backlog",
      help: "Forwarded messages not yet delivered or failed, by destination id.",
      labelNames: ["destination"] as const,
      registers,
      async collect() {
        this.reset();
        for (const row of await pendingByDestination()) this.set({ destination: row.destinationId }, row.count);
      },
    }),
    oldestPending: new Gauge({
      name: "klink_console_forward_oldest_pending_seconds",
      help: "Age of the oldest forwarded message not yet delivered or failed, by destination id.",
      labelNames: ["destination"] as const,
      registers,
      async collect() {
        this.reset();
        const now = Date.now();
        for (const row of await pendingByDestination()) {
          if (row.oldest) this.set({ destination: row.destinationId }, (now - row.oldest.getTime()) / 1000);
        }
      },
    }),
  };
}

/** Pending (or in-flight) messages per destination, with the creation time of the oldest. */
export async function pendingByDestination(): Promise<{ destinationId: string; count: number; oldest: Date | null }[]> {
  const groups = await db().forwardMessage.groupBy({
    by: ["destinationId"],
    where: { status: { in: ["pending", "processing"] } },
    _count: { _all: true },
    _min: { createdAt: true },
  });
  return groups.map((g) => ({ destinationId: g.destinationId, count: g._count._all, oldest: g._min.createdAt }));
}

const processForwardingMetrics = processGlobal<ReturnType<typeof createForwardingMetrics>>("forwarding-metrics");

export function forwardingMetrics() {
  return processForwardingMetrics.init(createForwardingMetrics);
}

export function countOutcome(outcome: DispatchOutcome): void {
  const m = forwardingMetrics();
  const labels = { destination: outcome.destinationId };
  if (outcome.result === "delivered") m.sent.inc(labels);
  else m.failed.inc(labels);
  m.latency.observe(labels, outcome.latencyMs / 1000);
}
