"use server";
// Server actions of the webhook history: the same lib functions, checks and audit as the API.
import { revalidatePath } from "next/cache";
import { loadWebhookSettings } from "@/lib/connections/load-webhook-settings";
import { env } from "@/lib/env";
import { guardedAction, type ActionResult } from "@/lib/doors/server-action";
import { replayDelivery } from "@/lib/webhooks/replay-delivery";
import { sendTestEvent } from "@/lib/webhooks/send-test-event";
import { webhookProcessor } from "@/lib/webhooks/webhook-runtime";

const field = (form: FormData, name: string) => String(form.get(name) ?? "").slice(0, 128);

export async function replayAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return guardedAction("admin", async (actor, audit) => {
    const id = field(form, "id");
    const result = await replayDelivery(actor, id, audit, webhookProcessor());
    revalidatePath(`/admin/webhooks/${id}`);
    return {
      message:
        result.status === "processed"
          ? "Processed again."
          : `Processing failed again (${result.status}): ${result.lastError ?? "unknown error"}`,
    };
  });
}

export async function sendTestEventAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return guardedAction("admin", async (actor, audit) => {
    const result = await sendTestEvent(actor, field(form, "connectionId"), audit, {
      publicOrigin: env().NEXTAUTH_URL,
      loadSettings: loadWebhookSettings,
    });
    revalidatePath("/admin/webhooks");
    const message =
      result.result === "accepted"
        ? `Accepted by ${result.endpointUrl} in ${result.latencyMs} ms.`
        : result.result === "rejected"
          ? `Answered ${result.status} by ${result.endpointUrl}: check the connection's webhook settings.`
          : `${result.endpointUrl} could not be reached from the console itself.`;
    return { message };
  });
}
