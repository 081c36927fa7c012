import { describe, expect, it } from "vitest";
import { normalizeAddress, resolveClientAddress } from "../../../lib/http/client-ip";

describe("the client address", () => {
  it("with no trusted proxy, is the socket's address, whatever X-Forwarded-For claims", () => {
    expect(resolveClientAddress({ forwardedFor: "203.0.113.9", peer: "::ffff:192.0.2.10", trustedHops: 0 })).toBe(
      "192.0.2.10",
    );
  });

  it("with no trusted proxy and no recorded socket address, is unknown rather than the client's claim", () => {
    expect(resolveClientAddress({ forwardedFor: "203.0.113.9", trustedHops: 0 })).toBeNull();
  });

  it("behind N trusted proxies, is the entry N places from the right: what the client wrote itself is skipped", () => {
    const forwardedFor = "198.51.100.1, 203.0.113.9, 10.0.0.2";
    expect(resolveClientAddress({ forwardedFor, peer: "10.0.0.3", trustedHops: 1 })).toBe("10.0.0.2");
    expect(resolveClientAddress({ forwardedFor, peer: "10.0.0.3", trustedHops: 2 })).toBe("203.0.113.9");
    expect(resolveClientAddress({ forwardedFor: "spoofed-by-client, 203.0.113.9", trustedHops: 1 })).toBe(
      "203.0.113.9",
    );
  });

  it("behind trusted proxies, takes the leftmost entry when there are fewer entries than proxies, and the socket when there are none", () => {
    expect(resolveClientAddress({ forwardedFor: "203.0.113.9", trustedHops: 3 })).toBe("203.0.113.9");
    expect(resolveClientAddress({ peer: "192.0.2.10", trustedHops: 1 })).toBe("192.0.2.10");
  });

  it("is unknown when the chosen entry is not an IP address", () => {
    expect(resolveClientAddress({ forwardedFor: "unknown", trustedHops: 1 })).toBeNull();
    expect(resolveClientAddress({ forwardedFor: "<script>", trustedHops: 1 })).toBeNull();
  });

  it("drops ports, brackets and the IPv4-mapped prefix", () => {
    expect(normalizeAddress("203.0.113.9:51234")).toBe("203.0.113.9");
    expect(normalizeAddress("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normalizeAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeAddress("2001:db8::1")).toBe("2001:db8::1");
  });
});
