// A bad configuration stops the server at start-up with a one-line reason.
import { env, EnvError } from "./lib/env";
import { recordPeerAddresses } from "./lib/http/peer-address";

// Each request's socket address, the only client address nobody can forge (lib/http/client-ip.ts).
recordPeerAddresses();

try {
  env();
} catch (error) {
  if (error instanceof EnvError) {
    console.error(`klink-console: ${error.message}`);
    process.exit(1);
  }
  throw error;
}

// The first admin from ADMIN_EMAIL/ADMIN_PASSWORD when there is none yet (lib/auth/bootstrap-admin.ts).
try {
  const { bootstrapAdmin } = await import("./lib/auth/bootstrap-admin");
  await bootstrapAdmin();
} catch (error) {
  console.error(`klink-console: could not create the first admin from ADMIN_EMAIL: ${(error as Error).message}`);
}

// Webhook deliveries and K-LINK proxy reads answered by the console's own server in front of
// Next.js (scripts/serve.mjs, what `npm start` runs): the same receiver and the same proxy pipeline
// as the route handlers, without Next's request pipeline. The server puts the headers every answer
// carries on all it serves.
try {
  const [
    { openFrontDoor },
    { nodeWebhookEndpoint },
    { nodeProxyEndpoint },
    { everyAnswerHeaders },
    { malformedPathDoor },
  ] = await Promise.all([
    import("./lib/doors/front-door"),
    import("./lib/doors/webhook-front-door"),
    import("./lib/doors/proxy-front-door"),
    import("./lib/http/security-headers"),
    import("./lib/doors/malformed-path-door"),
  ]);
  // A path with malformed percent-encoding: 400, where Next.js would answer 500.
  openFrontDoor([nodeWebhookEndpoint, malformedPathDoor, nodeProxyEndpoint], everyAnswerHeaders(env().NEXTAUTH_URL));
} catch (error) {
  console.error(`klink-console: webhook deliveries and proxy reads go through Next.js: ${(error as Error).message}`);
}

// The webhook processing sweep (retries, deliveries a stopped instance left) and the webhook and
// audit retention purges (lib/jobs/background-jobs.ts).
try {
  const { startBackgroundJobs } = await import("./lib/jobs/background-jobs");
  startBackgroundJobs();
} catch (error) {
  console.error(`klink-console: could not start the background jobs: ${(error as Error).message}`);
}
