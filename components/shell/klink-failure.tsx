// What a page shows in place of data K-LINK could not give: what happened in words, what to do,
// and the request id to quote. Never a token, a host or a stack (ReadFailure holds none).
import type { ReadFailure } from "@/lib/console/read-klink";
import { Notice, RequestId } from "@/components/ui/notice";

const ADVICE: Record<string, string> = {
  no_connection: "",
  upstream_unreachable: "K-LINK could not be reached. Try again in a moment.",
  upstream_timeout: "K-LINK took too long to answer. Try again in a moment.",
  circuit_open: "Calls to K-LINK are paused for a few seconds after repeated failures.",
  upstream_rate_limited: "K-LINK asked the console to slow down. Try again shortly.",
  upstream_auth_failed: "An admin must check this connection's API token.",
};

export function KlinkFailure({ failure, what }: { failure: ReadFailure; what: string }) {
  const advice = ADVICE[failure.code];
  return (
    <Notice tone={failure.code === "no_connection" ? "info" : "error"} title={`${what} could not be loaded.`}>
      <p>
        {failure.message}
        {advice ? ` ${advice}` : ""}
      </p>
      <p>
        <RequestId id={failure.requestId} />
      </p>
    </Notice>
  );
}
