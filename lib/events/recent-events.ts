// The live events this instance heard lately, so a browser that was not listening for a moment
// (the page was still loading, or its stream was reconnecting) can be told what it missed.
// Bounded by count and by age; events carry ids only, so this holds nothing a viewer may not see.
import type { LiveEvent } from "./live-event";

export type RecentEventsOptions = { maxEvents?: number; maxAgeMs?: number; now?: () => number };

export class RecentEvents {
  private readonly events: { at: number; event: LiveEvent }[] = [];
  private readonly maxEvents: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;

  constructor(options: RecentEventsOptions = {}) {
    this.maxEvents = options.maxEvents ?? 1_000;
    this.maxAgeMs = options.maxAgeMs ?? 10 * 60_000;
    this.now = options.now ?? Date.now;
  }

  add(event: LiveEvent): void {
    this.events.push({ at: eventTime(event, this.now()), event });
    if (this.events.length > this.maxEvents) this.events.splice(0, this.events.length - this.maxEvents);
  }

  /** Events published at or after `sinceMs` (epoch ms), oldest first. */
  since(sinceMs: number): LiveEvent[] {
    const oldest = this.now() - this.maxAgeMs;
    while (this.events.length && this.events[0].at < oldest) this.events.shift();
    return this.events.filter((e) => e.at >= sinceMs).map((e) => e.event);
  }
}

/** An event's time as streams use it (its SSE id): when it was published, but never later than
 * now, so an instance whose clock runs ahead cannot push a browser's resume point past events. */
export function eventTime(event: LiveEvent, now = Date.now()): number {
  const at = Date.parse(event.at);
  return Number.isNaN(at) ? now : Math.min(at, now);
}
