// Injected faults, per route pattern. Rates are applied by counting, not by chance: a fault with
// rate 0.3 hits exactly 3 of every 10 matching requests (the 4th, 7th, 10th …), so tests can
// assert exact numbers.
import { z } from "zod";

export const FAULT_MODES = ["latency", "error", "hang", "malformed", "reset", "html", "oversized"] as const;

export const faultSpecSchema = z.object({
  /** A path name; `*` matches within one segment, `**` across segments. */
  pathPattern: z.string().startsWith("/", "must start with /"),
  method: z.enum(["GET", "POST", "PATCH", "PUT", "DELETE"]).optional(),
  latencyMs: z.number().int().min(0).max(120_000).optional(),
  status: z.number().int().min(100).max(599).optional(),
  rate: z.number().min(0).max(1).default(1),
  retryAfterSeconds: z.number().int().min(0).optional(),
  /** Default: "error" when a status is given, else "latency" (delay only, then the normal answer). */
  mode: z.enum(FAULT_MODES).optional(),
  /** "oversized": the size of the 200 JSON answer, streamed without Content-Length (default 30 MiB). */
  sizeBytes: z
    .number()
    .int()
    .min(1)
    .max(512 * 1024 * 1024)
    .optional(),
  /** Stop after this many hits. */
  count: z.number().int().min(1).optional(),
});
export type FaultSpec = z.infer<typeof faultSpecSchema>;

export type Fault = FaultSpec & { id: string; mode: (typeof FAULT_MODES)[number]; matched: number; hits: number };

function patternToRegex(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(
    `^${escaped
      .replace(/\*\*/g, "\u0000")
      .replace(/\*/g, "[^/]*")
      .replace(/\u0000/g, ".*")}$`,
  );
}

export class FaultTable {
  private faults: (Fault & { regex: RegExp })[] = [];
  private nextId = 1;

  add(spec: FaultSpec): Fault {
    const fault = {
      ...spec,
      id: `fault-${this.nextId++}`,
      mode: spec.mode ?? (spec.status !== undefined ? "error" : "latency"),
      matched: 0,
      hits: 0,
      regex: patternToRegex(spec.pathPattern),
    };
    this.faults.push(fault);
    return this.view(fault);
  }

  remove(id: string): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((f) => f.id !== id);
    return this.faults.length < before;
  }

  clear(): void {
    this.faults = [];
  }

  list(): Fault[] {
    return this.faults.map((f) => this.view(f));
  }

  /** The first matching fault whose turn it is, counting this request against each it matched. */
  pick(method: string, path: string): Fault | undefined {
    for (const fault of this.faults) {
      if ((fault.method && fault.method !== method) || !fault.regex.test(path)) continue;
      if (fault.count !== undefined && fault.hits >= fault.count) continue;
      fault.matched++;
      const due = Math.floor(fault.matched * fault.rate + 1e-9) > Math.floor((fault.matched - 1) * fault.rate + 1e-9);
      if (due) {
        fault.hits++;
        return this.view(fault);
      }
    }
    return undefined;
  }

  private view(fault: Fault): Fault {
    const { id, pathPattern, method, latencyMs, status, rate, retryAfterSeconds, mode, count, matched, hits } = fault;
    return { id, pathPattern, method, latencyMs, status, rate, retryAfterSeconds, mode, count, matched, hits };
  }
}
