import type { Metadata } from "next";
import { StatusPage } from "@/components/shell/status-page";
import { ButtonLink } from "@/components/ui/button";

export const metadata: Metadata = { title: "Not found" };

// Shown inside the shell when a console page calls notFound() (a ticket, contact or delivery
// that does not exist, or no longer does).
export default function ConsoleNotFound() {
  return (
    <StatusPage
      code="404 · not found"
      title="This page does not exist"
      actions={
        <ButtonLink href="/" variant="primary">
          Go to the dashboard
        </ButtonLink>
      }
    >
      <p>What you were looking for is not here: it may have been deleted, or the link may be mistyped.</p>
    </StatusPage>
  );
}
