import "server-only";
// Where the console may send requests to addresses an admin typed (forwarding destinations). A
// URL is checked when it is saved (its form, and every address its host resolves to) and again
// on every connection (`guardedLookup`: the addresses the socket is about to use), so a DNS
// answer that changes after the check (rebinding) cannot reach an internal service. Private,
// link-local (cloud metadata at 169.254.169.254 and fd00:ec2::254), multicast and reserved ranges
// are always refused; loopback only when the caller allows it (local receivers, tests, the demo).
import { lookup as lookupCallback, type LookupAddress } from "node:dns";
import { lookup } from "node:dns/promises";
import { BlockList, isIP, type LookupFunction } from "node:net";

export class SsrfRefusedError extends Error {
  readonly name = "SsrfRefusedError";
}

export type SsrfPolicy = { allowLoopback: boolean };

const loopback = new BlockList();
loopback.addSubnet("127.0.0.0", 8, "ipv4");
loopback.addAddress("::1", "ipv6");

const forbidden: [string, number, "ipv4" | "ipv6", string][] = [
  ["0.0.0.0", 8, "ipv4", "an unspecified address"],
  ["10.0.0.0", 8, "ipv4", "a private address"],
  ["100.64.0.0", 10, "ipv4", "a private address"],
  ["169.254.0.0", 16, "ipv4", "a link-local or metadata address"],
  ["172.16.0.0", 12, "ipv4", "a private address"],
  ["192.0.0.0", 24, "ipv4", "a reserved address"],
  ["192.0.2.0", 24, "ipv4", "a reserved address"],
  ["192.168.0.0", 16, "ipv4", "a private address"],
  ["198.18.0.0", 15, "ipv4", "a reserved address"],
  ["198.51.100.0", 24, "ipv4", "a reserved address"],
  ["203.0.113.0", 24, "ipv4", "a reserved address"],
  ["224.0.0.0", 4, "ipv4", "a multicast address"],
  ["240.0.0.0", 4, "ipv4", "a reserved address"],
  ["::", 128, "ipv6", "an unspecified address"],
  // IPv4 written as IPv6 (mapped, NAT64): refused whole rather than decoded.
  ["::ffff:0:0", 96, "ipv6", "an IPv4-mapped address"],
  ["64:ff9b::", 96, "ipv6", "an IPv4-mapped address"],
  ["fc00::", 7, "ipv6", "a private address"],
  ["fe80::", 10, "ipv6", "a link-local address"],
  ["ff00::", 8, "ipv6", "a multicast address"],
  ["2001:db8::", 32, "ipv6", "a reserved address"],
];
const ranges = forbidden.map(([net, prefix, type, reason]) => {
  const list = new BlockList();
  list.addSubnet(net, prefix, type);
  return { list, type, reason };
});

/** Why the console must not connect to this IP address, or null when it may. */
export function refusedAddressReason(address: string, policy: SsrfPolicy): string | null {
  const version = isIP(address);
  if (version === 0) return "not an IP address";
  const type = version === 4 ? "ipv4" : "ipv6";
  if (loopback.check(address, type)) return policy.allowLoopback ? null : "a loopback address";
  for (const range of ranges) if (range.type === type && range.list.check(address, type)) return range.reason;
  return null;
}

export function isLoopbackHostname(hostname: string): boolean {
  const host = bareHost(hostname);
  if (host === "localhost") return true;
  const version = isIP(host);
  return version !== 0 && loopback.check(host, version === 4 ? "ipv4" : "ipv6");
}

export type UrlCheck = { ok: true; url: string } | { ok: false; message: string };

/** The URL's form: https (http only to loopback when allowed), no credentials, no IP literal that is refused. */
export function checkOutboundUrl(raw: string, policy: SsrfPolicy): UrlCheck {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false, message: "must be a URL such as https://hooks.example.com/klink" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { ok: false, message: "must start with https://" };
  if (url.username || url.password) return { ok: false, message: "must not contain a user name or password" };
  if (url.hash) return { ok: false, message: "must not contain a fragment" };
  const host = bareHost(url.hostname);
  const loopbackHost = isLoopbackHostname(host);
  if (loopbackHost && !policy.allowLoopback) {
    return { ok: false, message: "may point at a loopback address only when FORWARD_ALLOW_HTTP_LOOPBACK=true" };
  }
  if (isIP(host)) {
    const reason = refusedAddressReason(host, policy);
    if (reason) return { ok: false, message: `must not point at ${reason}` };
  }
  if (url.protocol === "http:" && !loopbackHost) return { ok: false, message: "must use https://" };
  return { ok: true, url: url.toString() };
}

/** The form check, then every address the host resolves to now. */
export async function checkOutboundUrlResolved(raw: string, policy: SsrfPolicy): Promise<UrlCheck> {
  const checked = checkOutboundUrl(raw, policy);
  if (!checked.ok) return checked;
  const host = bareHost(new URL(checked.url).hostname);
  if (isIP(host)) return checked;
  let addresses: LookupAddress[];
  try {
    addresses = await lookup(host, { all: true, verbatim: true });
  } catch {
    return { ok: false, message: `host ${host} could not be resolved` };
  }
  for (const { address } of addresses) {
    const reason = refusedAddressReason(address, policy);
    if (reason) return { ok: false, message: `host ${host} resolves to ${reason}` };
  }
  return checked;
}

/** A `lookup` for node:http/https and net.connect that refuses every connection to a refused address. */
export function guardedLookup(policy: SsrfPolicy): LookupFunction {
  return (hostname, options, callback) => {
    const family = typeof options.family === "number" ? options.family : 0;
    lookupCallback(hostname, { family: family as 0 | 4 | 6, all: true, verbatim: true }, (error, addresses) => {
      if (error) return callback(error, "");
      for (const { address } of addresses) {
        const reason = refusedAddressReason(address, policy);
        if (reason) return callback(new SsrfRefusedError(`${hostname} resolves to ${reason}`), "");
      }
      if (options.all) return callback(null, addresses);
      const [first] = addresses;
      if (!first) return callback(new SsrfRefusedError(`${hostname} has no address`), "");
      callback(null, first.address, first.family);
    });
  };
}

function bareHost(hostname: string): string {
  return hostname.replace(/^\[|\]$/g, "").toLowerCase();
}
