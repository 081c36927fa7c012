import "server-only";
// Caps on open live-event streams: at most `perUser` per user and `perProcess` in this process
// (LIVE_STREAMS_PER_USER, LIVE_STREAMS_PER_PROCESS). One count per process, whichever bundle asks.
import { processGlobal } from "../process-global";

type Slots = { total: number; byUser: Map<string, number> };
const processSlots = processGlobal<Slots>("live-stream-slots");

function slots(): Slots {
  return processSlots.init(() => ({ total: 0, byUser: new Map() }));
}

/** Takes a slot for a new stream; the returned release gives it back (once). Undefined when a cap is reached. */
export function takeStreamSlot(
  userId: string,
  caps: { perUser: number; perProcess: number },
): (() => void) | undefined {
  const s = slots();
  const mine = s.byUser.get(userId) ?? 0;
  if (s.total >= caps.perProcess || mine >= caps.perUser) return undefined;
  s.total += 1;
  s.byUser.set(userId, mine + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    s.total -= 1;
    const left = (s.byUser.get(userId) ?? 1) - 1;
    if (left > 0) s.byUser.set(userId, left);
    else s.byUser.delete(userId);
  };
}

/** Streams open in this process (tests, metrics). */
export function openStreamCount(userId?: string): number {
  return userId === undefined ? slots().total : (slots().byUser.get(userId) ?? 0);
}
