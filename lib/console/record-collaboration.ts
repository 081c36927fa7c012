import "server-only";
// What a ticket or contact page needs for working together: whether the user follows it, their
// canned replies (agents and admins), and the moment the page was rendered (collision warnings
// count changes from then). Its notifications are marked read by the browser when the page opens
// (components/collab/presence.tsx), not by every live re-render.
import { listCannedReplies } from "../canned-replies/canned-replies";
import type { PublicCannedReply } from "../canned-replies/canned-reply-input";
import { recordKey, type RecordRef } from "../collisions/record-ref";
import type { Actor } from "../identity/actor";
import { roleAtLeast } from "../identity/roles";
import { logger } from "../log/logger";
import { isFollowing } from "../notifications/follows";

export type RecordCollaboration = {
  connectionId: string;
  record: string;
  following: boolean;
  cannedReplies: PublicCannedReply[] | undefined;
  renderedAt: string;
};

export async function recordCollaboration(
  actor: Actor,
  connectionId: string | undefined,
  ref: RecordRef,
): Promise<RecordCollaboration | null> {
  if (!connectionId) return null;
  const renderedAt = new Date().toISOString();
  try {
    const [following, cannedReplies] = await Promise.all([
      isFollowing(actor, { connectionId, ...ref }),
      roleAtLeast(actor.role, "agent") ? listCannedReplies(actor) : undefined,
    ]);
    return { connectionId, record: recordKey(ref), following, cannedReplies, renderedAt };
  } catch (error) {
    // The page shows K-LINK's data whatever happens to these extras.
    logger.warn({ err: error }, "could not load a page's collaboration data");
    return null;
  }
}
