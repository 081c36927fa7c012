import "server-only";
// Whether another process holds the write lock of an SQLite file right now, asked without
// waiting: a connection of its own (never the shared one, which may be inside a transaction)
// tries BEGIN IMMEDIATE with a busy timeout of 0 and rolls back at once. Used by health only.
import Database from "better-sqlite3";
import { processGlobal } from "../process-global";

const probes = processGlobal<Map<string, Database.Database>>("sqlite-lock-probes");

export function sqliteWriteLockHeldElsewhere(file: string): boolean {
  const open = probes.init(() => new Map());
  let probe = open.get(file);
  if (!probe) {
    probe = new Database(file, { timeout: 0, fileMustExist: true });
    open.set(file, probe);
  }
  try {
    probe.exec("BEGIN IMMEDIATE");
  } catch (error) {
    if ((error as { code?: unknown }).code?.toString().startsWith("SQLITE_BUSY")) return true;
    throw error;
  }
  probe.exec("ROLLBACK");
  return false;
}
