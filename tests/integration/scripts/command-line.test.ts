import { spawnSync } from "node:child_process";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "../../../lib/db/client";
import { ciphertextKeyId, decryptSecret, encryptionKeys } from "../../../lib/crypto/secret-box";
import { insertConnection } from "../../../lib/connections/create-connection";
import { systemAudit } from "../../../lib/audit/request-audit";
import { resetDatabase } from "../../helpers/db";
import { credentialsSignIn } from "../../helpers/auth-flow";

// The scripts run as a user runs them (tsx with the react-server condition), on the test database.
function run(script: string, args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
  const result = spawnSync(
    process.execPath,
    ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", script, ...args],
    {
      input: options.input ?? "",
      env: { ...process.env, ...options.env },
      encoding: "utf8",
    },
  );
  return { status: result.status, out: result.stdout + result.stderr };
}

beforeEach(async () => {
  await resetDatabase();
});

describe("npm run user:create", () => {
  it("creates a user with a password read from stdin, who can then sign in", async () => {
    const { status, out } = run("scripts/user-create.mts", ["--email", "Ops@Example.TEST", "--role", "admin"], {
      input: "a piped admin password\n",
    });
    expect(out).toContain("created admin ops@example.test");
    expect(status).toBe(0);
    expect(out).not.toContain("a piped admin password");
    expect((await credentialsSignIn("ops@example.test", "a piped admin password")).sessionCookie).toBeDefined();
    expect(await db().auditLog.count({ where: { action: "user.create", actorType: "system" } })).toBe(1);
  });

  it("stops with a one-line reason for a bad role or a short password", async () => {
    const bad = run("scripts/user-create.mts", ["--email", "x@example.test", "--role", "owner", "--password", "short"]);
    expect(bad.status).toBe(1);
    expect(bad.out).toMatch(/role .*admin, agent or viewer/);
    expect(bad.out).toMatch(/password must be at least 12 characters/);
    expect(await db().user.count()).toBe(0);
  });
});

describe("npm run keys:rotate", () => {
  it("re-encrypts every token with the new key, after which the old key is no longer needed", async () => {
    const token = "kpt_RotateMe0123456789";
    const { id } = await insertConnection(
      { name: "R", token, webhook: { mode: "hmac", secret: "rotate-webhook-secret" } },
      systemAudit(),
    );
    const oldKey = process.env.APP_ENCRYPTION_KEY!;
    const newKey = Buffer.alloc(32, 42).toString("base64");
    const { status, out } = run("scripts/keys-rotate.mts", [], {
      env: { APP_ENCRYPTION_KEY: newKey, APP_ENCRYPTION_KEY_PREVIOUS: oldKey },
    });
    expect(out).toContain("1 of 1 connection(s) re-encrypted");
    expect(status).toBe(0);
    const row = await db().klinkConnection.findUniqueOrThrow({ where: { id } });
    const onlyNew = encryptionKeys({ APP_ENCRYPTION_KEY: newKey });
    expect(ciphertextKeyId(row.tokenCiphertext)).toBe(onlyNew.current.id);
    expect(decryptSecret(row.tokenCiphertext, onlyNew)).toBe(token);
    expect(JSON.parse(decryptSecret(row.webhookCiphertext!, onlyNew))).toEqual({ secret: "rotate-webhook-secret" });
    expect(() => decryptSecret(row.tokenCiphertext)).toThrow(/APP_ENCRYPTION_KEY_PREVIOUS/);
    const again = run("scripts/keys-rotate.mts", [], { env: { APP_ENCRYPTION_KEY: newKey } });
    expect(again.out).toContain("0 of 1 connection(s) re-encrypted");
  });
});
