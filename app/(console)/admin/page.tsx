import { redirect } from "next/navigation";
import { consolePage } from "@/lib/doors/console-page";

export const dynamic = "force-dynamic";

export default async function AdminIndex() {
  const page = await consolePage();
  redirect(page.can.admin ? "/admin/users" : "/admin/keys");
}
