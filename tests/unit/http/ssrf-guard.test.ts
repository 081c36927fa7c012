import { describe, expect, it } from "vitest";
import {
  checkOutboundUrl,
  checkOutboundUrlResolved,
  guardedLookup,
  refusedAddressReason,
} from "../../../lib/http/ssrf-guard";

const strict = { allowLoopback: false };
const loopbackOk = { allowLoopback: true };

describe("SSRF guard", () => {
  it.each([
    ["169.254.169.254", "link-local"],
    ["10.1.2.3", "private"],
    ["172.20.0.1", "private"],
    ["192.168.1.10", "private"],
    ["100.64.0.1", "private"],
    ["0.0.0.0", "unspecified"],
    ["fd00:ec2::254", "private"],
    ["fe80::1", "link-local"],
    ["::ffff:169.254.169.254", "a"],
    ["::ffff:127.0.0.1", "a"],
    ["127.0.0.1", "loopback"],
    ["::1", "loopback"],
  ])("refuses %s as %s", (address, reason) => {
    expect(refusedAddressReason(address, strict)).toContain(reason);
  });

  it("allows public addresses, and loopback only when the policy does", () => {
    expect(refusedAddressReason("93.184.216.34", strict)).toBeNull();
    expect(refusedAddressReason("2606:4700::1111", strict)).toBeNull();
    expect(refusedAddressReason("127.0.0.1", loopbackOk)).toBeNull();
    expect(refusedAddressReason("10.0.0.1", loopbackOk)).not.toBeNull();
  });

  it.each([
    ["http://169.254.169.254/latest/meta-data", "must not point at a link-local or metadata address"],
    ["https://169.254.169.254/", "must not point at a link-local or metadata address"],
    ["https://10.0.0.5/hook", "must not point at a private address"],
    ["https://[::ffff:169.254.169.254]/", "IPv4-mapped"],
    ["http://hooks.example.com/x", "must use https://"],
    ["https://user:secret@hooks.example.com/", "user name or password"],
    ["ftp://hooks.example.com/", "must start with https://"],
    ["http://127.0.0.1:8080/", "FORWARD_ALLOW_HTTP_LOOPBACK"],
    ["not a url", "must be a URL"],
  ])("refuses the URL %s", (url, message) => {
    const result = checkOutboundUrl(url, strict);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(message);
  });

  it("accepts https anywhere public, and http on loopback only when allowed", () => {
    expect(checkOutboundUrl("https://hooks.example.com/klink?team=1", strict)).toEqual({
      ok: true,
      url: "https://hooks.example.com/klink?team=1",
    });
    expect(checkOutboundUrl("http://127.0.0.1:8080/in", loopbackOk)).toMatchObject({ ok: true });
  });

  it("checks what a host name resolves to", async () => {
    expect(await checkOutboundUrlResolved("https://localhost/in", strict)).toMatchObject({ ok: false });
    expect(await checkOutboundUrlResolved("https://no-such-host.invalid/in", strict)).toMatchObject({
      ok: false,
      message: expect.stringContaining("could not be resolved"),
    });
  });

  it("refuses a connection whose resolved address is refused, whatever the URL looked like", async () => {
    const lookup = guardedLookup(strict);
    const error = await new Promise<Error | null>((resolve) => lookup("localhost", {}, (err) => resolve(err)));
    expect(error?.message).toContain("loopback");
    const allowed = guardedLookup(loopbackOk);
    const address = await new Promise<string>((resolve) =>
      allowed("localhost", {}, (_err, addr) => resolve(String(addr))),
    );
    expect(address).toMatch(/^(127\.|::1)/);
  });
});
