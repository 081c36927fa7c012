// What the interim home page shows in demo mode: a few counts and the newest tickets, read live
// from K-LINK (the demo's simulator) through the typed client with KLINK_DEMO_BASE_URL/TOKEN.
// Replaced by the signed-in console once connections are stored in the database.
import "server-only";
import { env } from "../env";
import { logger } from "../log/logger";
import { createKlinkClient } from "./client";
import { isKlinkError } from "./errors";
import type { EndpointResponse } from "./registry";

export type DemoTicket = EndpointResponse<"tickets.list">["data"][number];

export type DemoOverview =
  | { state: "unconfigured" }
  | { state: "unavailable"; reason: string }
  | {
      state: "ok";
      contacts: number;
      tickets: number;
      openTickets: number;
      channels: string[];
      newestTickets: DemoTicket[];
      latencyMs: number;
    };

export async function loadDemoOverview(): Promise<DemoOverview> {
  const { DEMO_MODE, KLINK_DEMO_BASE_URL: baseUrl, KLINK_DEMO_TOKEN: token, KLINK_TIMEOUT_MS } = env();
  // The page is public until sign-in lands: it never shows a tenant's data outside demo mode.
  if (!DEMO_MODE || !baseUrl || !token) return { state: "unconfigured" };
  const client = createKlinkClient({ baseUrl, token, timeoutMs: KLINK_TIMEOUT_MS });
  const started = performance.now();
  try {
    const [tickets, open, contacts, channels] = await Promise.all([
      client.tickets.list({ query: { pageSize: 10 } }),
      client.tickets.list({ query: { status: "open", pageSize: 1 } }),
      client.contacts.list({ query: { pageSize: 1 } }),
      client.channels.list({ query: { pageSize: 100 } }),
    ]);
    return {
      state: "ok",
      contacts: contacts.data.total,
      tickets: tickets.data.total,
      openTickets: open.data.total,
      channels: channels.data.data.map((c) => c.name),
      newestTickets: tickets.data.data,
      latencyMs: Math.round(performance.now() - started),
    };
  } catch (error) {
    if (!isKlinkError(error)) throw error;
    logger.warn({ err: { name: error.name, message: error.message } }, "demo overview: K-LINK call failed");
    // The error's name says what kind of trouble it is; its details stay in the log.
    const reason = {
      KlinkHttpError: "K-LINK answered with an error",
      KlinkTimeoutError: "K-LINK did not answer in time",
      KlinkNetworkError: "K-LINK could not be reached",
      KlinkResponseShapeError: "K-LINK answered with data of an unexpected shape",
    }[error.name];
    return { state: "unavailable", reason };
  }
}
