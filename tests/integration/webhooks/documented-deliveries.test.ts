// K-LINK's documented webhook examples (webhooks.md §5, §6.1), byte for byte as fixtures: the
// endpoint accepts and stores them, and the processor acts on the contact.create delivery and
// keeps the bare envelope's unknown event type without acting on it.
import { beforeEach, describe, expect, it } from "vitest";
import { changeTags } from "../../../lib/klink/cache-tags";
import { createDeliveryProcessor } from "../../../lib/webhooks/process-deliveries";
import { fixtureText } from "../../helpers/documented-klink";
import { resetDatabase, testDb } from "../../helpers/db";
import { hmacSettings, makeEndpoint, postSigned, testProvider } from "../../helpers/webhook-kit";

const CONN = "conn-documented";

beforeEach(resetDatabase);

describe("the documented webhook deliveries", () => {
  it("are accepted, stored as sent and processed: contact.create invalidates the contact, the envelope's unknown event does nothing", async () => {
    // The examples are from January 2026: a retention window that still covers them, so they are not taken for replays.
    const endpoint = makeEndpoint({ settings: { [CONN]: hmacSettings(CONN) }, retentionDays: 3650 });
    const bodies = [fixtureText("webhook-contact-create.json"), fixtureText("webhook-envelope.json")];
    const answers = await Promise.all(bodies.map((body) => postSigned(endpoint, CONN, body)));
    expect(answers.map((a) => [a.res.status, a.json.received])).toEqual([
      [200, true],
      [200, true],
    ]);
    const invalidated: string[][] = [];
    const published: string[] = [];
    await createDeliveryProcessor({
      db: testDb(),
      provider: testProvider(),
      invalidate: async (_connectionId, tags) => void invalidated.push(tags),
      publish: async (event) => void published.push(event.type),
    }).drain();
    const rows = await testDb().webhookDelivery.findMany({ orderBy: { eventType: "asc" } });
    expect(rows.map((r) => [r.eventType, r.status, r.rawBody])).toEqual([
      ["contact.create", "processed", bodies[0]],
      ["event.type", "processed", bodies[1]],
    ]);
    expect(invalidated.flat()).toEqual(changeTags({ resource: "contact", id: "a0cad4e8-c23b-426d-95fe-75d02325d943" }));
    expect(published).toEqual(["contact.created"]);
  });
});
