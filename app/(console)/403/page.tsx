import type { Metadata } from "next";
import { consolePage } from "@/lib/doors/console-page";
import { StatusPage } from "@/components/shell/status-page";
import { ButtonLink } from "@/components/ui/button";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Not allowed" };

// Where the page guard sends a signed-in user whose role may not open a page (signed-out
// visitors go to the login page instead).
export default async function ForbiddenPage() {
  const { actor, can } = await consolePage();
  return (
    <StatusPage
      code="403 · not allowed"
      title="Not allowed"
      actions={
        <>
          <ButtonLink href="/" variant="primary">
            Go to the dashboard
          </ButtonLink>
          {can.admin ? null : <ButtonLink href="/admin/keys">Your API keys</ButtonLink>}
        </>
      }
    >
      <p>
        You are signed in as <strong>{actor.email}</strong> with the <strong>{actor.role}</strong> role, which may not
        open that page.
      </p>
      <p>If you need it for your work, ask an admin to change your role.</p>
    </StatusPage>
  );
}
