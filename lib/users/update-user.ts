import "server-only";
// Changes a user's name, role, status or password. The last active admin can be neither demoted
// nor deactivated: the check and the change run in one serializable transaction, so two admins
// demoting each other at once cannot both succeed. The change takes effect on the user's next
// request (the cached user is dropped).
import { db } from "../db/client";
import { ApiError, conflict, notFound } from "../errors/api-error";
import type { Actor } from "../identity/actor";
import { assertRole } from "../identity/assert-role";
import { forgetCachedUser } from "../auth/current-user";
import { hashPassword } from "../auth/passwords";
import type { Audit } from "../audit/request-audit";
import { updateUserSchema, type UpdateUserInput } from "./user-input";
import { toPublicUser, userSelect } from "./public-user";

export async function updateUser(actor: Actor, id: string, input: UpdateUserInput, audit: Audit) {
  assertRole(actor, "admin");
  const patch = updateUserSchema.parse(input);
  const passwordHash = patch.password ? await hashPassword(patch.password) : undefined;
  const { before, after } = await retryOnWriteConflict(() =>
    db().$transaction(
      async (tx) => {
        const before = await tx.user.findUnique({ where: { id }, select: userSelect });
        if (!before) throw notFound("No user has this id.");
        const losesAdmin =
          before.role === "admin" &&
          before.status === "active" &&
          ((patch.role && patch.role !== "admin") || patch.status === "disabled");
        if (losesAdmin) {
          const otherAdmins = await tx.user.count({ where: { role: "admin", status: "active", id: { not: id } } });
          if (otherAdmins === 0) throw conflict("This is the last active admin: make another user an admin first.");
        }
        const after = await tx.user.update({
          where: { id },
          data: { name: patch.name, role: patch.role, status: patch.status, ...(passwordHash ? { passwordHash } : {}) },
          select: userSelect,
        });
        return { before, after };
      },
      { isolationLevel: "Serializable" },
    ),
  );
  forgetCachedUser(id);
  const snapshot = (u: typeof before) => ({ name: u.name, role: u.role, status: u.status });
  await audit({
    action: "user.update",
    outcome: "success",
    target: { type: "user", id },
    before: snapshot(before),
    // Key names with "password" in them are masked by the audit log; say it in a value.
    after: { ...snapshot(after), ...(passwordHash ? { changed: ["password"] } : {}) },
  });
  return toPublicUser(after);
}

// PostgreSQL aborts one of two conflicting serializable transactions (Prisma's P2034, or the
// driver adapter's TransactionWriteConflict at commit); run it again to get the real answer.
async function retryOnWriteConflict<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const e = error as { code?: string; cause?: { kind?: string } };
      const writeConflict = e.code === "P2034" || e.cause?.kind === "TransactionWriteConflict";
      if (!writeConflict) throw error;
      if (attempt >= attempts)
        throw new ApiError("conflict", "Another change to users happened at the same time. Try again.");
    }
  }
}
