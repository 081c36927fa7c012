// Demo data: one user per role with the passwords made for this data folder (demo-passwords.ts),
// and (given the local simulator's address and token) a default connection "Demo simulator".
// Idempotent: running it again resets the demo users' role, status and password (ending their
// sessions only when one of those changed) and points the connection at the simulator's current
// address. Called by scripts/demo.mts; never meant for a real deployment.
import { db } from "../lib/db/client";
import { env } from "../lib/env";
import { forgetCachedUser } from "../lib/auth/current-user";
import { demoPasswords } from "./demo-passwords";
import type { Role } from "../lib/identity/roles";
import { hashPassword, verifyPassword } from "../lib/auth/passwords";
import { systemAudit } from "../lib/audit/request-audit";
import { encryptSecret } from "../lib/crypto/secret-box";
import { checkBaseUrl } from "../lib/connections/base-url";
import { forgetCachedConnections } from "../lib/connections/connection-cache";
import { insertConnection } from "../lib/connections/create-connection";
import { tokenLast4 } from "../lib/connections/public-connection";
import { encryptWebhook } from "../lib/connections/webhook-config";

export const DEMO_USERS: { email: string; role: Role; name: string }[] = [
  { email: "admin@demo.local", role: "admin", name: "Demo Admin" },
  { email: "agent@demo.local", role: "agent", name: "Demo Agent" },
  { email: "viewer@demo.local", role: "viewer", name: "Demo Viewer" },
];

export const DEMO_CONNECTION_NAME = "Demo simulator";

export async function seedDemo(
  opts: { klinkBaseUrl?: string; klinkToken?: string; webhookSecret?: string } = {},
): Promise<{
  users: { email: string; password: string; role: Role }[];
  connectionId?: string;
}> {
  const audit = systemAudit();
  const passwords = demoPasswords(env().DATABASE_URL);
  for (const demo of DEMO_USERS) {
    const existing = await db().user.findUnique({ where: { email: demo.email } });
    const samePassword = Boolean(existing && (await verifyPassword(existing.passwordHash, passwords[demo.role])));
    const passwordHash = samePassword ? existing!.passwordHash : await hashPassword(passwords[demo.role]);
    const changed = !samePassword || existing?.role !== demo.role || existing?.status !== "active";
    const user = await db().user.upsert({
      where: { email: demo.email },
      create: { email: demo.email, name: demo.name, role: demo.role, status: "active", passwordHash },
      update: {
        role: demo.role,
        status: "active",
        passwordHash,
        ...(changed ? { sessionVersion: { increment: 1 } } : {}),
      },
    });
    forgetCachedUser(user.id);
    if (!existing)
      await audit({
        action: "user.create",
        outcome: "success",
        target: { type: "user", id: user.id },
        after: { email: demo.email, role: demo.role, source: "demo seed" },
      });
  }
  const users = DEMO_USERS.map(({ email, role }) => ({ email, password: passwords[role], role }));
  if (!opts.klinkBaseUrl || !opts.klinkToken) return { users };

  const webhook = opts.webhookSecret ? { mode: "hmac" as const, secret: opts.webhookSecret } : undefined;
  const existing = await db().klinkConnection.findUnique({ where: { name: DEMO_CONNECTION_NAME } });
  if (!existing) {
    const created = await insertConnection(
      { name: DEMO_CONNECTION_NAME, baseUrl: opts.klinkBaseUrl, token: opts.klinkToken, isDefault: true, webhook },
      audit,
    );
    return { users, connectionId: created.id };
  }
  const baseUrl = checkBaseUrl(opts.klinkBaseUrl);
  if (!baseUrl.ok) throw new Error(`demo simulator URL ${baseUrl.message}`);
  await db().$transaction([
    db().klinkConnection.updateMany({
      where: { isDefault: true, id: { not: existing.id } },
      data: { isDefault: false },
    }),
    db().klinkConnection.update({
      where: { id: existing.id },
      data: {
        baseUrl: baseUrl.baseUrl,
        tokenCiphertext: encryptSecret(opts.klinkToken),
        tokenLast4: tokenLast4(opts.klinkToken),
        isDefault: true,
        ...(opts.webhookSecret
          ? { webhookMode: "hmac", webhookCiphertext: encryptWebhook({ secret: opts.webhookSecret }) }
          : {}),
      },
    }),
  ]);
  forgetCachedConnections();
  return { users, connectionId: existing.id };
}
