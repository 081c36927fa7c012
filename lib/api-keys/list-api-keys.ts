import "server-only";
// A user's own API keys, newest first; admins may list everyone's.
import { db } from "../db/client";
import { pageArgs, toPage, type PageQuery } from "../http/pagination";
import type { Actor } from "../identity/actor";
import { assertRole } from "../identity/assert-role";
import { apiKeySelect, toPublicApiKey } from "./public-api-key";

export async function listApiKeys(actor: Actor, options: Partial<PageQuery> & { all?: boolean } = {}) {
  assertRole(actor, "viewer");
  if (options.all) assertRole(actor, "admin");
  const rows = await db().apiKey.findMany({
    where: options.all ? {} : { userId: actor.userId },
    select: apiKeySelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    ...pageArgs(options),
  });
  return toPage(rows, options, toPublicApiKey);
}
