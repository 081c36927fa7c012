import "server-only";
// Group commit for incoming deliveries: every delivery must be committed before it is answered,
// and one commit per delivery (an fsync each on SQLite) would cap throughput. Deliveries that
// arrive while a write is under way are written together by the next one, so under load one
// statement commits many rows, and an idle console still writes each delivery at once.
import type { Db } from "../db/client";
import type { DatabaseProvider } from "../db/provider";
import { insertDeliveries, newDeliveryId, type NewDelivery } from "./delivery-sql";

export class DuplicateDeliveryError extends Error {
  constructor() {
    super("This delivery was accepted before.");
    this.name = "DuplicateDeliveryError";
  }
}

/** By name, not instanceof: the writer is shared through globalThis by every copy of this module
 * Next.js loads, and each copy has its own class. */
export function isDuplicateDeliveryError(error: unknown): boolean {
  return error instanceof Error && error.name === "DuplicateDeliveryError";
}

export type DeliveryWriter = {
  /** Commits one row and resolves with its id; a taken dedupe slot rejects with DuplicateDeliveryError. */
  insert(row: NewDelivery): Promise<string>;
};

type Waiting = {
  id: string;
  row: NewDelivery;
  receivedAt: Date;
  resolve: (id: string) => void;
  reject: (error: unknown) => void;
};

const MAX_ROWS_PER_STATEMENT = 100;

export function createDeliveryWriter(
  database: Db,
  provider: DatabaseProvider,
  now: () => Date = () => new Date(),
): DeliveryWriter {
  let waiting: Waiting[] = [];
  let writing = false;

  async function writeAll(): Promise<void> {
    writing = true;
    try {
      while (waiting.length) {
        const batch = waiting.slice(0, MAX_ROWS_PER_STATEMENT);
        waiting = waiting.slice(batch.length);
        try {
          const inserted = await insertDeliveries(database, provider, batch);
          for (const w of batch) {
            if (inserted.has(w.id)) w.resolve(w.id);
            else w.reject(new DuplicateDeliveryError());
          }
        } catch (error) {
          // Nothing of this statement was committed: every caller answers 503.
          for (const w of batch) w.reject(error);
        }
      }
    } finally {
      writing = false;
    }
  }

  return {
    insert(row) {
      return new Promise<string>((resolve, reject) => {
        waiting.push({ id: newDeliveryId(), row, receivedAt: now(), resolve, reject });
        // setImmediate lets the requests already parsed in this turn of the event loop join.
        if (!writing && waiting.length === 1) setImmediate(() => void (writing || writeAll()));
      });
    },
  };
}
