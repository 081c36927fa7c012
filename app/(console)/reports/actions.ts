"use server";
// The admin's "recompute" of a report range: stored days and cached finished days are dropped, so
// the next view reads K-LINK again. Checked again in lib (admin role), audited there.
import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { activeConnection, ACTIVE_CONNECTION_COOKIE } from "@/lib/connections/active-connection";
import { guardedAction, type ActionResult } from "@/lib/doors/server-action";
import { badRequest, conflict } from "@/lib/errors/api-error";
import { recomputeDays } from "@/lib/reports/recompute-days";
import { reportQuery } from "@/lib/reports/report-range";

const field = (form: FormData, name: string) => String(form.get(name) ?? "").slice(0, 64);

export async function recomputeAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return guardedAction("admin", async (actor, audit) => {
    const query = reportQuery(
      { preset: "custom", from: field(form, "from"), to: field(form, "to"), tz: field(form, "tz") },
      new Date(),
    );
    if (!query.timeZone || Object.keys(query.problems).length)
      throw badRequest(
        "Choose a valid range to recompute.",
        Object.fromEntries(Object.entries(query.problems).map(([k, v]) => [k, [v]])),
      );
    const connection = await activeConnection(actor, (await cookies()).get(ACTIVE_CONNECTION_COOKIE)?.value);
    if (!connection.active) throw conflict("No K-LINK connection is configured yet.");
    const { forgotten } = await recomputeDays(
      actor,
      connection.active.id,
      { from: query.from, to: query.to, timeZone: query.timeZone },
      audit,
    );
    revalidatePath("/reports");
    return { message: `Recomputing: ${forgotten} stored days dropped; the report reads K-LINK again.` };
  });
}
