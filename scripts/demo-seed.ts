// Demo data: one user per role with fixed, obviously-demo passwords, and (given the local
// simulator's address and token) a default connection "Demo simulator". Idempotent: running it
// again resets the demo users' role, status and password and points the connection at the
// simulator's current address. Called by scripts/demo.mts; never meant for a real deployment.
import { db } from "../lib/db/client";
import type { Role } from "../lib/identity/roles";
import { hashPassword, verifyPassword } from "../lib/auth/passwords";
import { systemAudit } from "../lib/audit/request-audit";
import { encryptSecret } from "../lib/crypto/secret-box";
import { checkBaseUrl } from "../lib/connections/base-url";
import { forgetCachedConnections } from "../lib/connections/connection-cache";
import { insertConnection } from "../lib/connections/create-connection";
import { tokenLast4 } from "../lib/connections/public-connection";
import { encryptWebhook } from "../lib/connections/webhook-config";

export const DEMO_USERS: { email: string; password: string; role: Role; name: string }[] = [
  { email: "admin@demo.local", password: "demo-admin-password", role: "admin", name: "Demo Admin" },
  { email: "agent@demo.local", password: "demo-agent-password", role: "agent", name: "Demo Agent" },
  { email: "viewer@demo.local", password: "demo-viewer-password", role: "viewer", name: "Demo Viewer" },
];

export const DEMO_CONNECTION_NAME = "Demo simulator";

export async function seedDemo(
  opts: { klinkBaseUrl?: string; klinkToken?: string; webhookSecret?: string } = {},
): Promise<{
  users: { email: string; password: string; role: Role }[];
  connectionId?: string;
}> {
  const audit = systemAudit();
  for (const demo of DEMO_USERS) {
    const existing = await db().user.findUnique({ where: { email: demo.email } });
    const passwordHash =
      existing && (await verifyPassword(existing.passwordHash, demo.password))
        ? existing.passwordHash
        : await hashPassword(demo.password);
    const user = await db().user.upsert({
      where: { email: demo.email },
      create: { email: demo.email, name: demo.name, role: demo.role, status: "active", passwordHash },
      update: { role: demo.role, status: "active", passwordHash },
    });
    if (!existing)
      await audit({
        action: "user.create",
        outcome: "success",
        target: { type: "user", id: user.id },
        after: { email: demo.email, role: demo.role, source: "demo seed" },
      });
  }
  const users = DEMO_USERS.map(({ email, password, role }) => ({ email, password, role }));
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
