import "server-only";
// The connections a signed-in user may switch between: names and ids only (no base URL, no
// hints), default first. Any role may see them; only admins manage them (list-connections.ts).
import { db } from "../db/client";
import type { Actor } from "../identity/actor";
import { assertRole } from "../identity/assert-role";
import { cachedConnectionValue } from "./connection-cache";

export type ConnectionChoice = { id: string; name: string; isDefault: boolean };

export async function listConnectionChoices(actor: Actor): Promise<ConnectionChoice[]> {
  assertRole(actor, "viewer");
  return cachedConnectionValue("choices", () =>
    db().klinkConnection.findMany({
      orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }, { id: "asc" }],
      select: { id: true, name: true, isDefault: true },
    }),
  );
}
