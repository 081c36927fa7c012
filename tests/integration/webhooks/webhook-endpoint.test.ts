import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { createDb } from "../../../lib/db/client";
import { WEBHOOK_BODY_LIMIT_BYTES } from "../../../lib/webhooks/read-limited-body";
import { resetDatabase, testDb } from "../../helpers/db";
import {
  FRONT_DOORS,
  SECRET,
  closeServedEndpoints,
  envelope,
  hmacSettings,
  post,
  postSigned,
  recordingProcessor,
  sign,
} from "../../helpers/webhook-kit";

const CONN = "conn-webhooks";
const settings = { [CONN]: hmacSettings(CONN) };
const rows = () => testDb().webhookDelivery;
const byId = (id: unknown) => rows().findUniqueOrThrow({ where: { id: String(id) } });

beforeEach(resetDatabase);
afterEach(closeServedEndpoints);

// Every behaviour holds for both front doors: the Next.js route handler and the console server's
// own handler in front of Next.js (what `npm start` answers deliveries with).
describe.each(FRONT_DOORS)("through %s", (frontDoor, makeEndpoint) => {
  describe("POST /api/webhooks/klink/{connectionId} — authentication", () => {
    it("accepts a correctly signed delivery, stores it before answering and hands it to processing", async () => {
      const processor = recordingProcessor();
      const endpoint = makeEndpoint({ settings, processor });
      // K-LINK's format: microseconds and Z.
      const timestamp = new Date().toISOString().replace("Z", "000Z");
      const body = envelope("ticket.update", { id: "t-1", contactId: "c-9" }, timestamp);
      const { res, json } = await postSigned(endpoint, CONN, body);
      expect(res.status).toBe(200);
      expect(json).toEqual({ received: true, id: expect.any(String) });
      const row = await byId(json.id);
      expect(row).toMatchObject({
        connectionId: CONN,
        verification: "verified",
        status: "processing",
        attempts: 1,
        eventType: "ticket.update",
        eventTimestamp: timestamp,
        rawBody: body,
        bodySize: Buffer.byteLength(body),
        sourceIp: "15.235.232.70",
        dedupeKey: createHash("sha256").update(body).digest("hex"),
      });
      expect(row.dedupeSlot).toBe(row.dedupeKey);
      expect((row.headers as Record<string, string>)["x-signature"]).toBe("[redacted]");
      expect(processor.queued).toEqual([
        {
          id: row.id,
          connectionId: CONN,
          eventType: "ticket.update",
          rawBody: body,
          attempts: 1,
          lease: row.lockedUntil,
        },
      ]);
    });

    it("stores an accepted delivery as pending for the sweep when the processor's queue is full", async () => {
      const processor = recordingProcessor(false);
      const { json } = await postSigned(makeEndpoint({ settings, processor }), CONN, envelope());
      expect(await byId(json.id)).toMatchObject({ status: "pending", attempts: 0, lockedUntil: null });
      expect(processor.queued).toEqual([]);
    });

    it("rejects a delivery signed with another secret with 401, stored as invalid_signature without its body", async () => {
      const processor = recordingProcessor();
      const endpoint = makeEndpoint({ settings, processor });
      const body = envelope("contact.delete", { id: "c-1" });
      const { res, json } = await postSigned(endpoint, CONN, body, "whsec_attacker");
      expect(res.status).toBe(401);
      expect(json).toMatchObject({ status: "error", code: "invalid_signature", requestId: expect.any(String) });
      const row = await byId(res.headers.get("x-webhook-delivery-id"));
      expect(row).toMatchObject({
        verification: "invalid_signature",
        status: "rejected",
        rawBody: null,
        eventType: "contact.delete",
        dedupeSlot: null,
      });
      expect(processor.queued).toEqual([]);
    });

    it("rejects a tampered body with 401", async () => {
      const endpoint = makeEndpoint({ settings });
      const body = envelope("ticket.update", { id: "t-1", status: "open" });
      const { res } = await post(endpoint, CONN, body.replace('"open"', '"closed"'), { "x-signature": sign(body) });
      expect(res.status).toBe(401);
      expect(await rows().count({ where: { verification: "invalid_signature" } })).toBe(1);
    });

    it("rejects an unsigned delivery with 401 as unauthenticated", async () => {
      const { res } = await post(makeEndpoint({ settings }), CONN, envelope());
      expect(res.status).toBe(401);
      expect(await rows().findFirst()).toMatchObject({ verification: "unauthenticated", status: "rejected" });
    });

    it("accepts the signature in the Authorization header, bare or sha256=", async () => {
      const endpoint = makeEndpoint({ settings });
      const first = envelope();
      const second = envelope();
      expect((await post(endpoint, CONN, first, { authorization: sign(first) })).res.status).toBe(200);
      expect((await post(endpoint, CONN, second, { authorization: `sha256=${sign(second)}` })).res.status).toBe(200);
      const stored = await rows().findMany({ where: { verification: "verified" } });
      expect(stored).toHaveLength(2);
      for (const row of stored) expect((row.headers as Record<string, string>).authorization).toBe("[redacted]");
    });

    it("accepts the previous secret during a rotation", async () => {
      const endpoint = makeEndpoint({ settings: { [CONN]: hmacSettings(CONN, ["whsec_new", SECRET]) } });
      expect((await postSigned(endpoint, CONN, envelope(), SECRET)).res.status).toBe(200);
      expect((await postSigned(endpoint, CONN, envelope(), "whsec_new")).res.status).toBe(200);
      expect((await postSigned(endpoint, CONN, envelope(), "whsec_retired")).res.status).toBe(401);
    });

    it("verifies Basic auth deliveries and keeps the credentials out of the history", async () => {
      const endpoint = makeEndpoint({
        settings: {
          [CONN]: { connectionId: CONN, mode: "basic", secrets: [], username: "klink", password: "hook-pass-123" },
        },
      });
      const good = `Basic ${Buffer.from("klink:hook-pass-123").toString("base64")}`;
      const bad = `Basic ${Buffer.from("klink:guess").toString("base64")}`;
      const ok = await post(endpoint, CONN, envelope(), { authorization: good });
      expect(ok.res.status).toBe(200);
      expect((await post(endpoint, CONN, envelope(), { authorization: bad })).res.status).toBe(401);
      const row = await byId(ok.json.id);
      expect((row.headers as Record<string, string>).authorization).toBe("Basic [redacted]");
    });

    it("verifies custom-header deliveries and redacts that header in the history", async () => {
      const endpoint = makeEndpoint({
        settings: {
          [CONN]: {
            connectionId: CONN,
            mode: "header",
            secrets: [],
            headerName: "X-Hook-Key",
            headerValue: "key-7f3a9c",
          },
        },
      });
      const ok = await post(endpoint, CONN, envelope(), { "x-hook-key": "key-7f3a9c" });
      expect(ok.res.status).toBe(200);
      expect((await post(endpoint, CONN, envelope(), { "x-hook-key": "key-0000" })).res.status).toBe(401);
      const stored = await rows().findMany();
      expect(JSON.stringify(stored.map((r) => r.headers))).not.toContain("key-7f3a9c");
    });

    it("refuses mode none unless unauthenticated deliveries are allowed", async () => {
      const none = { [CONN]: { connectionId: CONN, mode: "none" as const, secrets: [] } };
      expect((await post(makeEndpoint({ settings: none }), CONN, envelope())).res.status).toBe(401);
      expect(
        (await post(makeEndpoint({ settings: none, allowUnauthenticated: true }), CONN, envelope())).res.status,
      ).toBe(200);
    });
  });

  describe("POST /api/webhooks/klink/{connectionId} — bad input", () => {
    it("answers 413 for a declared body over 1 MiB and stores the attempt as too_large", async () => {
      const big = Buffer.alloc(WEBHOOK_BODY_LIMIT_BYTES + 1, 0x20);
      const { res, json } = await post(makeEndpoint({ settings }), CONN, big, { "x-signature": sign(big) });
      expect(res.status).toBe(413);
      expect(json.code).toBe("payload_too_large");
      expect(await rows().findFirst()).toMatchObject({
        verification: "too_large",
        status: "rejected",
        bodySize: WEBHOOK_BODY_LIMIT_BYTES + 1,
        rawBody: null,
      });
    });

    it("stops reading a streamed body without Content-Length as soon as it passes 1 MiB", async () => {
      const chunk = new Uint8Array(64 * 1024).fill(0x20);
      let pulled = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          // 16 MiB on offer; the receiver must not take it all.
          if (pulled >= 16 * 1024 * 1024) return controller.close();
          pulled += chunk.byteLength;
          controller.enqueue(chunk);
        },
      });
      const { res } = await post(makeEndpoint({ settings }), CONN, stream);
      expect(res.status).toBe(413);
      // What the server itself read (its byte counter, stored as the row's size) ends just past
      // the limit. How much the sender managed to push is not asserted over a socket: the
      // kernel's buffers on a busy machine take several MiB the server never reads.
      const row = await rows().findFirstOrThrow();
      expect(row).toMatchObject({ verification: "too_large", rawBody: null });
      expect(row.bodySize).toBeGreaterThan(WEBHOOK_BODY_LIMIT_BYTES);
      expect(row.bodySize).toBeLessThanOrEqual(WEBHOOK_BODY_LIMIT_BYTES + 4 * chunk.byteLength);
      // Called in process, nothing lies between: the sender is stopped right at the limit.
      if (frontDoor === "the route handler")
        expect(pulled).toBeLessThanOrEqual(WEBHOOK_BODY_LIMIT_BYTES + 4 * chunk.byteLength);
    });

    it("answers 400 for a signed body that is not JSON, stored as bad_json", async () => {
      const body = "event=ticket.update";
      const { res, json } = await postSigned(makeEndpoint({ settings }), CONN, body);
      expect(res.status).toBe(400);
      expect(json.code).toBe("bad_json");
      expect(await rows().findFirst()).toMatchObject({
        verification: "bad_json",
        status: "rejected",
        lastError: "The body is not valid JSON.",
      });
    });

    it("answers 400 for a signed JSON body without an event", async () => {
      const body = JSON.stringify({ timestamp: "2026-01-09T03:42:38Z", data: {} });
      const { res } = await postSigned(makeEndpoint({ settings }), CONN, body);
      expect(res.status).toBe(400);
      expect(await rows().findFirst()).toMatchObject({ verification: "bad_json" });
    });

    it("answers 404 for an unknown connection and still stores the delivery", async () => {
      const body = envelope("contact.create", { id: "c-5" });
      const { res, json } = await postSigned(makeEndpoint({ settings }), "no-such-connection", body);
      expect(res.status).toBe(404);
      expect(json.code).toBe("unknown_connection");
      expect(await rows().findFirst()).toMatchObject({
        connectionId: "no-such-connection",
        verification: "unknown_connection",
        eventType: "contact.create",
        rawBody: null,
      });
    });

    it("stores a delivery to a connection id with control characters as unknown, without them", async () => {
      const { res, json } = await postSigned(makeEndpoint({ settings }), "conn\u0000x", envelope());
      expect(res.status).toBe(404);
      expect(json.code).toBe("unknown_connection");
      expect(await rows().findFirst()).toMatchObject({
        connectionId: "conn\uFFFDx",
        verification: "unknown_connection",
        status: "rejected",
      });
    });

    it("never echoes a secret or the stored body in any answer", async () => {
      const endpoint = makeEndpoint({ settings });
      const answers = [
        await postSigned(endpoint, CONN, envelope()),
        await postSigned(endpoint, CONN, envelope(), "wrong"),
        await postSigned(endpoint, CONN, "not json"),
        await postSigned(endpoint, "unknown", envelope()),
      ];
      for (const { json } of answers)
        expect(JSON.stringify(json)).not.toMatch(new RegExp(`${SECRET}|ticket\\.update|stack`));
    });
  });

  describe("POST /api/webhooks/klink/{connectionId} — duplicates and durability", () => {
    it("answers 200 to a repeated delivery, records it as a duplicate of the first and does not process it", async () => {
      const processor = recordingProcessor();
      const endpoint = makeEndpoint({ settings, processor });
      const body = envelope();
      const first = await postSigned(endpoint, CONN, body);
      const again = await postSigned(endpoint, CONN, body);
      expect(again.res.status).toBe(200);
      expect(again.json).toEqual({ received: true, id: expect.any(String), duplicate: true });
      expect(await byId(again.json.id)).toMatchObject({
        status: "duplicate",
        duplicateOfId: first.json.id,
        dedupeSlot: null,
        verification: "verified",
        rawBody: null,
      });
      expect(processor.queued.map((d) => d.id)).toEqual([first.json.id]);
    });

    it("lets exactly one of many concurrent identical deliveries through", async () => {
      const endpoint = makeEndpoint({ settings });
      const body = envelope();
      const answers = await Promise.all(Array.from({ length: 25 }, () => postSigned(endpoint, CONN, body)));
      expect(answers.every(({ res }) => res.status === 200)).toBe(true);
      expect(await rows().count({ where: { dedupeSlot: { not: null } } })).toBe(1);
      expect(await rows().count({ where: { status: "duplicate" } })).toBe(24);
      expect(answers.filter(({ json }) => json.duplicate).length).toBe(24);
    });

    it("lets exactly one through when identical deliveries reach several instances at once", async () => {
      const instances = [makeEndpoint({ settings }), makeEndpoint({ settings }), makeEndpoint({ settings })];
      const body = envelope();
      const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => postSigned(instances[i % 3], CONN, body)));
      expect(answers.every(({ res }) => res.status === 200)).toBe(true);
      expect(await rows().count({ where: { dedupeSlot: { not: null } } })).toBe(1);
      expect(await rows().count({ where: { status: "duplicate" } })).toBe(29);
    });

    it("commits deliveries that arrive together in one write, each answered with its own row", async () => {
      const endpoint = makeEndpoint({ settings });
      const bodies = Array.from({ length: 40 }, () => envelope());
      const answers = await Promise.all(bodies.map((b) => postSigned(endpoint, CONN, b)));
      const stored = await rows().findMany({ select: { id: true, rawBody: true } });
      expect(stored).toHaveLength(40);
      const bodyById = new Map(stored.map((r) => [r.id, r.rawBody]));
      answers.forEach(({ json }, i) => expect(bodyById.get(String(json.id))).toBe(bodies[i]));
    });

    it("treats the same body for another connection as a new delivery", async () => {
      const other = "conn-other";
      const endpoint = makeEndpoint({ settings: { ...settings, [other]: hmacSettings(other) } });
      const body = envelope();
      await postSigned(endpoint, CONN, body);
      const second = await postSigned(endpoint, other, body);
      expect(second.json.duplicate).toBeUndefined();
    });

    it("answers 503 and acknowledges nothing when the database is unreachable", async () => {
      const unreachable = createDb("postgresql://postgres@127.0.0.1:1/unreachable");
      const processor = recordingProcessor();
      const endpoint = makeEndpoint({ settings, database: { db: unreachable, provider: "postgresql" }, processor });
      const { res, json } = await postSigned(endpoint, CONN, envelope());
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("5");
      expect(json).toMatchObject({ status: "error", code: "unavailable" });
      expect(JSON.stringify(json)).not.toContain("127.0.0.1");
      expect(processor.queued).toEqual([]);
      await unreachable.$disconnect();
    });

    it("answers 503 when the connection's settings cannot be loaded", async () => {
      const endpoint = makeEndpoint({
        loadSettings: async () => {
          throw new Error("decryption failed");
        },
      });
      const { res } = await postSigned(endpoint, CONN, envelope());
      expect(res.status).toBe(503);
    });

    it("records but never processes a signed delivery older than the retention window", async () => {
      const processor = recordingProcessor();
      const endpoint = makeEndpoint({ settings, retentionDays: 30, processor });
      const old = new Date(Date.now() - 31 * 86_400_000).toISOString();
      const { res, json } = await postSigned(endpoint, CONN, envelope("ticket.update", { id: "t-old" }, old));
      expect(res.status).toBe(200);
      expect(json.ignored).toBe("older_than_retention");
      expect(await byId(json.id)).toMatchObject({ verification: "verified", status: "rejected", dedupeSlot: null });
      expect(processor.queued).toEqual([]);
    });
  });
});
