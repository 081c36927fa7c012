// A delivery that cannot be stored or processed as sent — not well-formed UTF-8, a lone surrogate
// or NUL in its JSON, nested 10 000 deep — is stored in a storable form and answered 400, never
// 503: K-LINK would otherwise send a poison delivery again forever. On both front doors, on
// SQLite and on PostgreSQL (whose text and jsonb refuse NUL and lone surrogates).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resetDatabase, testDb } from "../../helpers/db";
import {
  FRONT_DOORS,
  closeServedEndpoints,
  envelope,
  hmacSettings,
  post,
  postSigned,
  recordingProcessor,
  sign,
} from "../../helpers/webhook-kit";

const CONN = "conn-poison";
const settings = { [CONN]: hmacSettings(CONN) };
const byId = (id: unknown) => testDb().webhookDelivery.findUniqueOrThrow({ where: { id: String(id) } });

beforeEach(resetDatabase);
afterEach(closeServedEndpoints);

describe.each(FRONT_DOORS)("through %s", (_frontDoor, makeEndpoint) => {
  const poison: [string, string | Buffer, RegExp][] = [
    [
      "a lone surrogate in a value",
      '{"event":"contact.update","data":{"id":"c-\\ud800","name":"x"}}',
      /data\.id must be well-formed Unicode/,
    ],
    ["a lone surrogate in a key", '{"event":"contact.update","data":{"\\udc00":1}}', /field name/],
    ["NUL in a value", '{"event":"ticket.update","data":{"id":"t-\\u0000"}}', /NUL/],
    [
      "bytes that are not UTF-8",
      Buffer.concat([
        Buffer.from('{"event":"contact.update","data":{"name":"'),
        Buffer.from([0xff, 0xfe]),
        Buffer.from('"}}'),
      ]),
      /not well-formed UTF-8/,
    ],
    [
      "nesting 10 000 deep",
      `{"event":"contact.update","data":${"[".repeat(10_000)}${"]".repeat(10_000)}}`,
      /nested deeper than 64/,
    ],
  ];

  for (const [name, body, reason] of poison) {
    it(`answers 400 bad_json for a signed body with ${name}, stores it sanitised and processes nothing`, async () => {
      const processor = recordingProcessor();
      const { res, json } = await post(makeEndpoint({ settings, processor }), CONN, body, {
        "x-signature": sign(body),
      });
      expect(res.status).toBe(400);
      expect(json).toMatchObject({ status: "error", code: "bad_json" });
      const row = await byId(res.headers.get("x-webhook-delivery-id"));
      expect(row).toMatchObject({ connectionId: CONN, verification: "bad_json", status: "rejected" });
      expect(row.lastError).toMatch(reason);
      expect(row.rawBody).toEqual(expect.any(String));
      expect(row.rawBody!.isWellFormed()).toBe(true);
      expect(row.rawBody).not.toContain("\u0000");
      expect(processor.queued).toEqual([]);
    });
  }

  it("stores an unsigned delivery claiming a lone-surrogate event for an unknown connection (404, not 503)", async () => {
    const body = '{"event":"contact.\\ud800\\u0000","data":{}}';
    const { res, json } = await post(makeEndpoint({ settings }), "no-such-connection", body);
    expect(res.status).toBe(404);
    expect(json.code).toBe("unknown_connection");
    expect(await byId(res.headers.get("x-webhook-delivery-id"))).toMatchObject({
      verification: "unknown_connection",
      // A body that cannot be stored as sent claims nothing.
      eventType: null,
    });
  });

  it("still accepts well-formed Unicode beyond the basic plane", async () => {
    const body = envelope("contact.update", { id: "c-1", name: "ชื่อ 😀 名前" });
    const { res } = await postSigned(makeEndpoint({ settings }), CONN, body);
    expect(res.status).toBe(200);
  });
});
