"use server";
// Server actions of the API keys page: the same lib functions, checks and audit as /api/keys.
import { revalidatePath } from "next/cache";
import { guardedAction, type ActionResult } from "@/lib/doors/server-action";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { text } from "../form-data";

export async function createApiKeyAction(
  _previous: ActionResult | null,
  form: FormData,
): Promise<ActionResult<{ key: string; name: string }>> {
  return guardedAction("viewer", async (actor, audit) => {
    // The date input gives a day; the key stays valid until the end of that day (UTC).
    const expiresOn = text(form, "expiresOn");
    const created = await createApiKey(
      actor,
      { name: text(form, "name") ?? "", expiresAt: expiresOn ? `${expiresOn}T23:59:59Z` : undefined },
      audit,
    );
    revalidatePath("/admin/keys");
    return { data: { key: created.key, name: created.name } };
  });
}

export async function revokeApiKeyAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return guardedAction("viewer", async (actor, audit) => {
    const key = await revokeApiKey(actor, text(form, "id") ?? "", audit);
    revalidatePath("/admin/keys");
    return { message: `Revoked ${key.name}.` };
  });
}
