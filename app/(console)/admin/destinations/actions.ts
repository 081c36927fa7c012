"use server";
// Server actions of the destinations pages: the same lib functions, checks and audit as the JSON
// API (/api/admin/destinations). Empty fields keep what is stored.
import { revalidatePath } from "next/cache";
import { guardedAction, type ActionResult } from "@/lib/doors/server-action";
import {
  createDestination,
  deleteDestination,
  rotateDestinationSecret,
  updateDestination,
} from "@/lib/forwarding/manage-destinations";
import { forwardDispatcher } from "@/lib/forwarding/forwarding-runtime";
import { replayFailedSince, replayMessage, sendTestEvent } from "@/lib/forwarding/replay-messages";
import { parseUtcInstant } from "@/lib/http/utc-instant";
import { badRequest } from "@/lib/errors/api-error";
import { checked, text } from "../form-data";

function list(form: FormData, name: string): string[] | null {
  const value = text(form, name);
  return value
    ? value
        .split(/[\s,]+/)
        .map((v) => v.trim())
        .filter(Boolean)
    : null;
}

function number(form: FormData, name: string): number | undefined {
  const value = text(form, name);
  return value === undefined ? undefined : Number(value);
}

function header(form: FormData) {
  const name = text(form, "headerName");
  const value = text(form, "headerValue");
  // The stored value is write-only: without a new one, the header stays as it is.
  return value ? { name: name ?? "", value } : undefined;
}

export async function createDestinationAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return guardedAction("admin", async (actor, audit) => {
    const created = await createDestination(
      actor,
      {
        name: text(form, "name") ?? "",
        url: text(form, "url") ?? "",
        eventTypes: list(form, "eventTypes"),
        header: header(form),
        rateLimitPerSecond: number(form, "rateLimitPerSecond"),
        timeoutMs: number(form, "timeoutMs"),
      },
      audit,
    );
    revalidatePath("/admin/destinations");
    return { data: { name: created.name, secret: created.signingSecret }, message: `Added ${created.name}.` };
  });
}

export async function updateDestinationAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return guardedAction("admin", async (actor, audit) => {
    const id = text(form, "id") ?? "";
    const updated = await updateDestination(
      actor,
      id,
      {
        name: text(form, "name"),
        url: text(form, "url"),
        eventTypes: list(form, "eventTypes"),
        header: header(form),
        rateLimitPerSecond: number(form, "rateLimitPerSecond"),
        timeoutMs: number(form, "timeoutMs"),
      },
      audit,
    );
    revalidatePath("/admin/destinations");
    return { message: `Saved ${updated.name}.` };
  });
}

export async function setDestinationEnabledAction(
  _previous: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  return guardedAction("admin", async (actor, audit) => {
    const enabled = checked(form, "enable");
    const updated = await updateDestination(actor, text(form, "id") ?? "", { enabled }, audit);
    revalidatePath("/admin", "layout");
    return { message: `${updated.name} is ${enabled ? "enabled" : "disabled"}.` };
  });
}

export async function rotateSecretAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return guardedAction("admin", async (actor, audit) => {
    const rotated = await rotateDestinationSecret(actor, text(form, "id") ?? "", undefined, audit);
    revalidatePath("/admin/destinations");
    return { data: { name: rotated.name, secret: rotated.signingSecret } };
  });
}

export async function deleteDestinationAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return guardedAction("admin", async (actor, audit) => {
    await deleteDestination(actor, text(form, "id") ?? "", audit);
    revalidatePath("/admin/destinations");
    return { message: "Deleted." };
  });
}

const RESULT_TEXT = { delivered: "Delivered", retry: "Not delivered (will retry)", failed: "Failed" } as const;

export async function sendTestToDestinationAction(
  _previous: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  return guardedAction("admin", async (actor, audit) => {
    const sent = await sendTestEvent(actor, text(form, "id") ?? "", forwardDispatcher(), audit);
    revalidatePath("/admin/destinations");
    const status = sent.status === null ? "no answer" : `HTTP ${sent.status}`;
    return { message: `Test event ${sent.messageId}: ${RESULT_TEXT[sent.result]} (${status}).` };
  });
}

export async function replayMessageAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return guardedAction("admin", async (actor, audit) => {
    const outcome = await replayMessage(actor, text(form, "messageId") ?? "", forwardDispatcher(), audit);
    revalidatePath(`/admin/destinations/${outcome.destinationId}`);
    return {
      message: `Sent again: ${RESULT_TEXT[outcome.result]}${outcome.status ? ` (HTTP ${outcome.status})` : ""}.`,
    };
  });
}

export async function replayFailedAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return guardedAction("admin", async (actor, audit) => {
    const since = parseUtcInstant(text(form, "since") ?? "");
    if (!since) throw badRequest("Give a time.", { since: ["must be a date or a date and time (UTC)"] });
    const id = text(form, "id") ?? "";
    const { queued, destinationEnabled } = await replayFailedSince(actor, id, since, forwardDispatcher(), audit);
    revalidatePath(`/admin/destinations/${id}`);
    return {
      message: `${queued} failed message${queued === 1 ? "" : "s"} queued again${destinationEnabled ? "" : "; enable the destination to send them"}.`,
    };
  });
}
