import "server-only";
// The first admin: when ADMIN_EMAIL and ADMIN_PASSWORD are set and no active admin exists, that
// user is created (or, if the address exists, made an active admin with that password). Runs
// at server start (instrumentation-node.ts); once an admin exists it does nothing.
import { db } from "../db/client";
import { env } from "../env";
import { logger } from "../log/logger";
import { hashPassword } from "./passwords";
import { systemAudit } from "../audit/request-audit";

export async function bootstrapAdmin(): Promise<"created" | "promoted" | "skipped"> {
  const { ADMIN_EMAIL, ADMIN_PASSWORD } = env();
  if (!ADMIN_EMAIL || !ADMIN_PASSWORD) return "skipped";
  if (await db().user.count({ where: { role: "admin", status: "active" } })) return "skipped";
  const email = ADMIN_EMAIL.trim().toLowerCase();
  const passwordHash = await hashPassword(ADMIN_PASSWORD);
  const existing = await db().user.findUnique({ where: { email } });
  const user = existing
    ? await db().user.update({ where: { id: existing.id }, data: { role: "admin", status: "active", passwordHash } })
    : await db().user.create({ data: { email, name: "Administrator", role: "admin", status: "active", passwordHash } });
  const outcome = existing ? "promoted" : "created";
  await systemAudit()({
    action: "user.bootstrap_admin",
    outcome: "success",
    target: { type: "user", id: user.id },
    before: existing ? { role: existing.role, status: existing.status } : undefined,
    after: { email, role: "admin", status: "active" },
  });
  logger.info({ email, outcome }, "first admin from ADMIN_EMAIL");
  return outcome;
}
