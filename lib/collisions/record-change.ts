import "server-only";
// Writes one recent change of a ticket or contact (RecordChange): from the console's own writes,
// with who made them, and from K-LINK's webhooks. Never throws: a change already made must not
// fail because its note could not be kept (it is logged).
import { db } from "../db/client";
import { logger } from "../log/logger";
import type { RecordType } from "./record-ref";

export type ChangeKind = "create" | "update" | "status" | "message" | "inbound" | "delete";

export type RecordChangeInput = {
  connectionId: string;
  type: RecordType;
  id: string;
  source: "console" | "klink";
  actor?: { userId: string; name: string };
  kind: ChangeKind;
  summary: string;
};

const MAX_SUMMARY = 300;

export async function recordChange(change: RecordChangeInput): Promise<void> {
  try {
    await db().recordChange.create({ data: rowOf(change) });
  } catch (error) {
    logger.error(
      { err: error, kind: change.kind, type: change.type },
      "could not record a change for collision warnings",
    );
  }
}

/** Several changes in one statement (a batch of K-LINK events); never throws either. */
export async function recordChanges(changes: RecordChangeInput[]): Promise<void> {
  if (changes.length === 0) return;
  try {
    await db().recordChange.createMany({ data: changes.map(rowOf) });
  } catch (error) {
    logger.error({ err: error, count: changes.length }, "could not record changes for collision warnings");
  }
}

function rowOf(change: RecordChangeInput) {
  return {
    connectionId: change.connectionId,
    resourceType: change.type,
    resourceId: change.id,
    source: change.source,
    actorUserId: change.actor?.userId ?? null,
    actorName: change.actor?.name ?? null,
    kind: change.kind,
    summary: change.summary.length > MAX_SUMMARY ? `${change.summary.slice(0, MAX_SUMMARY - 1)}…` : change.summary,
  };
}

export const CHANGE_RETENTION_MS = 24 * 60 * 60 * 1000;

/** Deletes changes older than a day: they only matter to pages open now. */
export async function purgeRecordChanges(now = new Date()): Promise<number> {
  const { count } = await db().recordChange.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - CHANGE_RETENTION_MS) } },
  });
  return count;
}
