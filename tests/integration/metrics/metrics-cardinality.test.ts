// Anyone may request made-up paths: under the proxy's catch-all and the webhook endpoint's
// [connectionId], each must count towards one series per route template, not one per path.
import { beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import * as proxyRoute from "../../../app/api/klink/v1/[...path]/route";
import { GET as health } from "../../../app/api/health/route";
import { POST as webhook } from "../../../app/api/webhooks/klink/[connectionId]/route";
import { metrics } from "../../../lib/metrics/registry";
import { resetDatabase } from "../../helpers/db";

const requestRoutes = async () =>
  new Set((await metrics().httpRequests.get()).values.map((v) => String(v.labels.route)));
const durationRoutes = async () =>
  new Set((await metrics().httpDuration.get()).values.map((v) => String(v.labels.route)));

function proxyGet(path: string) {
  const url = new URL(path, "http://localhost:3000");
  return proxyRoute.GET(new Request(url), { params: Promise.resolve({ path: url.pathname.split("/").slice(4) }) });
}

beforeAll(resetDatabase);

describe("request metrics under many distinct paths", () => {
  it("add one series per route template, however many random paths are requested", async () => {
    const before = await requestRoutes();
    const beforeDurations = (await durationRoutes()).size;
    for (let i = 0; i < 40; i++) {
      const random = randomUUID();
      expect((await proxyGet(`/api/klink/v1/${random}/x${i}`)).status).toBe(401);
      expect((await proxyGet(`/api/klink/v1/contacts/${random}`)).status).toBe(401);
      expect((await proxyGet(`/api/klink/v1/tickets/contact/${random}`)).status).toBe(401);
      const connectionId = `c${i}${random.slice(0, 8)}`;
      const answer = await webhook(
        new Request(`http://localhost/api/webhooks/klink/${connectionId}`, { method: "POST", body: "{}" }),
        { params: Promise.resolve({ connectionId }) },
      );
      expect(answer.status).toBe(404);
    }
    const added = [...(await requestRoutes())].filter((route) => !before.has(route));
    expect(added.sort()).toEqual(
      [
        "/api/klink/v1/[...path]",
        "/api/klink/v1/contacts/{id}",
        "/api/klink/v1/tickets/contact/{contactId}",
        "/api/webhooks/klink/[connectionId]",
      ]
        .filter((r) => !before.has(r))
        .sort(),
    );
    expect((await durationRoutes()).size - beforeDurations).toBeLessThanOrEqual(4);
  });

  it("labels a route without dynamic segments, which Next.js calls without params, by its path", async () => {
    expect((await health(new Request("http://localhost/api/health"), { params: undefined })).status).toBe(200);
    expect(await requestRoutes()).toContain("/api/health");
  });
});
