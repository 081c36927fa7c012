"use server";
// Server actions of the connections page: the same lib functions, checks and audit as the JSON
// API. Empty secret fields keep what is stored (secrets are write-only and never prefilled).
import { revalidatePath } from "next/cache";
import { guardedAction, type ActionResult } from "@/lib/doors/server-action";
import { createConnection } from "@/lib/connections/create-connection";
import { updateConnection } from "@/lib/connections/update-connection";
import { deleteConnection } from "@/lib/connections/delete-connection";
import { testConnection, type ConnectionTestResult } from "@/lib/connections/test-connection";
import type { WebhookInput } from "@/lib/connections/connection-input";
import { checked, text } from "../form-data";

function webhookFrom(form: FormData): WebhookInput | undefined {
  const webhook = {
    mode: text(form, "webhookMode") as WebhookInput["mode"],
    secret: text(form, "webhookSecret"),
    clearPreviousSecret: checked(form, "clearPreviousSecret") || undefined,
    username: text(form, "webhookUsername"),
    password: text(form, "webhookPassword"),
    headerName: text(form, "webhookHeaderName"),
    headerValue: text(form, "webhookHeaderValue"),
  };
  // The mode select always submits; only a changed mode or a filled field is a change.
  const { mode, ...rest } = webhook;
  const modeChanged = mode !== (text(form, "currentWebhookMode") ?? "hmac");
  return modeChanged || Object.values(rest).some((v) => v !== undefined) ? webhook : undefined;
}

export async function createConnectionAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return guardedAction("admin", async (actor, audit) => {
    const connection = await createConnection(
      actor,
      {
        name: text(form, "name") ?? "",
        baseUrl: text(form, "baseUrl"),
        token: text(form, "token") ?? "",
        isDefault: checked(form, "isDefault"),
        webhook: webhookFrom(form),
      },
      audit,
    );
    revalidatePath("/admin/connections");
    return { message: `Added ${connection.name}.` };
  });
}

export async function updateConnectionAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return guardedAction("admin", async (actor, audit) => {
    const connection = await updateConnection(
      actor,
      text(form, "id") ?? "",
      {
        name: text(form, "name"),
        baseUrl: text(form, "baseUrl"),
        token: text(form, "token"),
        isDefault: checked(form, "isDefault") || undefined,
        webhook: webhookFrom(form),
      },
      audit,
    );
    revalidatePath("/admin/connections");
    return { message: `Saved ${connection.name}.` };
  });
}

export async function deleteConnectionAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return guardedAction("admin", async (actor, audit) => {
    await deleteConnection(actor, text(form, "id") ?? "", audit);
    revalidatePath("/admin/connections");
    return { message: "Deleted." };
  });
}

const TEST_MESSAGES: Record<ConnectionTestResult["result"], string> = {
  ok: "OK: K-LINK answered",
  unauthorized: "Unauthorized: K-LINK refused the token",
  unreachable: "Unreachable: K-LINK did not answer",
  error: "Error: K-LINK answered unexpectedly",
};

export async function testConnectionAction(
  _previous: ActionResult | null,
  form: FormData,
): Promise<ActionResult<ConnectionTestResult>> {
  return guardedAction("admin", async (actor, audit) => {
    const outcome = await testConnection(actor, text(form, "id") ?? "", audit);
    const status = outcome.status ? `, HTTP ${outcome.status}` : "";
    return { data: outcome, message: `${TEST_MESSAGES[outcome.result]} (${outcome.latencyMs} ms${status}).` };
  });
}
