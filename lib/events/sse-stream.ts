import "server-only";
// One Server-Sent Events stream of live events for one browser tab. Comments keep proxies from
// closing an idle connection; the stream ends by itself after a while so the browser's
// EventSource reconnects, and the reconnect goes through authentication again (a deactivated
// user stops receiving events within maxAgeMs).
//
// Nothing is lost in between: each event goes out with its publication time as its SSE id, the
// browser sends the last one back when it reconnects (Last-Event-ID), and the stream starts by
// replaying what the bus heard since then (`resumeFrom`). A page's first stream resumes from
// when the page was rendered, which covers what happened while it was loading. Replaying an event
// twice only revalidates twice.
import type { EventBus } from "./event-bus";
import type { LiveEvent } from "./live-event";
import { eventTime } from "./recent-events";

export type EventStreamOptions = {
  /** Aborted when the client goes away. */
  signal: AbortSignal;
  heartbeatMs?: number;
  maxAgeMs?: number;
  /** How long EventSource waits before reconnecting. */
  retryMs?: number;
  /** Only events of this connection, when given. */
  connectionId?: string;
  /** Epoch ms: first replay the bus's recent events from this moment (minus RESUME_MARGIN_MS). */
  resumeFrom?: number;
  /** Called once when the stream ends, however it ends. */
  onClose?: () => void;
};

// Each event is serialised once, however many streams forward it: the bus hands every listener
// the same object.
const frames = new WeakMap<LiveEvent, Uint8Array>();
const frameEncoder = new TextEncoder();

function frameOf(event: LiveEvent): Uint8Array {
  let frame = frames.get(event);
  if (!frame) {
    frame = frameEncoder.encode(`id: ${eventTime(event)}\ndata: ${JSON.stringify(event)}\n\n`);
    frames.set(event, frame);
  }
  return frame;
}

/** Replays reach this far further back: instances' clocks differ a little. */
export const RESUME_MARGIN_MS = 2_000;

export const SSE_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache, no-transform",
  connection: "keep-alive",
  // nginx would otherwise buffer the stream.
  "x-accel-buffering": "no",
} as const;

export function createEventStream(
  bus: Pick<EventBus, "subscribe" | "recent">,
  options: EventStreamOptions,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let stop: () => void = () => undefined;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const forward = (event: LiveEvent) => {
        if (options.connectionId && event.connectionId !== options.connectionId) return;
        if (!closed) controller.enqueue(frameOf(event));
      };
      const unsubscribe = bus.subscribe(forward);
      const heartbeat = setInterval(
        () => send(`: heartbeat ${new Date().toISOString()}\n\n`),
        options.heartbeatMs ?? 20_000,
      );
      const maxAge = setTimeout(() => stop(), options.maxAgeMs ?? 5 * 60_000);
      stop = () => {
        if (closed) return;
        closed = true;
        unsubscribe();
        clearInterval(heartbeat);
        clearTimeout(maxAge);
        options.signal.removeEventListener("abort", stop);
        options.onClose?.();
        try {
          controller.close();
        } catch {
          // already cancelled by the reader
        }
      };
      options.signal.addEventListener("abort", stop);
      if (options.signal.aborted) return stop();
      send(`retry: ${options.retryMs ?? 3000}\n: connected\n\n`);
      if (options.resumeFrom !== undefined) bus.recent(options.resumeFrom - RESUME_MARGIN_MS).forEach(forward);
    },
    cancel() {
      stop();
    },
  });
}
