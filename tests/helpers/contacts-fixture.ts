// For the contact pages' data functions: the console page context (lib/doors/console-page.ts)
// of a signed-in test user, reading K-LINK through the proxy fixture's connection; and the proxy
// route served on a real socket, for the browser-side helpers (consoleApi) to call.
import { randomUUID } from "node:crypto";
import * as proxyRoute from "../../app/api/klink/v1/[...path]/route";
import type { Role } from "../../lib/identity/roles";
import type { ConsolePage } from "../../lib/doors/console-page";
import { serveHandlers, type ServedHandlers } from "./serve-handlers";
import type { ProxyFixture } from "./proxy-fixture";

export function consolePageFor(f: ProxyFixture, role: Role): ConsolePage {
  const { user } = f.users[role];
  return {
    actor: { type: "user", userId: user.id, email: user.email, name: user.name, role },
    connection: { choices: [], active: null },
    connectionId: f.connectionId,
    requestId: randomUUID(),
    can: { write: role !== "viewer", admin: role === "admin" },
  };
}

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/** /api/klink/v1/... on a loopback socket, answered by the real proxy route handler. */
export function serveProxy(): Promise<ServedHandlers> {
  const handler = (req: Request) =>
    proxyRoute[req.method as Method](req, {
      params: Promise.resolve({ path: new URL(req.url).pathname.split("/").slice(4) }),
    });
  return serveHandlers({
    "/api/klink/v1/contacts": handler,
    "/api/klink/v1/contacts/[id]": handler,
    "/api/klink/v1/channels": handler,
  });
}
