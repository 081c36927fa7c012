"use server";
// Server actions of the users page: the same lib functions, checks and audit as the JSON API.
import { revalidatePath } from "next/cache";
import { guardedAction, type ActionResult } from "@/lib/doors/server-action";
import { createUser } from "@/lib/users/create-user";
import { updateUser } from "@/lib/users/update-user";
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
