import "server-only";
// Live events over Redis pub/sub: every instance publishes to one channel and subscribes to it,
// so a browser connected to any instance hears events raised on any other. An instance hears
// its own events through Redis too (never twice). Pub/sub keeps nothing; each instance keeps the
// last few minutes it heard (LocalFanOut), so a browser's stream that resumes on any instance is
// told what it missed.
import Redis from "ioredis";
import { logger } from "../log/logger";
import { LocalFanOut, type EventBus } from "./event-bus";
import type { LiveEvent } from "./live-event";

export const DEFAULT_LIVE_EVENT_CHANNEL = "klink-console:live-events";

export function createRedisEventBus(options: { url: string; channel?: string }): EventBus {
  const channel = options.channel ?? DEFAULT_LIVE_EVENT_CHANNEL;
  const fanOut = new LocalFanOut((error) => logger.warn({ err: error }, "live event listener failed"));
  // Publishing is part of processing a delivery: fail fast so the delivery is retried later,
  // rather than queueing for long while Redis is away.
  const publisher = new Redis(options.url, { maxRetriesPerRequest: 2, lazyConnect: false });
  const subscriber = new Redis(options.url, { maxRetriesPerRequest: null });
  for (const [role, client] of [
    ["publisher", publisher],
    ["subscriber", subscriber],
  ] as const) {
    client.on("error", (error: Error) => logger.warn({ role, err: error }, "live event bus: redis error"));
  }
  subscriber.on("message", (received: string, message: string) => {
    if (received !== channel) return;
    const event = parseEvent(message);
    if (event) fanOut.emit(event);
  });
  // ioredis re-subscribes by itself after a reconnect.
  const subscribed = subscriber.subscribe(channel).then(() => undefined);
  subscribed.catch((error: Error) => logger.warn({ err: error }, "live event bus: subscribe failed"));

  return {
    async publish(event) {
      await publisher.publish(channel, JSON.stringify(event));
    },
    subscribe: (listener) => fanOut.subscribe(listener),
    recent: (sinceMs) => fanOut.recent.since(sinceMs),
    ready: () => subscribed,
    async close() {
      await Promise.allSettled([publisher.quit(), subscriber.quit()]);
    },
  };
}

function parseEvent(message: string): LiveEvent | null {
  try {
    const value = JSON.parse(message) as Partial<LiveEvent>;
    if (typeof value?.type === "string" && typeof value.connectionId === "string" && typeof value.at === "string")
      return value as LiveEvent;
  } catch {
    // not one of ours
  }
  logger.warn("live event bus: ignored a malformed message");
  return null;
}
