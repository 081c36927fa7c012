import type { IncomingHttpHeaders } from "node:http";
import type { Rng } from "../prng";
import type { SimState } from "../state";

export type SimRequest = {
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: unknown;
};

export type SimResponse = { status: number; body: unknown };

export type SimContext = {
  state: SimState;
  /** Ids of records created at run time. */
  rng: Rng;
  now: () => Date;
  /** Queues a signed webhook delivery to every target (after the answer is sent). */
  emit: (event: string, data: unknown) => void;
};

export type Handler = (req: SimRequest, ctx: SimContext) => SimResponse;
