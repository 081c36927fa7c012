import "server-only";
// Removes a connection (its stored webhook deliveries stay, for the history). When the default
// goes, the oldest remaining connection becomes the default.
import { db } from "../db/client";
import { notFound } from "../errors/api-error";
import type { Actor } from "../identity/actor";
import { assertRole } from "../identity/assert-role";
import type { Audit } from "../audit/request-audit";
import { forgetCircuit } from "../resilience/circuit-breakers";
import { forgetCachedConnections } from "./connection-cache";
import { connectionSnapshot, toPublicConnection } from "./public-connection";

export async function deleteConnection(actor: Actor, id: string, audit: Audit) {
  assertRole(actor, "admin");
  const removed = await db().$transaction(async (tx) => {
    const row = await tx.klinkConnection.findUnique({ where: { id } });
    if (!row) throw notFound("No K-LINK connection has this id.");
    await tx.klinkConnection.delete({ where: { id } });
    if (row.isDefault) {
      const next = await tx.klinkConnection.findFirst({
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true },
      });
      if (next) await tx.klinkConnection.update({ where: { id: next.id }, data: { isDefault: true } });
    }
    return row;
  });
  forgetCachedConnections();
  forgetCircuit(id);
  await audit({
    action: "connection.delete",
    outcome: "success",
    target: { type: "connection", id },
    connectionId: id,
    before: connectionSnapshot(toPublicConnection(removed)),
  });
}
