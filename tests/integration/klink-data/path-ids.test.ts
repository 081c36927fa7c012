// Ids go into K-LINK's URL paths. "." and "..", slashes and control characters are refused with a
// 400 that names the field, whether they arrive through the proxy or from a page, and nothing
// reaches K-LINK. One id schema (lib/klink/schemas/common.ts) serves both.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readKlink } from "../../../lib/console/read-klink";
import { callKlink } from "../../../lib/klink-data/call-klink";
import type { Actor } from "../../../lib/identity/actor";
import { resetDatabase } from "../../helpers/db";
import { PROXY_DOORS, startProxyFixture, type ProxyFixture } from "../../helpers/proxy-fixture";

// Every behaviour holds for both front doors: the Next.js route handler and the console server's
// own handler of reads in front of Next.js (what `npm start` answers them with).
describe.each(PROXY_DOORS)("through %s", (door) => {
  let f: ProxyFixture;
  let agent: Actor;

  beforeAll(async () => {
    await resetDatabase();
    f = await startProxyFixture({ door });
    const { user } = f.users.agent;
    agent = { type: "user", userId: user.id, email: user.email, name: user.name, role: "agent" };
  });
  afterAll(() => f.stop());

  const simRequestCount = async () => (await f.control<{ data: unknown[] }>("GET", "requests")).data.length;

  describe("ids in K-LINK paths", () => {
    it("through the proxy: a slash, a backslash or a control character is a 400 naming the field", async () => {
      const before = await simRequestCount();
      for (const [path, field, message] of [
        ["/api/klink/v1/contacts/..%2Ftags", "params.id", 'must not contain "/" or "\\"'],
        ["/api/klink/v1/contacts/%5C..%5Cgroups", "params.id", 'must not contain "/" or "\\"'],
        ["/api/klink/v1/tickets/contact/abc%00def", "params.contactId", "must not contain control characters"],
        ["/api/klink/v1/contacts/social/line%0Aid", "params.socialPlatformId", "must not contain control characters"],
      ] as const) {
        const answer = await f.call("GET", path);
        expect([path, answer.status]).toEqual([path, 400]);
        expect(answer.json).toMatchObject({ code: "validation_failed", fields: { [field]: [message] } });
        expect((answer.json as { message: string }).message).toContain(field);
      }
      expect(await simRequestCount()).toBe(before);
    });

    it("from a page or a form: . and .. are refused too, with the field in the message a page shows", async () => {
      const before = await simRequestCount();
      const page = { actor: agent, connectionId: f.connectionId, requestId: "req-path-ids" };
      for (const id of ["..", ".", " .. "]) {
        const read = await readKlink(page, "contacts.get", { params: { id } });
        expect(read).toMatchObject({
          ok: false,
          failure: {
            status: 400,
            code: "validation_failed",
            message: 'The request is not valid: params.id must not be "." or "..".',
          },
        });
      }
      await expect(
        callKlink({
          actor: agent,
          connectionId: f.connectionId,
          endpoint: "tickets.updateStatus",
          input: { params: { id: "../../contacts/x" }, body: { status: "closed" } },
        }),
      ).rejects.toMatchObject({ status: 400, options: { fields: { "params.id": ['must not contain "/" or "\\"'] } } });
      expect(await simRequestCount()).toBe(before);
    });

    it("still accepts the ids K-LINK uses: UUIDs, platform ids, and dots inside an id", async () => {
      const page = { actor: agent, connectionId: f.connectionId, requestId: "req-path-ids-ok" };
      for (const id of ["3f2b6a2e-6d1c-4f0e-9a51-6d7f1f2c8b11", "U4af4980629", "first.last"]) {
        const read = await readKlink(page, "contacts.bySocialId", { params: { socialPlatformId: id } });
        expect(read.ok || read.failure.status === 404).toBe(true);
      }
    });
  });
});
