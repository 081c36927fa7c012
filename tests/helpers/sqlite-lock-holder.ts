// Another process holding an SQLite file's write lock, as a backup, `npm run audit:purge` or an
// admin's sqlite3 shell would: a child node process opens the file with better-sqlite3, runs
// BEGIN EXCLUSIVE, says so, and commits after `holdMs`.
import { spawn } from "node:child_process";

export type HeldLock = { released: Promise<void> };

const HOLDER = `
const Database = require("better-sqlite3");
const db = new Database(process.argv[1], { timeout: 5000 });
db.exec("BEGIN EXCLUSIVE");
process.stdout.write("locked\\n");
setTimeout(() => { db.exec("COMMIT"); db.close(); process.stdout.write("released\\n"); }, Number(process.argv[2]));
`;

/** Resolves once the lock is held; `released` resolves once the holder has committed and exited. */
export function holdSqliteLock(file: string, holdMs: number): Promise<HeldLock> {
  const child = spawn(process.execPath, ["-e", HOLDER, file, String(holdMs)], { stdio: ["ignore", "pipe", "pipe"] });
  const released = new Promise<void>((resolve, reject) =>
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`the lock holder exited with ${code}`)))),
  );
  return new Promise((resolve, reject) => {
    let output = "";
    child.stderr!.on("data", (d) => (output += String(d)));
    child.stdout!.on("data", (d) => {
      if (String(d).includes("locked")) resolve({ released });
    });
    released.catch((error: Error) => reject(new Error(`${error.message}: ${output}`)));
  });
}
