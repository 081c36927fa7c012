// Identity, sessions and what the console tells browsers, against the built console: the security
// headers on pages, API answers, the front door's answers and static files; the policy holding in
// Chromium (the journeys' guard fails any journey with a violation, this one shows it would catch
// one); an admin's API key refused every escalation; sessions that end after sign out everywhere,
// a role or password change, and the absolute lifetime; the demo listening on loopback only.
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { takeCspViolations } from "../helpers/browser";
import { renewOverHttp, signInOverHttp } from "../helpers/http-sign-in";
import { startConsoleStack, type ConsoleStack } from "../helpers/console-stack";
import { startConsole, waitFor, type ConsoleServer } from "../../scripts/console-process";
import { createDb } from "../../lib/db/client";
import { hashPassword } from "../../lib/auth/passwords";

let stack: ConsoleStack;
/** A second console of its own, on every interface (HOST=::), whose sessions last 4 s. */
let shortLived: ConsoleServer;
const SHORT_LIFETIME_SECONDS = 4;
const SHORT_LIVED_USER = { email: "brief@example.test", password: "a password for four seconds" };

beforeAll(async () => {
  stack = await startConsoleStack();
  shortLived = await startConsole({ HOST: "::", SESSION_LIFETIME_SECONDS: String(SHORT_LIFETIME_SECONDS) });
  const database = createDb(shortLived.databaseUrl);
  await database.user.create({
    data: {
      email: SHORT_LIVED_USER.email,
      name: "Brief",
      role: "agent",
      passwordHash: await hashPassword(SHORT_LIVED_USER.password),
    },
  });
  await database.$disconnect();
});
afterAll(async () => {
  await shortLived?.stop();
  await stack?.stop();
});

const PAGE_POLICY =
  /^default-src 'self'; script-src 'self' 'nonce-([A-Za-z0-9+/=]+)' 'strict-dynamic'; style-src 'self' 'nonce-\1'; style-src-attr 'unsafe-inline';.* frame-ancestors 'none'$/;
const API_POLICY = "default-src 'none'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

function expectEveryAnswerHeaders(headers: Record<string, string>, what: string) {
  expect([what, headers["x-content-type-options"], headers["referrer-policy"]]).toEqual([
    what,
    "nosniff",
    "same-origin",
  ]);
  // The console's URL is http here: no HSTS (tests/integration/doors/security-headers.test.ts has https).
  expect([what, headers["strict-transport-security"]]).toEqual([what, undefined]);
}

async function admin(): Promise<{ context: BrowserContext; page: Page }> {
  return stack.signIn("admin", "/admin/keys");
}

