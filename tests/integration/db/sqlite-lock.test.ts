// SQLite locked by another process does not freeze the server: statements meet the lock without
// waiting on the event loop (busy timeout 0) and are retried asynchronously; health reports the
// database busy at once; reads go on; writes complete once the lock is gone, or fail after
// DATABASE_LOCK_WAIT_MS. Always on an SQLite file of its own (the PostgreSQL lane included).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "../../../lib/audit/record-audit";
import { createDb, type Db } from "../../../lib/db/client";
import { sqliteLockWaits } from "../../../lib/db/sqlite-lock-wait";
import { checkHealth } from "../../../lib/health";
import { migrateDatabase } from "../../../scripts/run-prisma-migrate";
import { holdSqliteLock } from "../../helpers/sqlite-lock-holder";

const file = path.join(mkdtempSync(path.join(tmpdir(), "klink-lock-")), "locked.db");
const url = `file:${file}`;
let database: Db;

beforeAll(() => {
  migrateDatabase(url, { quiet: true });
  database = createDb(url, 10_000);
});
afterAll(async () => {
  await database.$disconnect();
});

const HOLD_MS = 3_000;

describe("an SQLite file locked by another process", () => {
  it("keeps the event loop and health answering, reads served, and stores the waiting write after the lock", async () => {
    expect(await checkHealth(database, url)).toMatchObject({ status: "ok", database: { status: "up" } });
    const lock = await holdSqliteLock(file, HOLD_MS);
    const lockedAt = Date.now();
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();

    const write = recordAudit({ action: "lock.test", outcome: "success", requestId: "req-lock-write-1" }, database);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sqliteLockWaits().waiting).toBeGreaterThan(0);

    const healthStarted = performance.now();
    const health = await checkHealth(database, url);
    const healthMs = performance.now() - healthStarted;
    expect(health).toMatchObject({ status: "degraded", database: { status: "busy", provider: "sqlite" } });
    expect(health.database.lockedForMs).toBeGreaterThan(0);
    // Answered while the lock is still held, not when it ends.
    expect(Date.now() - lockedAt).toBeLessThan(HOLD_MS);
    expect(healthMs).toBeLessThan(HOLD_MS / 3);

    // Reads do not need the write lock (WAL).
    expect(await database.auditLog.count({ where: { action: "lock.test" } })).toBe(0);

    const id = await write;
    expect(Date.now() - lockedAt).toBeGreaterThanOrEqual(HOLD_MS - 100);
    await lock.released;
    loop.disable();
    // Nothing sat on the event loop for the length of the lock (the old busy timeout did, for all of it).
    expect(loop.max / 1e6).toBeLessThan(HOLD_MS / 3);
    expect(await database.auditLog.findUniqueOrThrow({ where: { id } })).toMatchObject({
      requestId: "req-lock-write-1",
    });
    expect(sqliteLockWaits()).toEqual({ waiting: 0, since: null });
    expect(await checkHealth(database, url)).toMatchObject({ status: "ok", database: { status: "up" } });
  });

  it("gives up on a write after the lock wait and reports the database busy meanwhile, without blocking", async () => {
    const impatient = createDb(url, 300);
    try {
      const lock = await holdSqliteLock(file, 1_500);
      const started = Date.now();
      await expect(
        impatient.auditLog.create({ data: { action: "lock.gave_up", outcome: "failure", actorType: "system" } }),
      ).rejects.toThrow();
      expect(Date.now() - started).toBeGreaterThanOrEqual(300);
      expect(Date.now() - started).toBeLessThan(1_500);
      // Nobody waits now, but the other process still holds the lock: health sees it.
      expect(await checkHealth(impatient, url)).toMatchObject({ status: "degraded", database: { status: "busy" } });
      await lock.released;
    } finally {
      await impatient.$disconnect();
    }
  });
});
