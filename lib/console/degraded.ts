import "server-only";
// Whether a page is showing old data because K-LINK is in trouble: some read was served STALE
// after K-LINK failed, or while the connection's last call to K-LINK failed (a stale-while-
// revalidate answer is normal otherwise). The age shown is that of the oldest such read.
import { upstreamHealth } from "../resilience/upstream-health";
import type { KlinkRead } from "./read-klink";

export type Degraded = { oldestAgeSeconds: number } | null;

export function degradedFreshness(reads: KlinkRead<unknown>[]): Degraded {
  let oldest = -1;
  for (const read of reads) {
    if (!read.ok || read.freshness.cacheState !== "STALE") continue;
    const failing =
      read.freshness.staleReason === "upstream_error" || upstreamHealth(read.connectionId)?.healthy === false;
    if (failing) oldest = Math.max(oldest, read.freshness.ageSeconds);
  }
  return oldest < 0 ? null : { oldestAgeSeconds: oldest };
}
