import { redirect } from "next/navigation";
import { requirePageActor } from "@/lib/auth/page-guard";
import { roleAtLeast } from "@/lib/auth/roles";

export const dynamic = "force-dynamic";

export default async function AdminIndex() {
  const actor = await requirePageActor("viewer");
  redirect(roleAtLeast(actor.role, "admin") ? "/admin/users" : "/admin/keys");
}
