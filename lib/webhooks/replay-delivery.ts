import "server-only";
// An admin re-runs the processing of one stored delivery (after fixing what made it fail, or to
// push its effects again). Audited whatever the outcome; forged, duplicate and too-old
// deliveries are refused, never processed.
import type { Actor } from "../identity/actor";
import { assertRole } from "../identity/assert-role";
import type { Audit } from "../audit/request-audit";
import { conflict, notFound } from "../errors/api-error";
import type { DeliveryProcessor } from "./process-deliveries";

export async function replayDelivery(
  actor: Actor,
  deliveryId: string,
  audit: Audit,
  processor: Pick<DeliveryProcessor, "replay">,
) {
  assertRole(actor, "admin");
  const outcome = await processor.replay(deliveryId);
  const target = { type: "webhook_delivery", id: deliveryId };
  switch (outcome.kind) {
    case "not_found":
      throw notFound("No webhook delivery has this id.");
    case "not_replayable":
      await audit({ action: "webhook.replay", outcome: "denied", target, details: { reason: outcome.reason } });
      throw conflict(outcome.reason);
    case "busy":
      await audit({ action: "webhook.replay", outcome: "failure", target, details: { reason: "being processed" } });
      throw conflict("This delivery is being processed right now; try again in a moment.");
    case "done":
      await audit({
        action: "webhook.replay",
        outcome: outcome.status === "processed" ? "success" : "failure",
        target,
        details: { status: outcome.status, lastError: outcome.lastError },
      });
      return { id: deliveryId, status: outcome.status, lastError: outcome.lastError };
  }
}
