"use server";
// Server actions of the users page: the same lib functions, checks and audit as the JSON API.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { guardedAction, type ActionResult } from "@/lib/doors/server-action";
import { createUser } from "@/lib/users/create-user";
import { updateUser } from "@/lib/users/update-user";
import { signOutEverywhere } from "@/lib/users/sign-out-everywhere";
import { createUserSchema, updateUserSchema } from "@/lib/users/user-input";
import { text } from "../form-data";

export async function createUserAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return guardedAction("admin", async (actor, audit) => {
    const input = createUserSchema.parse({
      email: text(form, "email") ?? "",
      name: text(form, "name") ?? "",
      role: text(form, "role"),
      password: text(form, "password"),
    });
    const user = await createUser(actor, input, audit);
    revalidatePath("/admin/users");
    return { message: `Created ${user.email} (${user.role}).` };
  });
}

export async function updateUserAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return guardedAction("admin", async (actor, audit) => {
    const id = text(form, "id") ?? "";
    const input = updateUserSchema.parse({
      name: text(form, "name"),
      role: text(form, "role"),
      status: text(form, "status"),
      password: text(form, "password"),
    });
    const user = await updateUser(actor, id, input, audit);
    revalidatePath("/admin/users");
    return { message: `Saved ${user.email}.` };
  });
}

export async function signOutUserEverywhereAction(
  _previous: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  let ownSessions = false;
  const result = await guardedAction("admin", async (actor, audit) => {
    const id = text(form, "id") ?? "";
    ownSessions = id === actor.userId;
    const user = await signOutEverywhere(actor, id, audit);
    return { message: `Signed ${user.email} out everywhere: every session of theirs has ended.` };
  });
  // An admin who ended their own sessions ended this one too.
  if (result.ok && ownSessions) redirect("/login");
  return result;
}
