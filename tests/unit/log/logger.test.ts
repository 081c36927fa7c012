import { describe, expect, it } from "vitest";
import { Writable } from "node:stream";
import { createLogger } from "../../../lib/log/logger";
import { runWithRequestContext } from "../../../lib/log/request-context";

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

describe("logger", () => {
  it("puts the request id on every line written inside a request", () => {
    const { lines, logger } = capture();
    runWithRequestContext({ requestId: "req-12345678" }, () => logger.info("inside"));
    logger.info("outside");
    expect(JSON.parse(lines[0]).requestId).toBe("req-12345678");
    expect(JSON.parse(lines[1]).requestId).toBeUndefined();
  });

  it("redacts secrets wherever they appear", () => {
    const { lines, logger } = capture();
    logger.info(
      {
        token: "kpt_secret1",
        headers: { authorization: "Bearer kpt_secret2" },
        body: { webhook: { secret: "s3" } },
        password: "pw",
      },
      "x",
    );
    expect(lines[0]).not.toMatch(/kpt_secret1|kpt_secret2|"s3"|"pw"/);
    expect(lines[0]).toContain("[redacted]");
  });

  it("writes an error as its type, code and first line of message, never its stack", () => {
    const { lines, logger } = capture();
    const error = Object.assign(new TypeError("socket hang up\n    at secret/internal/path.js:1:1"), {
      code: "ECONNRESET",
    });
    logger.warn({ err: error }, "failed");
    const line = JSON.parse(lines[0]);
    expect(line.err).toEqual({ type: "TypeError", message: "socket hang up", code: "ECONNRESET" });
    expect(lines[0]).not.toMatch(/\bat \S+:\d+|stack|internal\/path/);
  });
});
