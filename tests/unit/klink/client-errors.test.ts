// The client's typed errors, produced by a real simulator over a real socket.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ZodError } from "zod";
import { createKlinkClient } from "../../../lib/klink/client";
import {
  KlinkHttpError,
  KlinkNetworkError,
  KlinkResponseShapeError,
  KlinkTimeoutError,
} from "../../../lib/klink/errors";
import { startSimulator } from "../../../lib/klink/simulator";
import { logger } from "../../../lib/log/logger";
import type { RequestLogEntry } from "../../../lib/klink/simulator";
import { startHarness, TOKEN, type Harness } from "../../helpers/simulator-harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
beforeEach(async () => {
  await h.control("POST", "reset");
});
afterAll(async () => {
  await h?.stop();
});

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail");
}

const requests = async () => (await h.control<{ data: RequestLogEntry[] }>("GET", "requests")).data;

describe("client errors", () => {
  it("turns a 400 from K-LINK into KlinkHttpError with the parsed body and upstream request id", async () => {
    const contactId = (await h.client.contacts.list({ query: { pageSize: 1 } })).data.data[0].id;
    // Valid for the registry, refused by the tenant: "bogus" is not one of the form field's options.
    const error = await caught(
      h.client.tickets.create({ body: { title: "x", contact_id: contactId, status: "bogus" } }),
    );
    expect(error).toBeInstanceOf(KlinkHttpError);
    const http = error as KlinkHttpError;
    expect(http.status).toBe(400);
    expect(http.body).toMatchObject({
      status: "error",
      data: null,
      message: expect.stringContaining("status: must be one of: open, pending, in progress, resolved, closed"),
    });
    expect(http.upstreamRequestId).toBe((await requests()).at(-1)!.requestId);
  });

  it("answers 400 from the simulator for a date custom field that is not a date", async () => {
    const ticket = (await h.client.tickets.list()).data.data[0];
    const error = (await caught(
      h.client.tickets.update({ params: { id: ticket.id }, body: { customFields: { cf_due_date: "next week" } } }),
    )) as KlinkHttpError;
    expect(error.status).toBe(400);
    expect(JSON.stringify(error.body)).toContain(
      "customFields.cf_due_date: date custom fields must be an ISO date YYYY-MM-DD",
    );
  });

  it("turns a rejected token into a 401 KlinkHttpError whose message and body never contain the token", async () => {
    const wrongToken = "kpt_wrongtoken999999";
    const client = createKlinkClient({ baseUrl: h.sim.url, token: wrongToken });
    const error = (await caught(client.tickets.list())) as KlinkHttpError;
    expect(error).toBeInstanceOf(KlinkHttpError);
    expect(error.status).toBe(401);
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain(wrongToken);
    expect((await requests()).at(-1)!.headers.authorization).toBe("Bearer [redacted]");
  });

  it("turns an unknown id into a 404 KlinkHttpError", async () => {
    const error = (await caught(
      h.client.tickets.updateStatus({
        params: { id: "00000000-0000-4000-8000-000000000000" },
        body: { status: "open" },
      }),
    )) as KlinkHttpError;
    expect(error.status).toBe(404);
    expect(error.body).toEqual({ status: "error", message: "Ticket not found", data: null });
  });

  it("gives up after the per-request timeout when K-LINK hangs (KlinkTimeoutError)", async () => {
    await h.control("POST", "faults", { pathPattern: "/api/v1/tickets", mode: "hang" });
    const error = await caught(h.client.tickets.list(undefined, { timeoutMs: 150 }));
    expect(error).toBeInstanceOf(KlinkTimeoutError);
    expect(error).toMatchObject({ endpoint: "tickets.list", timeoutMs: 150 });
    expect((await requests()).at(-1)).toMatchObject({ endpoint: "tickets.list", outcome: "hang", status: null });
  });

  it("keeps the raw body of a 2xx answer to a read that is not JSON in KlinkResponseShapeError", async () => {
    await h.control("POST", "faults", { pathPattern: "/api/v1/tickets", mode: "malformed" });
    const error = (await caught(h.client.tickets.list())) as KlinkResponseShapeError;
    expect(error).toBeInstanceOf(KlinkResponseShapeError);
    expect(error.status).toBe(200);
    expect(error.body).toBe('{"total": 3, "page": 1, "data": [{"id": "');
  });

  describe("a 2xx answer of another shape than documented", () => {
    let server: import("node:http").Server;
    let client: ReturnType<typeof createKlinkClient>;
    let answer: { status: number; type: string; body: string };
    beforeAll(async () => {
      const { createServer } = await import("node:http");
      // A stand-in: the simulator answers the documented shapes unless told otherwise.
      server = createServer((req, res) => {
        req.resume();
        res.writeHead(answer.status, { "content-type": answer.type });
        res.end(answer.body);
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      client = createKlinkClient({
        baseUrl: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
        token: TOKEN,
      });
    });
    afterAll(async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    });

    it("is returned as it came, every field kept, with where it differs listed as drift and nothing logged", async () => {
      const body = {
        data: [
          { id: 7, value: "Billing", extra: "kept" },
          { id: "b", childCategoryList: [{}] },
        ],
      };
      answer = { status: 200, type: "application/json", body: JSON.stringify(body) };
      const warn = vi.spyOn(logger, "warn");
      const result = await client.categories.list();
      expect(warn).not.toHaveBeenCalled();
      warn.mockRestore();
      expect(result).toMatchObject({ status: 200, json: true, data: body });
      expect(result.drift).toEqual([
        { path: "data[].id", kind: "type", expected: "string", received: "number" },
        { path: "data[].extra", kind: "unknown", expected: "absent", received: "string" },
        { path: "data[].value", kind: "missing", expected: "string", received: "missing" },
        { path: "data[].childCategoryList[].id", kind: "missing", expected: "string", received: "missing" },
        { path: "data[].childCategoryList[].value", kind: "missing", expected: "string", received: "missing" },
      ]);
    });

    it("answers a write with its status and text when K-LINK's 2xx answer to it is not JSON", async () => {
      answer = { status: 201, type: "text/html", body: "<p>Created</p>" };
      const result = await client.channels.create({ body: { name: "Desk", type: "custom" } });
      expect(result).toMatchObject({ status: 201, json: false, data: "<p>Created</p>", drift: [] });
    });
  });

  it("reports a 429 with Retry-After as KlinkHttpError with retryAfterSeconds", async () => {
    await h.control("POST", "faults", { pathPattern: "/api/v1/contacts", status: 429, retryAfterSeconds: 7 });
    const error = (await caught(h.client.contacts.list())) as KlinkHttpError;
    expect(error).toBeInstanceOf(KlinkHttpError);
    expect(error).toMatchObject({
      status: 429,
      retryAfterSeconds: 7,
      body: { status: "error", message: "Too many requests" },
    });
  });

  it("reports a connection reset as KlinkNetworkError", async () => {
    await h.control("POST", "faults", { pathPattern: "/api/v1/categories", mode: "reset" });
    const error = (await caught(h.client.categories.list())) as KlinkNetworkError;
    expect(error).toBeInstanceOf(KlinkNetworkError);
    expect(error.causeCode).toEqual(expect.any(String));
  });

  it("reports a stopped K-LINK as KlinkNetworkError (connection refused)", async () => {
    const gone = await startSimulator({ tokens: [TOKEN] });
    const client = createKlinkClient({ baseUrl: gone.url, token: TOKEN });
    await client.tags.list();
    await gone.stop();
    const error = (await caught(client.tags.list())) as KlinkNetworkError;
    expect(error).toBeInstanceOf(KlinkNetworkError);
    expect(error.causeCode).toBe("ECONNREFUSED");
    expect(error.message).not.toContain("127.0.0.1");
  });

  it("validates input before sending: a ZodError with field paths, and nothing reaches K-LINK", async () => {
    const error = await caught(
      h.client.call("tickets.create", {
        body: { title: "", contact_id: "c1", customFields: { trackingid: "x", cf_date: "23/10/2025" } },
      }),
    );
    expect(error).toBeInstanceOf(ZodError);
    const paths = (error as ZodError).issues.map((i) => i.path.join("."));
    expect(paths).toEqual(
      expect.arrayContaining(["body.title", "body.customFields.trackingid", "body.customFields.cf_date"]),
    );
    const pageError = (await caught(h.client.call("tickets.list", { query: { pageSize: "101" } }))) as ZodError;
    expect(pageError.issues[0].path).toEqual(["query", "pageSize"]);
    expect(await requests()).toEqual([]);
  });

  it("rethrows the caller's abort, not a K-LINK error, when the caller's signal aborts", async () => {
    await h.control("POST", "faults", { pathPattern: "/api/v1/tickets", mode: "hang" });
    const controller = new AbortController();
    const call = h.client.tickets.list(undefined, { signal: controller.signal, timeoutMs: 5000 });
    setTimeout(() => controller.abort(new Error("client went away")), 50);
    const error = (await caught(call)) as Error;
    expect(error.message).toBe("client went away");
  });

  it("sends the bearer token, accept header and the caller's request id, and encodes path ids", async () => {
    const { runWithRequestContext } = await import("../../../lib/log/request-context");
    await caught(
      runWithRequestContext({ requestId: "req-abcdef123" }, () =>
        h.client.contacts.get({ params: { id: "a?..#b c" } }),
      ),
    );
    const last = (await requests()).at(-1)!;
    expect(last).toMatchObject({ path: "/api/v1/contacts/a%3F..%23b%20c", endpoint: "contacts.get", status: 404 });
    expect(last.headers).toMatchObject({
      "x-request-id": "req-abcdef123",
      accept: "application/json",
      authorization: "Bearer [redacted]",
    });
  });
});
