import "server-only";
// The headers of a delivery as stored in the history: everything an admin needs to diagnose a
// delivery, with every credential replaced. Bounded so a hostile sender cannot bloat the table.
import type { HeaderBag } from "./header-bag";

const ALWAYS_SECRET = new Set(["authorization", "proxy-authorization", "x-signature", "cookie", "set-cookie"]);
const MAX_HEADERS = 60;
const MAX_VALUE_LENGTH = 1000;

export function redactHeaders(headers: HeaderBag, customSecretHeader?: string): Record<string, string> {
  const secretNames = new Set(ALWAYS_SECRET);
  if (customSecretHeader) secretNames.add(customSecretHeader.toLowerCase());
  const out: Record<string, string> = {};
  let count = 0;
  for (const [name, value] of headers) {
    if (++count > MAX_HEADERS) break;
    out[name] = secretNames.has(name) ? redactValue(name, value) : value.slice(0, MAX_VALUE_LENGTH);
  }
  return out;
}

// The auth scheme ("Basic", "Bearer") is kept: it tells which mode the sender used.
function redactValue(name: string, value: string): string {
  const scheme = name === "authorization" ? /^(basic|bearer)\s/i.exec(value)?.[1] : undefined;
  return scheme ? `${scheme} [redacted]` : "[redacted]";
}
