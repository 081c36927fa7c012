import "server-only";
// The forwarding parts of this console instance, wired to the real database and configuration:
// one dispatcher per process (whichever bundle asks) and the fan-out inbound processing runs.
import { db } from "../db/client";
import { databaseProvider } from "../db/provider";
import { env } from "../env";
import { processGlobal } from "../process-global";
import { createDestinationRateLimit } from "./destination-rate-limit";
import { createDispatcher, type Dispatcher } from "./dispatcher";
import { createFanOut, type AcceptedEvent } from "./fan-out";
import { forwardPolicy } from "./forward-policy";
import { countOutcome } from "./forwarding-metrics";

const processDispatcher = processGlobal<Dispatcher>("forward-dispatcher");

export function forwardDispatcher(): Dispatcher {
  return processDispatcher.init(() =>
    createDispatcher({
      db: db(),
      provider: databaseProvider(env().DATABASE_URL),
      policy: () => forwardPolicy(),
      rateLimit: createDestinationRateLimit(),
      disableAfterMs: () => env().FORWARD_DISABLE_AFTER_MS,
      onOutcome: countOutcome,
    }),
  );
}

/** What inbound webhook processing calls for each batch of accepted events. */
export function forwardAcceptedEvents(events: AcceptedEvent[]): Promise<void> {
  return createFanOut({
    db: db(),
    provider: databaseProvider(env().DATABASE_URL),
    onQueued: () => void forwardDispatcher().drain(),
  })(events);
}
