// What the built console (scripts/serve.mjs, as `npm start` runs it) puts around every request: a request id on each page
// response that matches its log lines (also those of an unhandled error, with the digest the
// error page shows), and the socket's address, not a claimed one, in the audit log.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startConsoleStack, type ConsoleStack } from "../helpers/console-stack";

let stack: ConsoleStack;

beforeAll(async () => {
  stack = await startConsoleStack({ env: { LOG_LEVEL: "info" } });
});
afterAll(async () => {
  await stack?.stop();
});

/** The JSON log lines the server wrote so far. */
function logLines(): Record<string, unknown>[] {
  return stack.server.logs
    .join("")
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe("request ids and client addresses in the running console", () => {
  it("answers every page with an x-request-id, keeping a well-formed incoming one and replacing a malformed one", async () => {
    const fresh = await fetch(`${stack.server.url}/login`);
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await fetch(`${stack.server.url}/login`, { headers: { "x-request-id": "edge-0123456789" } });
    expect(kept.headers.get("x-request-id")).toBe("edge-0123456789");
    const replaced = await fetch(`${stack.server.url}/login`, { headers: { "x-request-id": "<bad id>" } });
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    // A signed-out visitor's redirect to the login page is a page response too.
    const redirect = await fetch(`${stack.server.url}/admin/webhooks`, { redirect: "manual" });
    expect(redirect.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("logs a page's unhandled error with the response's request id and the digest the error page shows", async () => {
    const { context, page } = await stack.signIn("admin", "/");
    // The page's own query fails: the webhook history's table is gone for a moment.
    await stack.database.$executeRawUnsafe(`ALTER TABLE "WebhookDelivery" RENAME TO "WebhookDeliveryAway"`);
    try {
      // The page streams (its layout has a loading state), so the answer is 200 and the error
      // arrives in the stream: the console's error boundary shows the digest to quote.
      const response = await page.goto(`${stack.server.url}/admin/webhooks`);
      const requestId = await response!.headerValue("x-request-id");
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      const shown = page.getByTestId("error-digest");
      await shown.waitFor({ timeout: 15_000 });
      const shownDigest = (await shown.textContent())!.trim();
      expect(shownDigest).toBeTruthy();
      const logged = logLines().find(
        (line) => line.msg === "unhandled error while serving a request" && line.digest === shownDigest,
      );
      expect(logged).toMatchObject({ requestId, method: "GET", path: "/admin/webhooks", routeType: "render" });
    } finally {
      await stack.database.$executeRawUnsafe(`ALTER TABLE "WebhookDeliveryAway" RENAME TO "WebhookDelivery"`);
      await context.close();
    }
  });

  it("audits a sign-in with the socket's address, whatever X-Forwarded-For claims (TRUSTED_PROXY_HOPS unset)", async () => {
    const base = stack.server.url;
    const csrf = await fetch(`${base}/api/auth/csrf`, { headers: { "x-forwarded-for": "203.0.113.77" } });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookie = csrf.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    await fetch(`${base}/api/auth/callback/credentials`, {
      method: "POST",
      headers: {
        cookie,
        "content-type": "application/x-www-form-urlencoded",
        "x-forwarded-for": "203.0.113.77",
        "x-klink-peer-address": "198.51.100.9",
      },
      body: new URLSearchParams({
        csrfToken,
        email: stack.users.agent.email,
        password: "not the password",
        json: "true",
      }),
    });
    const failed = await stack.database.auditLog.findFirstOrThrow({
      where: { action: "auth.login_failed", actorEmail: stack.users.agent.email },
      orderBy: { createdAt: "desc" },
    });
    expect(["127.0.0.1", "::1"]).toContain(failed.ip);
  });
});
