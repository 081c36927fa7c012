// Every body the console reads is bounded as its bytes arrive (lib/http/read-body.ts): next-auth's
// routes, JSON routes and proxy writes. Over the limit: 413 payload_too_large with the usual
// error body, and the reader stops pulling from the sender.
import { beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { POST as authPost } from "../../../app/api/auth/[...nextauth]/route";
import { route } from "../../../lib/doors/route";
import { readBodyBytes } from "../../../lib/http/read-body";
import { metrics } from "../../../lib/metrics/registry";
import { resetDatabase, testDb } from "../../helpers/db";
import { createTestUser, browserHeaders } from "../../helpers/auth";
import { startProxyFixture } from "../../helpers/proxy-fixture";

const MiB = 1024 * 1024;

/** A body of `total` bytes offered in 64 KiB chunks, counting what the reader pulled. */
function offered(total: number) {
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  const counter = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (counter.pulled >= total) return controller.close();
      counter.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, counter };
}

function streamedRequest(url: string, body: ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
  return new Request(new URL(url, "http://localhost:3000"), {
    method: "POST",
    body,
    headers,
    duplex: "half",
  } as RequestInit);
}

async function refusedCount(limit: string): Promise<number> {
  return (await metrics().requestBodiesRefused.get()).values.find((v) => v.labels.limit === limit)?.value ?? 0;
}

beforeEach(resetDatabase);

describe("readBodyBytes", () => {
  it("returns a body within the limit whole", async () => {
    const { stream } = offered(256 * 1024);
    expect((await readBodyBytes(streamedRequest("/x", stream), MiB)).byteLength).toBe(256 * 1024);
  });

  it("stops pulling a streamed body as soon as it passes the limit", async () => {
    const { stream, counter } = offered(64 * MiB);
    await expect(readBodyBytes(streamedRequest("/x", stream), MiB)).rejects.toMatchObject({
      code: "payload_too_large",
      status: 413,
    });
    expect(counter.pulled).toBeGreaterThan(MiB);
    expect(counter.pulled).toBeLessThanOrEqual(MiB + 4 * 64 * 1024);
  });

  it("refuses a declared Content-Length over the limit before reading a byte", async () => {
    const { stream, counter } = offered(64 * MiB);
    const req = streamedRequest("/x", stream, { "content-length": String(64 * MiB) });
    await expect(readBodyBytes(req, MiB)).rejects.toMatchObject({ status: 413 });
    // A ReadableStream pulls once to fill its queue when it is created; nothing after.
    expect(counter.pulled).toBeLessThanOrEqual(64 * 1024);
  });
});

describe("next-auth's routes", () => {
  it("answer 413 payload_too_large to a credentials post over 16 KiB, without reading it all", async () => {
    const before = await refusedCount("auth");
    const { stream, counter } = offered(100 * MiB);
    const res = await authPost(
      streamedRequest("/api/auth/callback/credentials", stream, {
        "content-type": "application/x-www-form-urlencoded",
      }),
      { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) },
    );
    expect(res.status).toBe(413);
    const body = (await res.json()) as { code: string; message: string; requestId: string };
    expect(body).toMatchObject({ code: "payload_too_large", requestId: expect.any(String) });
    expect(body.message).toMatch(/16384 bytes/);
    expect(counter.pulled).toBeLessThanOrEqual(16 * 1024 + 4 * 64 * 1024);
    expect(await refusedCount("auth")).toBe(before + 1);
  });
});

describe("JSON routes", () => {
  const echo = route({ access: "viewer", body: z.object({ note: z.string() }) }, async ({ body }) =>
    Response.json(body),
  );

  it("answer 413 to a JSON body over 1 MiB and read one within it", async () => {
    const user = await createTestUser("viewer");
    const headers = { ...(await browserHeaders(user)), "content-type": "application/json" };
    const big = JSON.stringify({ note: "x".repeat(MiB) });
    const refused = await echo(new Request("http://localhost:3000/api/echo", { method: "POST", headers, body: big }));
    expect(refused.status).toBe(413);
    expect(await refused.json()).toMatchObject({ code: "payload_too_large" });
    const ok = await echo(
      new Request("http://localhost:3000/api/echo", {
        method: "POST",
        headers,
        body: JSON.stringify({ note: "x".repeat(MiB - 100) }),
      }),
    );
    expect(ok.status).toBe(200);
  });
});

describe("proxy writes", () => {
  it("answer 413 to a write body over 1 MiB, audited as an invalid attempt", async () => {
    const fixture = await startProxyFixture();
    try {
      const body = JSON.stringify({ subject: "x".repeat(MiB), contact_id: "c-1" });
      const answer = await fixture.call("POST", "/api/klink/v1/tickets", {
        as: "agent",
        rawBody: body,
        headers: { "content-type": "application/json" },
      });
      expect(answer.status).toBe(413);
      expect(answer.json).toMatchObject({ code: "payload_too_large" });
      const audit = await testDb().auditLog.findFirstOrThrow({ where: { action: "ticket.create" } });
      expect(audit).toMatchObject({ outcome: "invalid", status: 413 });
      expect(JSON.stringify(audit.details)).toMatch(/payload_too_large/);
    } finally {
      await fixture.stop();
    }
  });
});