describe("security headers on the built console", () => {
  it("every page carries a Content-Security-Policy with a nonce of its own, which its scripts carry", async () => {
    const { context, page } = await admin();
    const anonymous = await stack.browser.newContext();
    const nonces = new Set<string>();
    for (const [path, as] of [
      ["/", page],
      ["/tickets", page],
      ["/admin/keys", page],
      ["/admin/users", page],
      ["/403", page],
      ["/no-such-page", page],
      ["/login", anonymous],
    ] as const) {
      const response = await as.request.get(`${stack.server.url}${path}`, { maxRedirects: 0 });
      const headers = response.headers();
      expectEveryAnswerHeaders(headers, path);
      const nonce = PAGE_POLICY.exec(headers["content-security-policy"] ?? "")?.[1];
      expect([path, nonce]).toEqual([path, expect.any(String)]);
      nonces.add(nonce!);
      const html = await response.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const script of scripts) expect([path, script]).toEqual([path, expect.stringContaining(`nonce="${nonce}"`)]);
    }
    expect(nonces.size).toBe(7);
    await anonymous.close();
    await context.close();
  });

  it("API answers, next-auth's pages, the front door's webhook answers and static files carry theirs", async () => {
    const base = stack.server.url;
    for (const [what, response] of [
      ["health", await fetch(`${base}/api/health`)],
      ["401", await fetch(`${base}/api/keys`)],
      ["unknown API path", await fetch(`${base}/api/no/such/thing`)],
      ["a K-LINK proxy refusal", await fetch(`${base}/api/klink/v1/tickets`)],
      // Answered by scripts/serve.mjs in front of Next.js (lib/doors/webhook-front-door.ts).
      [
        "webhook delivery",
        await fetch(`${base}/api/webhooks/klink/${stack.connectionId}`, { method: "POST", body: "{}" }),
      ],
    ] as const) {
      const headers = Object.fromEntries(response.headers);
      expectEveryAnswerHeaders(headers, what);
      expect([what, headers["content-security-policy"]]).toEqual([what, API_POLICY]);
    }
    const signOutPage = await fetch(`${base}/api/auth/signout`);
    expect(signOutPage.headers.get("content-security-policy")).toMatch(/^default-src 'none'; style-src 'sha256-/);
    const html = await (await fetch(`${base}/login`)).text();
    const asset = /\/_next\/static\/[^"]+\.js/.exec(html)![0];
    expectEveryAnswerHeaders(Object.fromEntries((await fetch(`${base}${asset}`)).headers), "static file");
  });
});

describe("the policy in Chromium", () => {
  it("holds on the login page, next-auth's sign-out page, the dashboard's charts and the error pages", async () => {
    const anonymous = await stack.browser.newPage();
    await anonymous.goto(`${stack.server.url}/login?error=OidcDomainNotAllowed`);
    await anonymous.getByRole("alert").filter({ hasText: "not open to addresses at your e-mail domain" }).waitFor();
    await anonymous.goto(`${stack.server.url}/api/auth/signout`);
    await anonymous.getByRole("button", { name: "Sign out" }).waitFor();
    await anonymous.close();
    const { context, page } = await admin();
    await page.goto(`${stack.server.url}/`);
    await page.locator(".recharts-surface").first().waitFor();
    for (const path of ["/no-such-page", "/contacts/%2e%2e%5Cx", "/admin/webhooks/no-such-delivery"]) {
      await page.goto(`${stack.server.url}${path}`);
      await page.locator("main").waitFor();
    }
    await context.close();
  });

  it("refuses markup's inline script and being framed by another page, and the journeys' guard hears both", async () => {
    const { context, page } = await admin();
    // What a stored script injection would put into a page: an inline event handler.
    await page.evaluate(() =>
      document.body.insertAdjacentHTML(
        "beforeend",
        '<img src="/no-such-image.png" alt="" onerror="window.injected = true">',
      ),
    );
    const framing = await context.newPage();
    await framing.setContent(`<iframe src="${stack.server.url}/login" title="The console"></iframe>`);
    // Taken here, so that the guard (tests/helpers/csp-guard.ts) lets this one journey pass.
    const reports: string[] = [];
    const reported = (pattern: RegExp) => reports.some((report) => pattern.test(report));
    await waitFor(async () => {
      reports.push(...takeCspViolations().map((v) => v.report));
      return reported(/script-src/) && reported(/frame-ancestors/);
    }, 5_000);
    expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
    await context.close();
  });
});

const SESSION_ONLY_ATTEMPTS: [string, string, string, unknown][] = [
  [
    "create an admin",
    "POST",
    "/api/admin/users",
    { email: "mallory@example.test", name: "M", role: "admin", password: "mallory's own password" },
  ],
  ["set a password", "PATCH", "/api/admin/users/{viewer}", { password: "a password I chose" }],
  ["change a role", "PATCH", "/api/admin/users/{viewer}", { role: "admin" }],
  ["deactivate a user", "PATCH", "/api/admin/users/{viewer}", { status: "disabled" }],
  ["mint a key", "POST", "/api/keys", { name: "spare" }],
  [
    "replace a connection's token",
    "PATCH",
    "/api/admin/connections/{connection}",
    { token: "kpt_AttackersToken000000" },
  ],
  ["add a connection", "POST", "/api/admin/connections", { name: "Elsewhere", token: "kpt_AttackersToken000000" }],
];

describe("an admin's API key", () => {
  it("is refused every escalation with 403 session_required, and each refusal is audited", async () => {
    const { context, page } = await admin();
    await page.getByLabel("Key name").fill("leaked someday");
    await page.getByRole("button", { name: "Create key" }).click();
    const key = (await page.getByTestId("new-api-key").textContent())!.trim();
    await context.close();
    const viewer = await stack.database.user.findUniqueOrThrow({ where: { email: stack.users.viewer.email } });
    const before = await stack.database.user.findMany({ orderBy: { id: "asc" } });
    for (const [what, method, path, body] of SESSION_ONLY_ATTEMPTS) {
      const url = `${stack.server.url}${path.replace("{viewer}", viewer.id).replace("{connection}", stack.connectionId)}`;
      const response = await fetch(url, {
        method,
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      expect([what, response.status, ((await response.json()) as { code: string }).code]).toEqual([
        what,
        403,
        "session_required",
      ]);
    }
    expect(await stack.database.user.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    const denials = await stack.database.auditLog.count({
      where: { action: "auth.access_denied", actorType: "api_key" },
    });
    expect(denials).toBe(SESSION_ONLY_ATTEMPTS.length);
    expect(
      (await fetch(`${stack.server.url}/api/admin/users`, { headers: { authorization: `Bearer ${key}` } })).status,
    ).toBe(200);
  });
});

describe("sessions that end", () => {
  const onLoginPage = (page: Page) => page.waitForURL((url) => url.pathname === "/login");

  it("Sign out everywhere on one's own keys page ends this browser's session and every other", async () => {
    const here = await stack.signIn("agent", "/admin/keys");
    const elsewhere = await stack.signIn("agent", "/tickets");
    await here.page.getByRole("button", { name: "Sign out everywhere" }).click();
    await Promise.all([
      onLoginPage(here.page),
      here.page.getByRole("dialog").getByRole("button", { name: "Sign out everywhere" }).click(),
    ]);
    await elsewhere.page.goto(`${stack.server.url}/tickets`);
    expect(new URL(elsewhere.page.url()).pathname).toBe("/login");
    expect((await elsewhere.page.request.get(`${stack.server.url}/api/keys`)).status()).toBe(401);
    await here.context.close();
    await elsewhere.context.close();
  });

  it("an admin's Sign out everywhere, and a role or password change, end the user's sessions", async () => {
    const { context, page } = await stack.signIn("admin", "/admin/users");
    const viewerRow = () => page.getByRole("row").filter({ hasText: stack.users.viewer.email });
    const changes: [string, () => Promise<void>][] = [
      [
        "Sign out everywhere",
        async () => {
          await viewerRow()
            .getByRole("button", { name: `Sign out ${stack.users.viewer.email} everywhere` })
            .click();
          await page.getByRole("dialog").getByRole("button", { name: "Sign out everywhere" }).click();
          await viewerRow().getByRole("status").filter({ hasText: "out everywhere" }).waitFor();
        },
      ],
      [
        "a role change",
        async () => {
          await viewerRow().getByLabel(`Role of ${stack.users.viewer.email}`).selectOption("agent");
          await viewerRow().getByRole("button", { name: "Save" }).click();
          await viewerRow().getByRole("status").filter({ hasText: "Saved" }).waitFor();
        },
      ],
    ];
    for (const [what, change] of changes) {
      const viewer = await stack.signIn("viewer", "/tickets");
      await change();
      await viewer.page.goto(`${stack.server.url}/tickets`);
      expect([what, new URL(viewer.page.url()).pathname]).toEqual([what, "/login"]);
      await viewer.context.close();
      await page.reload();
    }
    // A password change, through the admin API with the admin's session.
    const cookie = await signInOverHttp(stack.server.url, stack.users.agent.email, stack.users.agent.password);
    const agent = await stack.database.user.findUniqueOrThrow({ where: { email: stack.users.agent.email } });
    const changed = await page.request.patch(`${stack.server.url}/api/admin/users/${agent.id}`, {
      headers: { origin: stack.server.url },
      data: { password: "the agent's next password" },
    });
    expect(changed.status()).toBe(200);
    expect((await fetch(`${stack.server.url}/api/keys`, { headers: { cookie: cookie! } })).status).toBe(401);
    await context.close();
  });

  it("ends at the absolute lifetime from the sign-in, however often the browser renewed it", async () => {
    const base = shortLived.url;
    const signedInAt = Date.now();
    let cookie = await signInOverHttp(base, SHORT_LIVED_USER.email, SHORT_LIVED_USER.password);
    expect(cookie).toBeDefined();
    const works = async () => (await fetch(`${base}/api/keys`, { headers: { cookie: cookie! } })).status === 200;
    // Renewed again and again, as a busy browser would, until the lifetime runs out.
    let renewals = 0;
    await waitFor(
      async () => {
        const renewed = await renewOverHttp(base, cookie!);
        if (!renewed.user) return true;
        cookie = renewed.cookie;
        renewals++;
        return false;
      },
      (SHORT_LIFETIME_SECONDS + 3) * 1000,
    );
    // The sign-in's second is counted whole: the end comes between lifetime - 1 s and the lifetime.
    expect(Date.now() - signedInAt).toBeGreaterThanOrEqual((SHORT_LIFETIME_SECONDS - 1) * 1000);
    expect(renewals).toBeGreaterThan(3);
    expect(await works()).toBe(false);
  });
});

describe("the demo's network", () => {
  const answersOn = (address: string, port: number) =>
    new Promise<boolean>((resolve) => {
      const req = httpRequest({ host: address, port, path: "/api/health", timeout: 2_000 }, (res) => {
        res.resume();
        resolve(true);
      });
      req.on("error", () => resolve(false));
      req.end();
    });

  it("listens on 127.0.0.1 only in demo mode, unless HOST says otherwise", async () => {
    // The stack runs as `npm run demo` does (DEMO_MODE); the short-lived console was given HOST=::.
    expect(await answersOn("127.0.0.1", stack.server.port)).toBe(true);
    expect(await answersOn("::1", stack.server.port)).toBe(false);
    expect(await answersOn("::1", shortLived.port)).toBe(true);
  });
});
