import "server-only";
// Saved views of the ticket and contact lists, per K-LINK connection. Who may do what is checked
// here, whatever the door checked: anyone signed in keeps personal views and sees the shared ones;
// agents and admins may share; a view is changed or deleted by its owner, and a shared one also by
// any admin. Other people's personal views are never shown, nor told apart from missing ones.
// Every change is audited.
import type { Audit } from "../audit/request-audit";
import { db } from "../db/client";
import { ApiError, forbidden, notFound } from "../errors/api-error";
import type { Actor } from "../identity/actor";
import { assertRole } from "../identity/assert-role";
import { roleAtLeast } from "../identity/roles";
import type { CreateViewInput, UpdateViewInput } from "./view-input";
import { normalViewQuery, viewHref, type ViewList } from "./view-query";

/** Per user and connection: enough for any working day, small enough to list in the navigation. */
export const MAX_VIEWS_PER_USER = 50;

export type SavedView = {
  id: string;
  list: ViewList;
  name: string;
  query: string;
  href: string;
  shared: boolean;
  ownerId: string;
  ownerName: string | null;
  mine: boolean;
  isDefault: boolean;
  /** Whether the caller may rename, re-share or delete it. */
  canEdit: boolean;
};

type Row = {
  id: string;
  list: string;
  name: string;
  query: string;
  shared: boolean;
  ownerId: string;
  connectionId: string;
};

const canEdit = (actor: Actor, row: Pick<Row, "ownerId" | "shared">) =>
  row.ownerId === actor.userId || (row.shared && roleAtLeast(actor.role, "admin"));

const visibleTo = (actor: Actor) => ({ OR: [{ ownerId: actor.userId }, { shared: true }] });

export async function listViews(actor: Actor, connectionId: string, list?: ViewList): Promise<SavedView[]> {
  assertRole(actor, "viewer");
  const [rows, defaults] = await Promise.all([
    db().savedView.findMany({
      where: { connectionId, ...(list ? { list } : {}), ...visibleTo(actor) },
      orderBy: [{ list: "desc" }, { name: "asc" }, { id: "asc" }],
    }),
    db().savedViewDefault.findMany({ where: { userId: actor.userId, connectionId } }),
  ]);
  const owners = await db().user.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.ownerId))] } },
    select: { id: true, name: true },
  });
  const ownerName = new Map(owners.map((o) => [o.id, o.name]));
  const defaultIds = new Set(defaults.map((d) => d.viewId));
  return rows.map((row) => ({
    id: row.id,
    list: row.list as ViewList,
    name: row.name,
    query: row.query,
    href: viewHref(row.list as ViewList, row.query),
    shared: row.shared,
    ownerId: row.ownerId,
    ownerName: ownerName.get(row.ownerId) ?? null,
    mine: row.ownerId === actor.userId,
    isDefault: defaultIds.has(row.id),
    canEdit: canEdit(actor, row),
  }));
}

export async function createView(
  actor: Actor,
  connectionId: string,
  input: CreateViewInput,
  audit: Audit,
): Promise<SavedView> {
  assertRole(actor, "viewer");
  if (input.shared) assertCanShare(actor);
  const count = await db().savedView.count({ where: { ownerId: actor.userId, connectionId } });
  if (count >= MAX_VIEWS_PER_USER)
    throw new ApiError("conflict", `You have ${MAX_VIEWS_PER_USER} saved views already; delete one first.`);
  const row = await db().savedView.create({
    data: {
      connectionId,
      ownerId: actor.userId,
      list: input.list,
      name: input.name,
      query: normalViewQuery(input.list, input.query),
      shared: input.shared,
    },
  });
  if (input.makeDefault) await storeDefault(actor, connectionId, input.list, row.id);
  await audit({
    action: "view.create",
    outcome: "success",
    target: { type: "saved_view", id: row.id },
    connectionId,
    after: describe(row, input.makeDefault),
  });
  return (await listViews(actor, connectionId, input.list)).find((v) => v.id === row.id)!;
}

export async function updateView(actor: Actor, id: string, input: UpdateViewInput, audit: Audit): Promise<SavedView> {
  const before = await editableView(actor, id);
  if (input.shared === true && !before.shared) assertCanShare(actor);
  const after = await db().savedView.update({
    where: { id },
    data: {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.query !== undefined ? { query: normalViewQuery(before.list as ViewList, input.query) } : {}),
      ...(input.shared !== undefined ? { shared: input.shared } : {}),
    },
  });
  // A view made personal again is no one else's default any more.
  if (before.shared && !after.shared)
    await db().savedViewDefault.deleteMany({ where: { viewId: id, userId: { not: after.ownerId } } });
  await audit({
    action: "view.update",
    outcome: "success",
    target: { type: "saved_view", id },
    connectionId: after.connectionId,
    before: describe(before),
    after: describe(after),
  });
  return (await listViews(actor, after.connectionId, after.list as ViewList)).find((v) => v.id === id)!;
}

export async function deleteView(actor: Actor, id: string, audit: Audit): Promise<void> {
  const row = await editableView(actor, id);
  await db().savedView.delete({ where: { id } });
  await audit({
    action: "view.delete",
    outcome: "success",
    target: { type: "saved_view", id },
    connectionId: row.connectionId,
    before: describe(row),
  });
}

/** The view the caller's list opens with (null: none). */
export async function setDefaultView(
  actor: Actor,
  connectionId: string,
  list: ViewList,
  viewId: string | null,
  audit: Audit,
): Promise<void> {
  assertRole(actor, "viewer");
  if (viewId === null) {
    await db().savedViewDefault.deleteMany({ where: { userId: actor.userId, connectionId, list } });
  } else {
    const view = await db().savedView.findFirst({ where: { id: viewId, connectionId, list, ...visibleTo(actor) } });
    if (!view)
      throw new ApiError("validation_failed", "No saved view of this list has this id.", {
        fields: { "body.viewId": ["no saved view of this list has this id"] },
      });
    await storeDefault(actor, connectionId, list, viewId);
  }
  await audit({
    action: "view.default",
    outcome: "success",
    target: { type: "saved_view", id: viewId },
    connectionId,
    details: { list, viewId },
  });
}

async function storeDefault(actor: Actor, connectionId: string, list: string, viewId: string): Promise<void> {
  await db().savedViewDefault.upsert({
    where: { userId_connectionId_list: { userId: actor.userId, connectionId, list } },
    create: { userId: actor.userId, connectionId, list, viewId },
    update: { viewId },
  });
}

async function editableView(actor: Actor, id: string): Promise<Row> {
  assertRole(actor, "viewer");
  const row = await db().savedView.findFirst({ where: { id, ...visibleTo(actor) } });
  if (!row) throw notFound("No saved view has this id.");
  if (!canEdit(actor, row)) throw forbidden("Only its owner or an admin may change a shared view.");
  return row;
}

function assertCanShare(actor: Actor): void {
  if (!roleAtLeast(actor.role, "agent")) throw forbidden("Viewers keep personal views; agents and admins may share.");
}

function describe(row: Row, makeDefault?: boolean) {
  return {
    list: row.list,
    name: row.name,
    query: row.query,
    shared: row.shared,
    ownerId: row.ownerId,
    ...(makeDefault ? { makeDefault } : {}),
  };
}
