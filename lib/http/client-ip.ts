import "server-only";
// The caller's address as the audit log, the login throttle and the webhook history see it.
//
// X-Forwarded-For is whatever the client wrote, plus one address appended by each reverse proxy
// it passed. Only the entries added by proxies the operator runs can be believed, so
// TRUSTED_PROXY_HOPS says how many there are: the client is the entry that many places from the
// right. With 0 (the default: nothing in front of the console) the header is ignored and the
// address is the socket's, recorded by lib/http/peer-address.ts; where no socket address was
// recorded (a handler run outside the server), the address is unknown (null) rather than a
// value the client chose.
import { isIP } from "node:net";
import { env } from "../env";
import { PEER_ADDRESS_HEADER, peerAddressesRecorded } from "./peer-address";

type HeaderSource = Pick<Headers, "get"> | Record<string, string | string[] | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (typeof headers.get === "function") return (headers as Pick<Headers, "get">).get(name) ?? undefined;
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value.join(",") : value;
}

export type AddressSources = { forwardedFor?: string; peer?: string; trustedHops: number };

/** The client's address from the headers a request arrived with, or null when it cannot be known. */
export function resolveClientAddress({ forwardedFor, peer, trustedHops }: AddressSources): string | null {
  const peerAddress = peer ? normalizeAddress(peer) : null;
  if (trustedHops === 0) return peerAddress;
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  // Next.js fills in a missing X-Forwarded-For with the socket's address, so an empty list
  // means a request that never passed the server's front door.
  if (hops.length === 0) return peerAddress;
  // Fewer entries than trusted proxies: the request skipped the outer ones; the leftmost is the
  // best there is (keep the console reachable only through its proxies).
  return normalizeAddress(hops[Math.max(0, hops.length - trustedHops)]);
}

export function clientIp(headers: HeaderSource, trustedHops = env().TRUSTED_PROXY_HOPS): string | null {
  return resolveClientAddress({
    forwardedFor: header(headers, "x-forwarded-for"),
    peer: peerAddressesRecorded() ? header(headers, PEER_ADDRESS_HEADER) : undefined,
    trustedHops,
  });
}

/** An IP address without port, brackets or IPv4-mapped prefix; null for anything else. */
export function normalizeAddress(value: string): string | null {
  let address = value.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  if (/^::ffff:[\d.]+$/i.test(address)) address = address.slice("::ffff:".length);
  return isIP(address) ? address.toLowerCase() : null;
}

export function userAgent(headers: HeaderSource): string | null {
  return header(headers, "user-agent")?.slice(0, 512) ?? null;
}
