import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "../../../app/api/events/route";
import { getEventBus } from "../../../lib/events/get-event-bus";
import type { LiveEvent } from "../../../lib/events/live-event";
import { resetDatabase } from "../../helpers/db";
import { createTestApiKey, jsonRequest, signedInAs } from "../../helpers/auth";

beforeAll(resetDatabase);

async function readUntil(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  predicate: (text: string) => boolean,
): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  while (!predicate(text)) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  return text;
}

function eventsRequest(headers: Record<string, string>, signal?: AbortSignal, search = "") {
  const req = jsonRequest(`/api/events${search}`, { headers });
  return new Request(req, { signal });
}

describe("GET /api/events", () => {
  it("needs a signed-in user", async () => {
    const res = await GET(eventsRequest({}));
    expect(res.status).toBe(401);
  });

  it("streams a published event to a connected viewer, then closes when the viewer leaves", async () => {
    const { headers } = await signedInAs("viewer");
    const leave = new AbortController();
    const res = await GET(eventsRequest(headers, leave.signal));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    const reader = res.body!.getReader();
    await readUntil(reader, (t) => t.includes(": connected"));
    const event: LiveEvent = {
      type: "ticket.updated",
      id: "t-1",
      connectionId: "conn-1",
      deliveryId: "d-1",
      at: new Date().toISOString(),
    };
    await getEventBus().publish(event);
    expect(await readUntil(reader, (t) => t.includes("\n\n"))).toBe(
      `id: ${Date.parse(event.at)}\ndata: ${JSON.stringify(event)}\n\n`,
    );
    leave.abort();
    expect((await reader.read()).done).toBe(true);
  });

  it("accepts a personal API key and filters by connection", async () => {
    const { user } = await signedInAs("agent");
    const { key } = await createTestApiKey(user.id);
    const leave = new AbortController();
    const res = await GET(eventsRequest({ authorization: `Bearer ${key}` }, leave.signal, "?connection=conn-2"));
    const reader = res.body!.getReader();
    await readUntil(reader, (t) => t.includes(": connected"));
    await getEventBus().publish({
      type: "contact.created",
      id: "c-1",
      connectionId: "conn-1",
      at: new Date().toISOString(),
    });
    await getEventBus().publish({
      type: "contact.updated",
      id: "c-2",
      connectionId: "conn-2",
      at: new Date().toISOString(),
    });
    const text = await readUntil(reader, (t) => t.includes("\n\n"));
    expect(text).toContain("contact.updated");
    expect(text).not.toContain("contact.created");
    leave.abort();
  });

  it("replays what a reconnecting browser missed since its Last-Event-ID, or since the page's render time", async () => {
    const { headers } = await signedInAs("viewer");
    const missed: LiveEvent = {
      type: "ticket.updated",
      id: "t-missed",
      connectionId: "conn-1",
      at: new Date().toISOString(),
    };
    await getEventBus().publish(missed);
    const heard = Date.parse(missed.at) - 60_000;
    for (const [extraHeaders, search] of [
      [{ "last-event-id": String(heard) }, ""],
      [{}, `?since=${heard}`],
    ] as const) {
      const leave = new AbortController();
      const res = await GET(eventsRequest({ ...headers, ...extraHeaders }, leave.signal, search));
      expect(res.status).toBe(200);
      expect(await readUntil(res.body!.getReader(), (t) => t.includes("t-missed"))).toContain(JSON.stringify(missed));
      leave.abort();
    }
    // A malformed Last-Event-ID resumes nothing; a malformed `since` is a 400 naming the field.
    const leave = new AbortController();
    const plain = await GET(eventsRequest({ ...headers, "last-event-id": "yesterday" }, leave.signal));
    const reader = plain.body!.getReader();
    await readUntil(reader, (t) => t.includes(": connected"));
    await getEventBus().publish({
      type: "contact.updated",
      id: "c-after",
      connectionId: "conn-1",
      at: new Date().toISOString(),
    });
    expect(await readUntil(reader, (t) => t.includes("c-after"))).not.toContain("t-missed");
    leave.abort();
    const bad = await GET(eventsRequest(headers, undefined, "?since=soon"));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain("since");
  });
});
