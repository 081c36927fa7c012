import "server-only";
// One circuit breaker per K-LINK connection (cockatiel). After `failureThreshold` consecutive
// faults (network, timeout, 5xx) the connection's calls fail at once with CircuitOpenError for
// `halfOpenAfterMs`; then one trial call decides whether it closes again. K-LINK's 4xx answers
// (429 included) neither count nor reset the count. One breaker per connection per process,
// whichever route bundle calls.
import {
  BrokenCircuitError,
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  handleWhen,
  type CircuitBreakerPolicy,
} from "cockatiel";
import { CircuitOpenError } from "./circuit-open-error";
import { opensCircuit } from "./upstream-fault";
import { metrics } from "../metrics/registry";
import { processGlobal } from "../process-global";

export type CircuitSettings = { failureThreshold: number; halfOpenAfterMs: number };
export type CircuitStateName = "closed" | "half-open" | "open";

export const DEFAULT_CIRCUIT_SETTINGS: CircuitSettings = { failureThreshold: 5, halfOpenAfterMs: 10_000 };

type Circuit = { policy: CircuitBreakerPolicy; settings: CircuitSettings; openedAt: number };

const processCircuits = processGlobal<Map<string, Circuit>>("circuits");

function circuits(): Map<string, Circuit> {
  return processCircuits.init(() => new Map());
}

const GAUGE_VALUE: Record<CircuitStateName, number> = { closed: 0, "half-open": 1, open: 2 };

function stateName(state: CircuitState): CircuitStateName {
  if (state === CircuitState.HalfOpen) return "half-open";
  if (state === CircuitState.Closed) return "closed";
  return "open";
}

/** The connection's breaker, created with `settings` on first use. */
function circuitFor(connectionId: string, settings: CircuitSettings): Circuit {
  let circuit = circuits().get(connectionId);
  if (!circuit) {
    const policy = circuitBreaker(handleWhen(opensCircuit), {
      halfOpenAfter: settings.halfOpenAfterMs,
      breaker: new ConsecutiveBreaker(settings.failureThreshold),
    });
    const created: Circuit = { policy, settings, openedAt: 0 };
    policy.onBreak(() => {
      created.openedAt = Date.now();
    });
    policy.onStateChange((state) =>
      metrics().circuitState.set({ connection: connectionId }, GAUGE_VALUE[stateName(state)]),
    );
    metrics().circuitState.set({ connection: connectionId }, GAUGE_VALUE.closed);
    circuits().set(connectionId, (circuit = created));
  }
  return circuit;
}

/** Runs `fn` through the connection's breaker; an open circuit throws CircuitOpenError with its Retry-After. */
export async function throughCircuit<T>(
  connectionId: string,
  fn: () => Promise<T>,
  settings: CircuitSettings = DEFAULT_CIRCUIT_SETTINGS,
): Promise<T> {
  const circuit = circuitFor(connectionId, settings);
  try {
    return await circuit.policy.execute(fn);
  } catch (error) {
    if (error instanceof BrokenCircuitError) {
      const remainingMs = circuit.openedAt + circuit.settings.halfOpenAfterMs - Date.now();
      throw new CircuitOpenError(connectionId, Math.max(1, Math.ceil(remainingMs / 1000)));
    }
    throw error;
  }
}

/** The breaker state of a connection ("closed" for one that has not called K-LINK yet). */
export function circuitState(connectionId: string): CircuitStateName {
  const circuit = circuits().get(connectionId);
  return circuit ? stateName(circuit.policy.state) : "closed";
}

/** Forgets a connection's breaker (its settings changed, or it was deleted). */
export function forgetCircuit(connectionId: string): void {
  circuits().delete(connectionId);
  metrics().circuitState.remove({ connection: connectionId });
}
