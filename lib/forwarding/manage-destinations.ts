import "server-only";
// Adding, changing, deleting and listing forwarding destinations (admins only, and only a person
// signed in: a destination decides where K-LINK's events go). Every change is audited with
// before/after, never a secret. The signing secret is returned once, by create and rotate.
import { db } from "../db/client";
import { encryptSecret } from "../crypto/secret-box";
import { ApiError, conflict, notFound } from "../errors/api-error";
import type { Actor } from "../identity/actor";
import { assertRole } from "../identity/assert-role";
import { assertSession } from "../identity/session-only";
import type { Audit } from "../audit/request-audit";
import { checkOutboundUrlResolved } from "../http/ssrf-guard";
import { pageArgs, toPage, type PageQuery } from "../http/pagination";
import { Prisma } from "../db/generated/sqlite/client";
import {
  createDestinationSchema,
  updateDestinationSchema,
  type CreateDestinationInput,
  type UpdateDestinationInput,
} from "./destination-input";
import { forwardPolicy } from "./forward-policy";
import { destinationSnapshot, toPublicDestination } from "./public-destination";
import { newSigningSecret } from "./signing";

const DEFAULT_GRACE_SECONDS = 24 * 60 * 60;

function assertManager(actor: Actor): void {
  assertRole(actor, "admin");
  assertSession(actor, "destinations.manage");
}

async function assertReachableUrl(url: string): Promise<void> {
  const checked = await checkOutboundUrlResolved(url, forwardPolicy());
  if (!checked.ok)
    throw new ApiError("validation_failed", "The destination URL is refused.", {
      fields: { url: [checked.message] },
    });
}

async function assertNameFree(name: string, exceptId?: string): Promise<void> {
  const taken = await db().forwardDestination.findUnique({ where: { name }, select: { id: true } });
  if (taken && taken.id !== exceptId) throw conflict(`A destination named "${name}" already exists.`);
}

async function loadRow(id: string) {
  const row = await db().forwardDestination.findUnique({ where: { id } });
  if (!row) throw notFound("No destination has this id.");
  return row;
}

export async function listDestinations(actor: Actor, page: Partial<PageQuery> = {}) {
  assertRole(actor, "admin");
  const rows = await db().forwardDestination.findMany({ ...pageArgs(page), orderBy: { id: "asc" } });
  return toPage(rows, page, (row) => toPublicDestination(row));
}

export async function getDestination(actor: Actor, id: string) {
  assertRole(actor, "admin");
  return toPublicDestination(await loadRow(id));
}

export async function createDestination(actor: Actor, input: CreateDestinationInput, audit: Audit) {
  assertManager(actor);
  const data = createDestinationSchema.parse(input);
  await assertReachableUrl(data.url);
  await assertNameFree(data.name);
  const signingSecret = newSigningSecret();
  const row = await db().forwardDestination.create({
    data: {
      name: data.name,
      url: data.url,
      enabled: data.enabled ?? true,
      eventTypes: data.eventTypes?.length ? data.eventTypes : undefined,
      connectionIds: data.connectionIds?.length ? data.connectionIds : undefined,
      headerName: data.header?.name ?? null,
      headerValueCiphertext: data.header ? encryptSecret(data.header.value) : null,
      secretCiphertext: encryptSecret(signingSecret),
      rateLimitPerSecond: data.rateLimitPerSecond,
      timeoutMs: data.timeoutMs,
    },
  });
  const view = toPublicDestination(row);
  await audit({
    action: "destination.create",
    outcome: "success",
    target: { type: "destination", id: row.id },
    after: destinationSnapshot(view),
  });
  return { ...view, signingSecret };
}

export async function updateDestination(actor: Actor, id: string, input: UpdateDestinationInput, audit: Audit) {
  assertManager(actor);
  const data = updateDestinationSchema.parse(input);
  const before = await loadRow(id);
  if (data.url !== undefined) await assertReachableUrl(data.url);
  if (data.name !== undefined) await assertNameFree(data.name, id);
  const reenabled = data.enabled === true && !before.enabled;
  const row = await db().forwardDestination.update({
    where: { id },
    data: {
      name: data.name,
      url: data.url,
      enabled: data.enabled,
      // A list that is empty or null means every event / every connection.
      eventTypes: data.eventTypes === undefined ? undefined : data.eventTypes?.length ? data.eventTypes : jsonNull(),
      connectionIds:
        data.connectionIds === undefined ? undefined : data.connectionIds?.length ? data.connectionIds : jsonNull(),
      ...(data.header === undefined
        ? {}
        : data.header === null
          ? { headerName: null, headerValueCiphertext: null }
          : { headerName: data.header.name, headerValueCiphertext: encryptSecret(data.header.value) }),
      rateLimitPerSecond: data.rateLimitPerSecond,
      timeoutMs: data.timeoutMs,
      // Whatever disabled it (an admin, a 410, a long failure), enabling starts afresh.
      ...(reenabled ? { disabledReason: null, disabledAt: null, failingSince: null } : {}),
      ...(data.enabled === false && before.enabled ? { disabledAt: new Date(), disabledReason: null } : {}),
    },
  });
  const view = toPublicDestination(row);
  await audit({
    action: "destination.update",
    outcome: "success",
    target: { type: "destination", id },
    before: destinationSnapshot(toPublicDestination(before)),
    after: destinationSnapshot(view),
  });
  return view;
}

export async function deleteDestination(actor: Actor, id: string, audit: Audit): Promise<void> {
  assertManager(actor);
  const before = await loadRow(id);
  await db().forwardDestination.delete({ where: { id } });
  await audit({
    action: "destination.delete",
    outcome: "success",
    target: { type: "destination", id },
    before: destinationSnapshot(toPublicDestination(before)),
  });
}

/** A new signing secret, returned once; the current one keeps signing for `graceSeconds`. */
export async function rotateDestinationSecret(
  actor: Actor,
  id: string,
  graceSeconds: number | undefined,
  audit: Audit,
  now = new Date(),
) {
  assertManager(actor);
  const before = await loadRow(id);
  const grace = graceSeconds ?? DEFAULT_GRACE_SECONDS;
  const signingSecret = newSigningSecret();
  const row = await db().forwardDestination.update({
    where: { id },
    data: {
      secretCiphertext: encryptSecret(signingSecret),
      previousSecretCiphertext: grace > 0 ? before.secretCiphertext : null,
      previousSecretExpiresAt: grace > 0 ? new Date(now.getTime() + grace * 1000) : null,
    },
  });
  const view = toPublicDestination(row, now);
  await audit({
    action: "destination.rotate_secret",
    outcome: "success",
    target: { type: "destination", id },
    details: { graceSeconds: grace },
  });
  return { ...view, signingSecret };
}

function jsonNull() {
  return Prisma.DbNull;
}
