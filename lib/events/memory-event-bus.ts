import "server-only";
// The bus of a single instance: events reach listeners of this process only.
import { logger } from "../log/logger";
import { LocalFanOut, type EventBus } from "./event-bus";

export function createMemoryEventBus(): EventBus {
  const fanOut = new LocalFanOut((error) => logger.warn({ err: error }, "live event listener failed"));
  return {
    async publish(event) {
      fanOut.emit(event);
    },
    subscribe: (listener) => fanOut.subscribe(listener),
    recent: (sinceMs) => fanOut.recent.since(sinceMs),
    ready: async () => undefined,
    close: async () => undefined,
  };
}
