import "server-only";
// A browser tab says it has a record open (and whether its user is editing or replying) every few
// seconds, and that it left when it closes. Others on the record see it within a heartbeat, and at
// once when something changed: a live event "presence.changed" (ids only) goes out over the event
// bus, across instances with Redis. A tab that vanished without a word drops out after
// PRESENCE_TTL_MS.
import type { LiveEvent } from "../events/live-event";
import type { Actor } from "../identity/actor";
import { assertRole } from "../identity/assert-role";
import { recordKey, type RecordRef } from "../collisions/record-ref";
import type { PresenceState, PresenceStore } from "./presence-store";

export const PRESENCE_TTL_MS = 12_000;
export const PRESENCE_EVENT = "presence.changed";

export type PresenceDeps = { store: PresenceStore; publish: (event: LiveEvent) => Promise<void>; now?: () => number };

export type PresentUser = { userId: string; name: string; state: PresenceState };

const STRENGTH: Record<PresenceState, number> = { viewing: 0, editing: 1, replying: 2 };

const storeKey = (connectionId: string, record: RecordRef) => `${connectionId}|${recordKey(record)}`;

export async function heartbeat(
  actor: Actor,
  input: { connectionId: string; record: RecordRef; tab: string; state: PresenceState },
  deps: PresenceDeps,
): Promise<PresentUser[]> {
  assertRole(actor, "viewer");
  const now = (deps.now ?? Date.now)();
  const key = storeKey(input.connectionId, input.record);
  const previous = await deps.store.put(
    key,
    {
      tab: input.tab,
      userId: actor.userId,
      name: actor.name || actor.email,
      state: input.state,
      expiresAt: now + PRESENCE_TTL_MS,
    },
    now,
  );
  if (!previous || previous.state !== input.state) await announce(input.connectionId, input.record, deps, now);
  return othersOn(actor, key, deps.store, now);
}

export async function leave(
  actor: Actor,
  input: { connectionId: string; record: RecordRef; tab: string },
  deps: PresenceDeps,
): Promise<void> {
  assertRole(actor, "viewer");
  const now = (deps.now ?? Date.now)();
  const key = storeKey(input.connectionId, input.record);
  const mine = (await deps.store.list(key, now)).find((entry) => entry.tab === input.tab);
  // A tab id is not a secret: only its own user may end its presence.
  if (mine && mine.userId !== actor.userId) return;
  if (await deps.store.remove(key, input.tab)) await announce(input.connectionId, input.record, deps, now);
}

/** Everyone else on the record, once per user, with what they are doing (replying > editing > viewing). */
async function othersOn(actor: Actor, key: string, store: PresenceStore, now: number): Promise<PresentUser[]> {
  const byUser = new Map<string, PresentUser>();
  for (const entry of await store.list(key, now)) {
    if (entry.userId === actor.userId) continue;
    const known = byUser.get(entry.userId);
    if (!known || STRENGTH[entry.state] > STRENGTH[known.state])
      byUser.set(entry.userId, { userId: entry.userId, name: entry.name, state: entry.state });
  }
  return [...byUser.values()].sort((a, b) => a.name.localeCompare(b.name));
}

async function announce(connectionId: string, record: RecordRef, deps: PresenceDeps, now: number): Promise<void> {
  await deps.publish({ type: PRESENCE_EVENT, connectionId, id: recordKey(record), at: new Date(now).toISOString() });
}
