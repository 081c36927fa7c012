// The admin area inside the console's shell: section tabs for admins. Navigation only: every
// page below checks the signed-in user and role itself (non-admins may open only /admin/keys).
import type { ReactNode } from "react";
import { consolePage } from "@/lib/doors/console-page";
import { AdminNav } from "@/components/admin/admin-nav";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const { can } = await consolePage();
  return (
    <>
      {can.admin ? <AdminNav /> : null}
      {children}
    </>
  );
}
