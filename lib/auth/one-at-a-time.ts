import "server-only";
// Runs work for one key one call at a time in this process (password checks of one account), with
// a bounded queue: a call that finds `maxWaiting` others already waiting is refused at once, so a
// flood of parallel guesses for one account costs neither argon2 work nor memory. One queue per
// process, whichever route bundle asks.
import { processGlobal } from "../process-global";

const processQueues = processGlobal<Map<string, { tail: Promise<unknown>; waiting: number }>>("one-at-a-time");

export class QueueFullError extends Error {
  constructor() {
    super("Too many calls are waiting for this key.");
    this.name = "QueueFullError";
  }
}

export async function oneAtATime<T>(key: string, maxWaiting: number, work: () => Promise<T>): Promise<T> {
  const queues = processQueues.init(() => new Map());
  let queue = queues.get(key);
  if (!queue) queues.set(key, (queue = { tail: Promise.resolve(), waiting: 0 }));
  if (queue.waiting >= maxWaiting) throw new QueueFullError();
  queue.waiting += 1;
  const current = queue;
  const run = current.tail.then(work, work);
  current.tail = run
    .catch(() => undefined)
    .finally(() => {
      current.waiting -= 1;
      if (current.waiting === 0 && queues.get(key) === current) queues.delete(key);
    });
  return run;
}
