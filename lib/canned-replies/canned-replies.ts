import "server-only";
// Canned replies in the data layer: agents and admins use their own and the shared ones; a
// personal reply is its owner's alone (others get 404); shared ones are created, changed and
// deleted by admins. Viewers send no messages, so they have none. Every change is audited.
import type { z } from "zod";
import type { Audit } from "../audit/request-audit";
import { db } from "../db/client";
import { ApiError, forbidden, notFound } from "../errors/api-error";
import type { Actor } from "../identity/actor";
import { assertRole } from "../identity/assert-role";
import { roleAtLeast } from "../identity/roles";
import { zodFieldErrors } from "../errors/zod-field-errors";
import {
  cannedReplyCreateSchema,
  cannedReplyUpdateSchema,
  type CannedReplyCreateInput,
  type CannedReplyUpdateInput,
  type PublicCannedReply,
} from "./canned-reply-input";

type Row = { id: string; ownerId: string | null; name: string; body: string; updatedAt: Date };

function toPublic(actor: Actor, row: Row): PublicCannedReply {
  const shared = row.ownerId === null;
  return {
    id: row.id,
    name: row.name,
    body: row.body,
    shared,
    editable: shared ? roleAtLeast(actor.role, "admin") : row.ownerId === actor.userId,
    updatedAt: row.updatedAt.toISOString(),
  };
}

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success)
    throw new ApiError("validation_failed", "The canned reply is not valid.", {
      fields: zodFieldErrors(result.error, "body"),
    });
  return result.data;
}

/** The caller's personal replies and the shared ones, by name. */
export async function listCannedReplies(actor: Actor): Promise<PublicCannedReply[]> {
  assertRole(actor, "agent");
  const rows = await db().cannedReply.findMany({
    where: { OR: [{ ownerId: actor.userId }, { ownerId: null }] },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: 500,
  });
  return rows.map((row) => toPublic(actor, row));
}

export async function createCannedReply(actor: Actor, input: CannedReplyCreateInput, audit: Audit) {
  assertRole(actor, "agent");
  const { name, body, shared } = parse(cannedReplyCreateSchema, input);
  if (shared && !roleAtLeast(actor.role, "admin")) throw forbidden("Only admins create shared canned replies.");
  const row = await db().cannedReply.create({
    data: { name, body, ownerId: shared ? null : actor.userId, createdBy: actor.userId },
  });
  await audit({
    action: "canned_reply.create",
    outcome: "success",
    target: { type: "canned_reply", id: row.id },
    after: { name, body, shared },
  });
  return toPublic(actor, row);
}

/** The reply, when the caller may change it: 404 for someone else's personal reply, 403 for a shared one and a non-admin. */
async function editableRow(actor: Actor, id: string): Promise<Row> {
  const row = await db().cannedReply.findUnique({ where: { id } });
  if (!row || (row.ownerId !== null && row.ownerId !== actor.userId))
    throw notFound("You have no canned reply with this id.");
  if (row.ownerId === null && !roleAtLeast(actor.role, "admin"))
    throw forbidden("Only admins change or delete shared canned replies.");
  return row;
}

export async function updateCannedReply(actor: Actor, id: string, input: CannedReplyUpdateInput, audit: Audit) {
  assertRole(actor, "agent");
  const change = parse(cannedReplyUpdateSchema, input);
  const before = await editableRow(actor, id);
  const row = await db().cannedReply.update({ where: { id }, data: change });
  await audit({
    action: "canned_reply.update",
    outcome: "success",
    target: { type: "canned_reply", id },
    before: { name: before.name, body: before.body },
    after: { name: row.name, body: row.body },
  });
  return toPublic(actor, row);
}

export async function deleteCannedReply(actor: Actor, id: string, audit: Audit) {
  assertRole(actor, "agent");
  const before = await editableRow(actor, id);
  await db().cannedReply.delete({ where: { id } });
  await audit({
    action: "canned_reply.delete",
    outcome: "success",
    target: { type: "canned_reply", id },
    before: { name: before.name, body: before.body, shared: before.ownerId === null },
  });
  return { id, deleted: true };
}
