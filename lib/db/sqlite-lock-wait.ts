import "server-only";
// SQLite waits for a lock held by another process (a backup, `npm run audit:purge`, an admin's
// sqlite3 shell) OFF the event loop. better-sqlite3 is synchronous: with a busy timeout, every
// statement that meets the lock sleeps inside the call, and the whole server (health, cached
// reads, every request) stops for as long as the lock is held. Here the busy timeout is 0: a
// statement that meets the lock fails at once with SQLITE_BUSY and is tried again after an
// asynchronous pause (5 ms, doubling to 100 ms, with jitter) until `lockWaitMs` has passed. The
// server keeps answering meanwhile, and health can report the database as busy.
import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { processGlobal } from "../process-global";

type SqlDriverAdapterFactory = Pick<PrismaBetterSQLite3, "provider" | "adapterName" | "connect">;
type SqlDriverAdapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type Transaction = Awaited<ReturnType<SqlDriverAdapter["startTransaction"]>>;
type SqlQuery = Parameters<SqlDriverAdapter["queryRaw"]>[0];

type LockWaits = { waiting: number; since: number | null };

const lockWaits = processGlobal<LockWaits>("sqlite-lock-waits");
const waits = () => lockWaits.init(() => ({ waiting: 0, since: null }));

/** Statements of this process now waiting for another process's lock, and since when (ms epoch). */
export function sqliteLockWaits(): Readonly<LockWaits> {
  return { ...waits() };
}

/** SQLITE_BUSY (and its extended codes), as the better-sqlite3 adapter reports it. */
export function isSqliteBusy(error: unknown): boolean {
  const cause = (error as { cause?: { originalCode?: unknown } } | null)?.cause;
  return typeof cause?.originalCode === "string" && cause.originalCode.startsWith("SQLITE_BUSY");
}

const FIRST_PAUSE_MS = 5;
const LONGEST_PAUSE_MS = 100;

/** Runs `statement` until it does not meet a lock, pausing asynchronously in between, for at most `lockWaitMs`. */
export async function retryWhileLocked<T>(statement: () => Promise<T>, lockWaitMs: number): Promise<T> {
  let started: number | null = null;
  let pause = FIRST_PAUSE_MS;
  try {
    for (;;) {
      try {
        return await statement();
      } catch (error) {
        if (!isSqliteBusy(error)) throw error;
        const now = Date.now();
        if (started === null) {
          started = now;
          const state = waits();
          if (state.waiting++ === 0) state.since = now;
        }
        if (now - started >= lockWaitMs) throw error;
        await new Promise((resolve) => setTimeout(resolve, pause / 2 + Math.random() * (pause / 2)));
        pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
      }
    }
  } finally {
    if (started !== null) {
      const state = waits();
      if (--state.waiting === 0) state.since = null;
    }
  }
}

/** The adapter factory with every statement of every connection and transaction retried while locked. */
export function waitingForLocks(factory: SqlDriverAdapterFactory, lockWaitMs: number): SqlDriverAdapterFactory {
  const retry = <T>(statement: () => Promise<T>) => retryWhileLocked(statement, lockWaitMs);
  const queryable = <Q extends SqlDriverAdapter | Transaction>(inner: Q) => ({
    queryRaw: (query: SqlQuery) => retry(() => inner.queryRaw(query)),
    executeRaw: (query: SqlQuery) => retry(() => inner.executeRaw(query)),
  });
  const transaction = (inner: Transaction): Transaction => ({
    provider: inner.provider,
    adapterName: inner.adapterName,
    options: inner.options,
    ...queryable(inner),
    commit: () => retry(() => inner.commit()),
    rollback: () => inner.rollback(),
  });
  const adapter = (inner: SqlDriverAdapter): SqlDriverAdapter => ({
    provider: inner.provider,
    adapterName: inner.adapterName,
    ...queryable(inner),
    executeScript: (script) => retry(async () => inner.executeScript(script)),
    // BEGIN is deferred (it takes no lock), and the adapter's own mutex would stay held were it retried.
    startTransaction: async (isolationLevel) => transaction(await inner.startTransaction(isolationLevel)),
    ...(inner.getConnectionInfo ? { getConnectionInfo: () => inner.getConnectionInfo!() } : {}),
    dispose: () => inner.dispose(),
  });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => adapter(await factory.connect()),
  };
}
