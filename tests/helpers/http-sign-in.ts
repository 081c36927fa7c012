// next-auth's sign-in flow over HTTP against a running console, the way a script does it (CSRF
// token, then the credentials callback), and the renewal a browser's session check makes.
import { sessionCookieName } from "../../lib/auth/session-token";

const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]);
const sessionCookieOf = (res: Response, baseUrl: string) =>
  cookiesOf(res).find((c) => c.startsWith(`${sessionCookieName(baseUrl)}=`));

/** The Cookie header of a new session, or undefined when the sign-in was refused. */
export async function signInOverHttp(baseUrl: string, email: string, password: string): Promise<string | undefined> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { cookie: cookiesOf(csrf).join("; "), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  return sessionCookieOf(res, baseUrl);
}

/** GET /api/auth/session: whether it named a user, and the cookie it re-issued (if any). */
export async function renewOverHttp(baseUrl: string, cookie: string): Promise<{ user: boolean; cookie?: string }> {
  const res = await fetch(`${baseUrl}/api/auth/session`, { headers: { cookie } });
  const body = (await res.json()) as { user?: unknown };
  const renewed = sessionCookieOf(res, baseUrl);
  return { user: Boolean(body.user), cookie: renewed && !renewed.endsWith("=") ? renewed : undefined };
}
