import { describe, expect, it } from "vitest";
import { Writable } from "node:stream";
import { createLogger } from "../../../lib/log/logger";
import { CENSOR, REDACTED_KEYS, redactKnownKeys } from "../../../lib/log/redact-known-keys";

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, logger: createLogger({ level: "info", destination }) };
}

const nest = (depth: number, leaf: Record<string, unknown>): Record<string, unknown> =>
  depth === 0 ? leaf : { [`level${depth}`]: nest(depth - 1, leaf) };

describe("single-pass redaction of known keys", () => {
  it("redacts every known key at the top and at every depth down to eight levels, in log lines", () => {
    const { lines, logger } = capture();
    for (const key of REDACTED_KEYS) {
      for (let depth = 0; depth <= 8; depth++) {
        const secret = `leak-${key}-${depth}-0123456789`;
        logger.info(nest(depth, { [key]: secret, kept: "visible" }), "x");
        const line = lines.at(-1)!;
        expect([key, depth, line.includes(secret)]).toEqual([key, depth, false]);
        expect(line).toContain(CENSOR);
        expect(line).toContain("visible");
      }
    }
  });

  it("redacts inside arrays and in a child logger's bindings", () => {
    const { lines, logger } = capture();
    logger.info({ calls: [{ headers: { authorization: "Bearer kc_inarray" } }, "plain"] }, "x");
    logger.child({ token: "kpt_inbinding" }).info("y");
    logger.child({ area: "proxy" }).child({ secret: "whsec_ingrandchild" }).info("z");
    expect(lines.join("")).not.toMatch(/kc_inarray|kpt_inbinding|whsec_ingrandchild/);
    expect(JSON.parse(lines[2]).area).toBe("proxy");
    expect(JSON.parse(lines[0]).calls[1]).toBe("plain");
  });

  it("never changes the object logged, and hands back one without secrets as it is", () => {
    const logged = { user: { email: "a@example.test", password: "pw-12345678" }, list: [{ token: "t" }] };
    const snapshot = structuredClone(logged);
    const safe = redactKnownKeys(logged);
    expect(logged).toEqual(snapshot);
    expect(safe).toEqual({ user: { email: "a@example.test", password: CENSOR }, list: [{ token: CENSOR }] });
    const clean = { method: "GET", path: "/api/klink/v1/tickets", status: 200, nested: { ms: 1 } };
    expect(redactKnownKeys(clean)).toBe(clean);
  });

  it("leaves keys that only resemble a known one, and values that are not there", () => {
    expect(redactKnownKeys({ tokens: 3, keyword: "refund", token: undefined })).toEqual({
      tokens: 3,
      keyword: "refund",
      token: undefined,
    });
  });
});
