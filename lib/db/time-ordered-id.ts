// Ids made in the process rather than by the database, for rows inserted with raw SQL: the time
// in base 36 first (so ids sort by creation time, as Prisma's cuid() does, which cursors rely on
// to break ties), a per-process counter, then random bytes so that processes never collide.
import { randomBytes } from "node:crypto";

let counter = 0;

export function timeOrderedId(prefix: string): string {
  counter = (counter + 1) % 1_679_616;
  return `${prefix}${Date.now().toString(36).padStart(9, "0")}${counter.toString(36).padStart(4, "0")}${randomBytes(6).toString("hex")}`;
}
