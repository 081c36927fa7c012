// Whose address the login throttle and the audit log see, by TRUSTED_PROXY_HOPS. Sign-ins go
// over real sockets from distinct loopback addresses (127.0.0.2, 127.0.0.3 ...), so the socket
// address differs from what a client writes into X-Forwarded-For.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { request } from "node:http";
import * as authRoute from "../../../app/api/auth/[...nextauth]/route";
import { THROTTLE_POLICY } from "../../../lib/auth/login-throttle";
import { db } from "../../../lib/db/client";
import { resetEnvCache } from "../../../lib/env";
import { recordPeerAddresses } from "../../../lib/http/peer-address";
import { createTestUser, TEST_PASSWORD } from "../../helpers/auth";
import { credentialsSignIn } from "../../helpers/auth-flow";
import { resetDatabase } from "../../helpers/db";
import { serveHandlers, type ServedHandlers } from "../../helpers/serve-handlers";

const ATTACKER = "127.0.0.2";
const VICTIM = "127.0.0.3";

let server: ServedHandlers;

function useTrustedHops(hops: string) {
  const previous = process.env.TRUSTED_PROXY_HOPS;
  beforeAll(() => {
    process.env.TRUSTED_PROXY_HOPS = hops;
    resetEnvCache();
  });
  afterAll(() => {
    process.env.TRUSTED_PROXY_HOPS = previous;
    resetEnvCache();
  });
}

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

function send(
  from: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<Answer> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, method, headers, localAddress: from }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** next-auth's CSRF + credentials flow over a socket bound to `from`; the login error code, or null on success. */
async function signInFrom(
  from: string,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<string | null> {
  const csrf = await send(from, "GET", "/api/auth/csrf", headers);
  const cookie = ([] as string[])
    .concat(csrf.headers["set-cookie"] ?? [])
    .map((c) => c.split(";")[0])
    .join("; ");
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const form = new URLSearchParams({ csrfToken, email, password, json: "true" }).toString();
  const answer = await send(
    from,
    "POST",
    "/api/auth/callback/credentials",
    { ...headers, cookie, "content-type": "application/x-www-form-urlencoded" },
    form,
  );
  return new URL((JSON.parse(answer.body) as { url: string }).url, "http://localhost").searchParams.get("error");
}

const failedSignInAddresses = async () =>
  (await db().auditLog.findMany({ where: { action: "auth.login_failed" }, orderBy: { createdAt: "asc" } })).map(
    (r) => r.ip,
  );

beforeAll(async () => {
  const handler = (segments: string[]) => (req: Request) =>
    authRoute[req.method as "GET" | "POST"](req, { params: Promise.resolve({ nextauth: segments }) });
  server = await serveHandlers({
    "/api/auth/csrf": handler(["csrf"]),
    "/api/auth/callback/credentials": handler(["callback", "credentials"]),
  });
});
afterAll(() => server?.close());
beforeEach(resetDatabase);

describe("with TRUSTED_PROXY_HOPS=0 (the default) and no socket address recorded", () => {
  useTrustedHops("0");

  it("treats the address as unknown instead of believing X-Forwarded-For", async () => {
    const user = await createTestUser("agent");
    await credentialsSignIn(user.email, "wrong password", { "x-forwarded-for": "203.0.113.50" });
    expect(await failedSignInAddresses()).toEqual([null]);
  });

  it("throttles unknown addresses per account only: failures elsewhere never lock another account out", async () => {
    const victim = await createTestUser("viewer");
    for (let i = 0; i < THROTTLE_POLICY.ip.maxFailures + 1; i++)
      await credentialsSignIn(`sprayed${i}@example.test`, "spray password");
    expect((await credentialsSignIn(victim.email, TEST_PASSWORD)).sessionCookie).toBeDefined();
    expect(await db().loginThrottle.count({ where: { key: { startsWith: "ip:" } } })).toBe(0);
  });
});

describe("with TRUSTED_PROXY_HOPS=0 and the server recording socket addresses", () => {
  useTrustedHops("0");
  beforeAll(recordPeerAddresses);

  it("audits the socket's address, not the X-Forwarded-For the client sent", async () => {
    const user = await createTestUser("agent");
    expect(await signInFrom(ATTACKER, user.email, "wrong password", { "x-forwarded-for": "203.0.113.50" })).toBe(
      "CredentialsSignin",
    );
    expect(await signInFrom(VICTIM, user.email, TEST_PASSWORD, { "x-klink-peer-address": "198.51.100.1" })).toBeNull();
    expect(await failedSignInAddresses()).toEqual([ATTACKER]);
    const success = await db().auditLog.findFirstOrThrow({ where: { action: "auth.login" } });
    expect(success.ip).toBe(VICTIM);
  });

  it("locks the attacker's own address however X-Forwarded-For varies, and never the address it names", async () => {
    const victim = await createTestUser("viewer");
    for (let i = 0; i < THROTTLE_POLICY.ip.maxFailures; i++) {
      await signInFrom(ATTACKER, `sprayed${i}@example.test`, "spray password", {
        "x-forwarded-for": i % 2 ? `192.0.2.${i}` : VICTIM,
      });
    }
    expect(await signInFrom(ATTACKER, victim.email, TEST_PASSWORD, { "x-forwarded-for": "192.0.2.250" })).toMatch(
      /^LoginThrottled-\d+$/,
    );
    expect(await signInFrom(VICTIM, victim.email, TEST_PASSWORD)).toBeNull();
  });
});

describe("with TRUSTED_PROXY_HOPS=1 (one reverse proxy appending X-Forwarded-For)", () => {
  useTrustedHops("1");
  beforeAll(recordPeerAddresses);

  it("takes the address the proxy appended, skipping what the client wrote before it", async () => {
    const user = await createTestUser("agent");
    await signInFrom(ATTACKER, user.email, "wrong password", { "x-forwarded-for": "10.9.9.9, 198.51.100.7" });
    expect(await failedSignInAddresses()).toEqual(["198.51.100.7"]);
  });

  it("locks the proxied client's address, whatever it prepends", async () => {
    const victim = await createTestUser("viewer");
    for (let i = 0; i < THROTTLE_POLICY.ip.maxFailures; i++) {
      await signInFrom(ATTACKER, `sprayed${i}@example.test`, "spray password", {
        "x-forwarded-for": `192.0.2.${i}, 198.51.100.7`,
      });
    }
    expect(await signInFrom(ATTACKER, victim.email, TEST_PASSWORD, { "x-forwarded-for": "198.51.100.7" })).toMatch(
      /^LoginThrottled-\d+$/,
    );
    expect(
      await signInFrom(ATTACKER, victim.email, TEST_PASSWORD, { "x-forwarded-for": "198.51.100.7, 198.51.100.8" }),
    ).toBeNull();
  });
});
