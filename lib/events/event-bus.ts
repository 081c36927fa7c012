import "server-only";
// The live event bus: the webhook processor publishes, Server-Sent Events connections listen.
// In memory within one instance by default; over Redis pub/sub when REDIS_URL is set, so an
// event published by any instance reaches listeners on every instance.
import { EventEmitter } from "node:events";
import type { LiveEvent } from "./live-event";
import { RecentEvents } from "./recent-events";

export type LiveEventListener = (event: LiveEvent) => void;

export interface EventBus {
  publish(event: LiveEvent): Promise<void>;
  /** Returns the function that unsubscribes. */
  subscribe(listener: LiveEventListener): () => void;
  /** Events this instance's listeners were sent at or after `sinceMs` (the last few minutes' worth). */
  recent(sinceMs: number): LiveEvent[];
  /** Resolves once events published anywhere reach this bus's listeners. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/** Fans events out to this instance's listeners (a throwing listener never stops the others),
 * and keeps the recent ones for streams that resume. */
export class LocalFanOut {
  private readonly emitter = new EventEmitter();
  readonly recent = new RecentEvents();

  constructor(private readonly onListenerError: (error: unknown) => void) {
    // One listener per open browser tab: there is no meaningful maximum.
    this.emitter.setMaxListeners(0);
  }

  emit(event: LiveEvent): void {
    this.recent.add(event);
    for (const listener of this.emitter.listeners("event") as LiveEventListener[]) {
      try {
        listener(event);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }

  subscribe(listener: LiveEventListener): () => void {
    this.emitter.on("event", listener);
    return () => this.emitter.off("event", listener);
  }

  get listenerCount(): number {
    return this.emitter.listenerCount("event");
  }
}
