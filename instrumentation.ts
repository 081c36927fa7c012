import type { Instrumentation } from "next";

// Runs once when a server instance starts (Node.js runtime only).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await import("./instrumentation-node");
}

// An error no page, action or route handled: logged with the request id and Next.js's digest
// (lib/log/request-error.ts).
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ logger }, { logRequestError }] = await Promise.all([
    import("./lib/log/logger"),
    import("./lib/log/request-error"),
  ]);
  logRequestError(logger, error, request, context);
};
