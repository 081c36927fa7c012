import type { Metadata } from "next";
import { StatusPage } from "@/components/shell/status-page";
import { ButtonLink } from "@/components/ui/button";
import styles from "@/components/shell/status-page.module.css";

export const metadata: Metadata = { title: "Not found" };

// Any address that matches no page. Rendered outside the console's shell (it cannot know who is
// asking without a page guard), so it names the way back in.
export default function NotFound() {
  return (
    <main className={styles.standalone}>
      <p className={styles.brand}>
        <span className={styles.brandMark} aria-hidden="true">
          K
        </span>
        Klink Console
      </p>
      <StatusPage
        code="404 · not found"
        title="This page does not exist"
        actions={
          <ButtonLink href="/" variant="primary">
            Go to Klink Console
          </ButtonLink>
        }
      >
        <p>No page of Klink Console has this address. Check the link, or start again from the dashboard.</p>
      </StatusPage>
    </main>
  );
}
