import "server-only";
// The connection a K-LINK call goes through, with its token decrypted (server-only; never sent
// to a browser). No id → the default connection. The base URL is checked again against the
// current KLINK_ALLOWED_HOSTS, so narrowing the allow-list takes effect for stored connections.
import { db } from "../db/client";
import { perConfiguration } from "../env";
import { ApiError, notFound } from "../errors/api-error";
import { logger } from "../log/logger";
import type { Actor } from "../identity/actor";
import { assertRole } from "../identity/assert-role";
import { decryptSecret } from "../crypto/secret-box";
import { checkBaseUrl } from "./base-url";
import { cachedConnectionValue } from "./connection-cache";

export type ResolvedConnection = { id: string; name: string; baseUrl: string; token: string };

export async function resolveConnection(actor: Actor, connectionId?: string): Promise<ResolvedConnection> {
  assertRole(actor, "viewer");
  const connection = await cachedConnectionValue(`resolved:${connectionId ?? "default"}`, () =>
    loadConnection(connectionId),
  );
  if (!connection) {
    if (connectionId) throw notFound("No K-LINK connection has this id.");
    throw new ApiError(
      "no_connection",
      "No K-LINK connection is configured. An admin can add one under Admin → Connections.",
    );
  }
  const allowed = baseUrlCheck(connection);
  if (!allowed.ok)
    throw new ApiError(
      "connection_not_allowed",
      `The base URL of connection "${connection.name}" is no longer allowed: it ${allowed.message}.`,
    );
  return connection;
}

// The check of a resolved connection's base URL against the configuration, made once per
// connection object (the connection cache hands out the same one for a few seconds) and
// configuration read (env() is read anew only when it is reset).
const baseUrlCheck = perConfiguration((connection: ResolvedConnection, config) =>
  checkBaseUrl(connection.baseUrl, config),
);

async function loadConnection(connectionId?: string): Promise<ResolvedConnection | null> {
  const row = connectionId
    ? await db().klinkConnection.findUnique({ where: { id: connectionId } })
    : // The default; should the flag ever be missing, the oldest connection.
      await db().klinkConnection.findFirst({ orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }, { id: "asc" }] });
  if (!row) return null;
  try {
    return { id: row.id, name: row.name, baseUrl: row.baseUrl, token: decryptSecret(row.tokenCiphertext) };
  } catch (error) {
    logger.error({ connectionId: row.id, err: error }, "cannot decrypt a connection's token");
    throw new ApiError(
      "connection_unavailable",
      "The K-LINK token of this connection cannot be decrypted: an admin must check APP_ENCRYPTION_KEY.",
    );
  }
}
