// next-auth's standard sign-in flow, the way a script does it: GET /api/auth/csrf, then
// POST /api/auth/callback/credentials with the CSRF token and cookie. Calls the real route.
import { GET, POST } from "../../app/api/auth/[...nextauth]/route";
import { env } from "../../lib/env";
import { sessionCookieName } from "../../lib/auth/session-token";

const context = (segments: string[]) => ({ params: Promise.resolve({ nextauth: segments }) });

function cookiesOf(res: Response): Record<string, string> {
  return Object.fromEntries(
    res.headers.getSetCookie().map((c) => c.split(";")[0].split(/=(.*)/s).slice(0, 2) as [string, string]),
  );
}

export type SignInResult = { status: number; error: string | null; sessionCookie?: string; setCookies: string[] };

export async function credentialsSignIn(
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<SignInResult> {
  const base = env().NEXTAUTH_URL;
  const csrfRes = await GET(new Request(`${base}/api/auth/csrf`, { headers }), context(["csrf"]));
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const csrfCookie = Object.entries(cookiesOf(csrfRes))
    .map(([k, v]) => `${k}=${v}`)
    .join("; ");
  const res = await POST(
    new Request(`${base}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { ...headers, cookie: csrfCookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
    }),
    context(["callback", "credentials"]),
  );
  const { url } = (await res.json()) as { url: string };
  const session = cookiesOf(res)[sessionCookieName()];
  return {
    status: res.status,
    error: new URL(url, base).searchParams.get("error"),
    sessionCookie: session ? `${sessionCookieName()}=${session}` : undefined,
    setCookies: res.headers.getSetCookie(),
  };
}

/**
 * GET /api/auth/session as next-auth's client calls it: the session it answers (empty when there
 * is none) and the session cookie it re-issued (undefined when it issued none, "" when it cleared it).
 */
export async function readSession(
  sessionCookie: string,
): Promise<{ session: { user?: { id: string; role: string } }; sessionCookie?: string }> {
  const base = env().NEXTAUTH_URL;
  const res = await GET(
    new Request(`${base}/api/auth/session`, { headers: { cookie: sessionCookie } }),
    context(["session"]),
  );
  const issued = cookiesOf(res)[sessionCookieName()];
  return {
    session: (await res.json()) as { user?: { id: string; role: string } },
    sessionCookie: issued === undefined ? undefined : issued && `${sessionCookieName()}=${issued}`,
  };
}

/** Signs out through next-auth (CSRF token, then POST /api/auth/signout), as the console's Sign out button does. */
export async function signOut(sessionCookie: string): Promise<void> {
  const base = env().NEXTAUTH_URL;
  const csrfRes = await GET(new Request(`${base}/api/auth/csrf`), context(["csrf"]));
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const csrfCookie = Object.entries(cookiesOf(csrfRes))
    .map(([k, v]) => `${k}=${v}`)
    .join("; ");
  const res = await POST(
    new Request(`${base}/api/auth/signout`, {
      method: "POST",
      headers: { cookie: `${csrfCookie}; ${sessionCookie}`, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, json: "true" }),
    }),
    context(["signout"]),
  );
  if (cookiesOf(res)[sessionCookieName()] !== "")
    throw new Error(`sign-out did not clear the session cookie (${res.status})`);
}
