// The data-access layer's own role check: every lib function that changes or reveals protected
// data calls it, so a page or handler that forgot its guard still cannot leak. The doors refuse
// with the same error (roleDenied), so a caller reads one message wherever it was stopped.
import { ApiError, forbidden } from "../errors/api-error";
import type { Actor } from "./actor";
import { roleAtLeast, type Role } from "./roles";

export function roleDenied(minimum: Role, actual: Role): ApiError {
  return forbidden(`This needs the ${minimum} role; you are signed in as ${actual}.`);
}

export function assertRole(actor: Actor, minimum: Role): void {
  if (!roleAtLeast(actor.role, minimum)) throw roleDenied(minimum, actor.role);
}
