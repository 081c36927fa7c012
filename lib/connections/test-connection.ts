import "server-only";
// "Test connection": one cheap, read-only K-LINK call (categories.list) through the connection's
// stored URL and token, classified so an admin can tell a wrong token from a host that does not
// answer. The outcome is the answer, not an error: a failed test is still a successful test.
import type { Actor } from "../identity/actor";
import { assertRole } from "../identity/assert-role";
import type { Audit } from "../audit/request-audit";
import { createKlinkClient } from "../klink/client";
import { KlinkHttpError, KlinkNetworkError, KlinkResponseShapeError, KlinkTimeoutError } from "../klink/errors";
import { logger } from "../log/logger";
import { resolveConnection } from "./resolve-connection";

export type ConnectionTestResult = {
  result: "ok" | "unauthorized" | "unreachable" | "error";
  latencyMs: number;
  status?: number;
};

/** Shorter than the proxy's timeout: an admin is waiting for the answer. */
export const CONNECTION_TEST_TIMEOUT_MS = 5000;

export async function testConnection(actor: Actor, id: string, audit: Audit): Promise<ConnectionTestResult> {
  assertRole(actor, "admin");
  const connection = await resolveConnection(actor, id);
  const started = performance.now();
  let answer: Omit<ConnectionTestResult, "latencyMs">;
  try {
    const client = createKlinkClient({
      baseUrl: connection.baseUrl,
      token: connection.token,
      timeoutMs: CONNECTION_TEST_TIMEOUT_MS,
    });
    answer = { result: "ok", status: (await client.call("categories.list")).status };
  } catch (error) {
    answer = classify(error);
    // Logged by class and message only (lib/log/logger.ts): neither carries the token.
    if (answer.result === "error") logger.warn({ connectionId: id, err: error }, "connection test failed");
  }
  const outcome: ConnectionTestResult = { ...answer, latencyMs: Math.round(performance.now() - started) };
  await audit({
    action: "connection.test",
    outcome: outcome.result === "ok" ? "success" : "failure",
    target: { type: "connection", id },
    connectionId: id,
    upstreamStatus: outcome.status ?? null,
    latencyMs: outcome.latencyMs,
    details: { result: outcome.result },
  });
  return outcome;
}

function classify(error: unknown): Omit<ConnectionTestResult, "latencyMs"> {
  if (error instanceof KlinkHttpError)
    return { result: error.status === 401 || error.status === 403 ? "unauthorized" : "error", status: error.status };
  if (error instanceof KlinkNetworkError || error instanceof KlinkTimeoutError) return { result: "unreachable" };
  if (error instanceof KlinkResponseShapeError) return { result: "error", status: error.status };
  return { result: "error" };
}
