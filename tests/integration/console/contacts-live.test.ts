// An open contact page re-renders on the live event of a K-LINK change; that re-render must read
// the change, not the cached copy. The simulator posts its signed webhook over a real socket to the
// console's webhook endpoint (production wiring), whose processing drops the cached contact.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemAudit } from "../../../lib/audit/request-audit";
import { setCache } from "../../../lib/cache/get-cache";
import { MemoryCache } from "../../../lib/cache/memory-cache";
import { insertConnection } from "../../../lib/connections/create-connection";
import { readKlink } from "../../../lib/console/read-klink";
import { startSimulator, type RunningSimulator } from "../../../lib/klink/simulator";
import { webhookEndpoint } from "../../../lib/doors/webhook-route";
import { waitFor } from "../../../scripts/console-process";
import { resetDatabase, testDb } from "../../helpers/db";
import { signedInAs } from "../../helpers/auth";
import { serveHandlers, type ServedHandlers } from "../../helpers/serve-handlers";
import type { ConsolePage } from "../../../lib/doors/console-page";

const TOKEN = "kpt_contacts_live_token_0001";
const SECRET = "whsec_contacts_live_0123456789";
let sim: RunningSimulator;
let consoleSide: ServedHandlers;
let page: ConsolePage;

beforeAll(async () => {
  await resetDatabase();
  await setCache(new MemoryCache({ maxSizeBytes: 16 * 1024 * 1024 }));
  sim = await startSimulator({ port: 0, tokens: [TOKEN] });
  consoleSide = await serveHandlers({ "/api/webhooks/klink/[connectionId]": webhookEndpoint });
  const connectionId = (
    await insertConnection(
      { name: "Contacts live", baseUrl: sim.url, token: TOKEN, webhook: { mode: "hmac", secret: SECRET } },
      systemAudit(),
    )
  ).id;
  await fetch(`${sim.url}/__sim/webhooks/targets`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ url: `${consoleSide.url}/api/webhooks/klink/${connectionId}`, secret: SECRET }),
  });
  const { user } = await signedInAs("viewer");
  page = {
    actor: { type: "user", userId: user.id, email: user.email, name: user.name, role: "viewer" },
    connection: { choices: [], active: null },
    connectionId,
    requestId: "req-live",
    can: { write: false, admin: false },
  };
});
afterAll(async () => {
  await sim?.stop();
  await consoleSide?.close();
  await setCache(undefined);
});

describe("a contact changed in K-LINK", () => {
  it("is read fresh by the next page render once its webhook is processed, not served from the cache", async () => {
    const list = await readKlink(page, "contacts.list", { query: { pageSize: 1 } });
    if (!list.ok) throw new Error(list.failure.message);
    const id = list.data.data[0].id;
    const before = await readKlink(page, "contacts.get", { params: { id } });
    const again = await readKlink(page, "contacts.get", { params: { id } });
    expect(before.ok && again.ok && again.freshness.cacheState).toBe("HIT");

    await fetch(`${sim.url}/api/v1/contacts/${id}`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ name: "Renamed in K-LINK" }),
    });
    await waitFor(
      async () =>
        (await testDb().webhookDelivery.count({ where: { eventType: "contact.update", status: "processed" } })) === 1,
      5_000,
    );

    const after = await readKlink(page, "contacts.get", { params: { id } });
    expect(after.ok && after.data.data.name).toBe("Renamed in K-LINK");
    expect(after.ok && after.freshness.cacheState).toBe("MISS");
    // The list the contact is in is read fresh as well.
    const listAfter = await readKlink(page, "contacts.list", { query: { pageSize: 1 } });
    expect(listAfter.ok && listAfter.data.data[0].name).toBe("Renamed in K-LINK");
  });
});
