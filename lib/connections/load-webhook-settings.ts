import "server-only";
// The decrypted webhook verification settings of a connection, for the (unauthenticated)
// webhook receiver. null when the connection does not exist.
import { db } from "../db/client";
import type { WebhookSettings } from "./webhook-settings";
import { cachedConnectionValue } from "./connection-cache";
import { decryptWebhook } from "./webhook-config";

export function loadWebhookSettings(connectionId: string): Promise<WebhookSettings | null> {
  return cachedConnectionValue(`webhook:${connectionId}`, async () => {
    const row = await db().klinkConnection.findUnique({
      where: { id: connectionId },
      select: { id: true, webhookMode: true, webhookCiphertext: true },
    });
    if (!row) return null;
    const { mode, stored } = decryptWebhook(row.webhookMode, row.webhookCiphertext);
    return {
      connectionId: row.id,
      mode,
      secrets: [stored.secret, stored.previousSecret].filter((s): s is string => Boolean(s)),
      username: stored.username,
      password: stored.password,
      headerName: stored.headerName,
      headerValue: stored.headerValue,
    };
  });
}
