import { describe, expect, it } from "vitest";
import { Writable } from "node:stream";
import { createLogger } from "../../../lib/log/logger";
import { logRequestError } from "../../../lib/log/request-error";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { lines, log: createLogger({ level: "info", destination }) };
}

const renderContext = { routePath: "/admin/webhooks", routeType: "render" };

describe("unhandled request errors in the log", () => {
  it("carry the request id proxy.ts set and the digest the error page shows", () => {
    const { lines, log } = capture();
    const error = Object.assign(new Error("relation WebhookDelivery does not exist"), { digest: "2938472101" });
    logRequestError(
      log,
      error,
      {
        path: "/admin/webhooks?status=failed&q=private",
        method: "GET",
        headers: { "x-request-id": "0f1e2d3c-page-req", cookie: "next-auth.session-token=abc" },
      },
      renderContext,
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 50,
      msg: "unhandled error while serving a request",
      requestId: "0f1e2d3c-page-req",
      digest: "2938472101",
      method: "GET",
      path: "/admin/webhooks",
      route: "/admin/webhooks",
      routeType: "render",
      err: { message: "relation WebhookDelivery does not exist" },
    });
    expect(JSON.stringify(lines[0])).not.toMatch(/session-token|private/);
  });

  it("leave out a request id that is missing or not well formed rather than invent one", () => {
    const { lines, log } = capture();
    logRequestError(
      log,
      new Error("x"),
      { path: "/", method: "GET", headers: { "x-request-id": "<script>" } },
      renderContext,
    );
    logRequestError(log, "a thrown string", { path: "/", method: "GET", headers: {} }, renderContext);
    expect(lines.map((l) => [l.requestId, l.digest])).toEqual([
      [undefined, undefined],
      [undefined, undefined],
    ]);
  });
});
