// Who may export: EXPORT_MIN_ROLE (agent unless configured). Checked by the export door and again
// here in the data layer, whatever the caller checked. Server-only: reads the configuration.
import "server-only";
import { env } from "../env";
import type { Actor } from "../identity/actor";
import { assertRole } from "../identity/assert-role";
import { roleAtLeast, type Role } from "../identity/roles";

export function exportMinRole(): Role {
  return env().EXPORT_MIN_ROLE;
}

export function canExport(actor: Pick<Actor, "role">): boolean {
  return roleAtLeast(actor.role, exportMinRole());
}

export function assertCanExport(actor: Actor): void {
  assertRole(actor, exportMinRole());
}
