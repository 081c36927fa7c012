// The simulator's state machine, independent of HTTP: the tenant data, the runtime PRNG, faults,
// the request log and the webhook dispatcher. `reset()` brings everything back to the seed.
import { timingSafeEqual } from "node:crypto";
import { FaultTable } from "./faults";
import { createRng, type Rng } from "./prng";
import { RequestLog } from "./request-log";
import { generateState } from "./seed-data";
import type { SimState } from "./state";
import { parseVariants, type ShapeVariant } from "./variants";
import { WebhookDispatcher } from "./webhooks";

export type SimulatorOptions = {
  /** 0 (default) = a free port. */
  port?: number;
  host?: "127.0.0.1" | "::1" | "localhost" | "0.0.0.0";
  /** The only bearer tokens accepted; anything else is answered 401. */
  tokens: string[];
  /** Changes every generated record; the same seed gives the same data. Default 1. */
  seed?: number;
  /** Seed timestamps count back from here (default: the start of the current UTC day). */
  referenceTime?: Date | string | number;
  webhookTargets?: { url: string; secret: string }[];
  /** Shape variants on from the start (variants.ts); `reset()` comes back to these. Default none. */
  variants?: "all" | readonly ShapeVariant[];
};

export class SimulatorCore {
  state: SimState;
  rng: Rng;
  readonly faults = new FaultTable();
  readonly requests = new RequestLog();
  readonly webhooks: WebhookDispatcher;
  readonly seed: number;
  readonly referenceTime: number;
  /** The shape variants answers are rewritten with now (empty: the documented shapes). */
  variants: Set<ShapeVariant>;
  private readonly startVariants: Set<ShapeVariant>;
  private readonly tokens: Buffer[];

  constructor(options: SimulatorOptions) {
    if (!options.tokens.length) throw new Error("The simulator needs at least one token.");
    this.tokens = options.tokens.map((t) => Buffer.from(t));
    this.seed = options.seed ?? 1;
    const day = 86_400_000;
    this.referenceTime =
      options.referenceTime !== undefined
        ? new Date(options.referenceTime).getTime()
        : Math.floor(Date.now() / day) * day;
    if (Number.isNaN(this.referenceTime)) throw new Error("referenceTime is not a date.");
    this.webhooks = new WebhookDispatcher(options.webhookTargets);
    this.state = generateState(this.seed, this.referenceTime);
    this.rng = createRng(this.seed ^ 0x5eed);
    this.startVariants = parseVariants(options.variants ?? "none");
    this.variants = new Set(this.startVariants);
  }

  reset(): void {
    this.state = generateState(this.seed, this.referenceTime);
    this.rng = createRng(this.seed ^ 0x5eed);
    this.faults.clear();
    this.requests.clear();
    this.webhooks.clearDeliveries();
    this.variants = new Set(this.startVariants);
  }

  /** Constant-time comparison against every accepted token. */
  accepts(token: string): boolean {
    const candidate = Buffer.from(token);
    let ok = false;
    for (const known of this.tokens) {
      if (known.length === candidate.length && timingSafeEqual(known, candidate)) ok = true;
    }
    return ok;
  }
}
