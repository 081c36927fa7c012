// Signed-in callers for tests: real users in the test database, real next-auth session cookies
// (encoded with the test NEXTAUTH_SECRET exactly as a login would) and real personal API keys.
import { encode } from "next-auth/jwt";
import { randomUUID } from "node:crypto";
import { db } from "../../lib/db/client";
import { env } from "../../lib/env";
import type { Role } from "../../lib/identity/roles";
import { hashPassword } from "../../lib/auth/passwords";
import { sessionCookieName } from "../../lib/auth/session-token";
import { generateApiKey } from "../../lib/api-keys/api-key-format";

export const TEST_PASSWORD = "correct horse battery staple";

// One hash for every test user: argon2 is deliberately slow.
let passwordHash: Promise<string> | undefined;

export type TestUser = { id: string; email: string; name: string; role: Role; password: string };

export async function createTestUser(
  role: Role,
  options: { email?: string; status?: "active" | "disabled"; name?: string } = {},
): Promise<TestUser> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const email = options.email ?? `${role}-${randomUUID().slice(0, 8)}@example.test`;
  const user = await db().user.create({
    data: {
      email,
      name: options.name ?? `Test ${role}`,
      role,
      status: options.status ?? "active",
      passwordHash: await passwordHash,
    },
  });
  return { id: user.id, email, name: user.name, role, password: TEST_PASSWORD };
}

/** A Cookie header value holding a valid session for the user. */
export async function sessionCookieFor(user: { id: string; email: string; name: string }): Promise<string> {
  const token = await encode({
    token: { sub: user.id, email: user.email, name: user.name },
    secret: env().NEXTAUTH_SECRET,
  });
  return `${sessionCookieName()}=${token}`;
}

/** Headers of a same-origin browser request by the user (session cookie + Origin). */
export async function browserHeaders(user: {
  id: string;
  email: string;
  name: string;
}): Promise<Record<string, string>> {
  return { cookie: await sessionCookieFor(user), origin: new URL(env().NEXTAUTH_URL).origin };
}

export async function createTestApiKey(
  userId: string,
  options: { expiresAt?: Date; revokedAt?: Date } = {},
): Promise<{ id: string; key: string }> {
  const { key, keyHash, prefix } = generateApiKey();
  const row = await db().apiKey.create({ data: { userId, name: "test key", keyHash, prefix, ...options } });
  return { id: row.id, key };
}

/** A signed-in user of each role, with browser headers and an API key. */
export async function signedInAs(role: Role) {
  const user = await createTestUser(role);
  return { user, headers: await browserHeaders(user), apiKey: (await createTestApiKey(user.id)).key };
}

export function jsonRequest(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
): Request {
  const headers: Record<string, string> = { ...init.headers };
  if (init.body !== undefined) headers["content-type"] = "application/json";
  return new Request(new URL(url, env().NEXTAUTH_URL), {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}
