import "server-only";
// Users for the admin list, by e-mail address, with cursor pagination.
import { db } from "../db/client";
import { notFound } from "../errors/api-error";
import { pageArgs, toPage, type PageQuery } from "../http/pagination";
import type { Actor } from "../identity/actor";
import { assertRole } from "../identity/assert-role";
import { toPublicUser, userSelect } from "./public-user";

export async function listUsers(actor: Actor, page: Partial<PageQuery> = {}) {
  assertRole(actor, "admin");
  const rows = await db().user.findMany({
    select: userSelect,
    orderBy: [{ email: "asc" }, { id: "asc" }],
    ...pageArgs(page),
  });
  return toPage(rows, page, toPublicUser);
}

export async function getUser(actor: Actor, id: string) {
  assertRole(actor, "admin");
  const row = await db().user.findUnique({ where: { id }, select: userSelect });
  if (!row) throw notFound("No user has this id.");
  return toPublicUser(row);
}
