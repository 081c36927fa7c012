"use client";
// The console's error boundary: a page that failed while rendering shows what happened in plain
// words, a retry, and the error's reference (Next's digest, which the server's log line carries
// next to the request id) so staff can quote it. Never the error's message or stack: in
// production they could hold internals.
import { useEffect, useRef, useTransition } from "react";
import { StatusPage } from "@/components/shell/status-page";
import { Button, ButtonLink } from "@/components/ui/button";
import ui from "@/components/ui/ui.module.css";

export default function ConsoleError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  const [pending, startTransition] = useTransition();
  const heading = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Screen-reader and keyboard users land on the message, not somewhere in the old page.
    heading.current?.focus();
  }, []);
  return (
    <div ref={heading} tabIndex={-1} role="alert" style={{ outline: "none" }}>
      <StatusPage
        code="Error"
        title="This page could not be shown"
        actions={
          <>
            <Button variant="primary" disabled={pending} onClick={() => startTransition(() => retry())}>
              {pending ? "Trying again…" : "Try again"}
            </Button>
            <ButtonLink href="/">Go to the dashboard</ButtonLink>
          </>
        }
      >
        <p>
          Something went wrong on the server while preparing this page. Trying again often helps; if it keeps failing,
          tell your administrator.
        </p>
        {digest ? (
          <p>
            Error reference to quote:{" "}
            <span className={ui.requestId} data-testid="error-digest">
              {digest}
            </span>
          </p>
        ) : null}
      </StatusPage>
    </div>
  );
}
