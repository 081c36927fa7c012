import "server-only";
// Connections for the admin list (default first, then by name) and one connection by id.
import { db } from "../db/client";
import { notFound } from "../errors/api-error";
import { pageArgs, toPage, type PageQuery } from "../http/pagination";
import type { Actor } from "../identity/actor";
import { assertRole } from "../identity/assert-role";
import { toPublicConnection } from "./public-connection";

export async function listConnections(actor: Actor, page: Partial<PageQuery> = {}) {
  assertRole(actor, "admin");
  const rows = await db().klinkConnection.findMany({
    orderBy: [{ isDefault: "desc" }, { name: "asc" }, { id: "asc" }],
    ...pageArgs(page),
  });
  return toPage(rows, page, toPublicConnection);
}

export async function getConnection(actor: Actor, id: string) {
  assertRole(actor, "admin");
  const row = await db().klinkConnection.findUnique({ where: { id } });
  if (!row) throw notFound("No K-LINK connection has this id.");
  return toPublicConnection(row);
}
