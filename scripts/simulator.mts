// npm run simulator -- --port 4010 --token kpt_... [--token ...] [--webhook-url URL --webhook-secret S]... [--seed N] [--variants]
// Runs the K-LINK simulator on its own. Without --token it makes one up and prints it. --variants
// makes it answer in the shapes a tenant might send instead of the documented ones
// (lib/klink/simulator/variants.ts; also switched at run time with POST /__sim/variants).
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { startSimulator } from "../lib/klink/simulator";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "4010" },
    host: { type: "string", default: "127.0.0.1" },
    token: { type: "string", multiple: true },
    "webhook-url": { type: "string", multiple: true },
    "webhook-secret": { type: "string", multiple: true },
    seed: { type: "string", default: "1" },
    variants: { type: "boolean", default: false },
    help: { type: "boolean", short: "h" },
  },
});

function fail(message: string): never {
  console.error(`simulator: ${message}`);
  process.exit(1);
}

if (values.help) {
  console.log(
    "npm run simulator -- [--port 4010] [--host 127.0.0.1] [--token kpt_...]... [--webhook-url URL --webhook-secret SECRET]... [--seed N] [--variants]",
  );
  process.exit(0);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) fail("--port must be a port number");
const seed = Number(values.seed);
if (!Number.isInteger(seed)) fail("--seed must be a whole number");
const host = values.host;
if (host !== "127.0.0.1" && host !== "::1" && host !== "localhost" && host !== "0.0.0.0")
  fail("--host must be 127.0.0.1, ::1, localhost or 0.0.0.0");
const urls = values["webhook-url"] ?? [];
const secrets = values["webhook-secret"] ?? [];
if (urls.length !== secrets.length) fail("give one --webhook-secret for each --webhook-url");
const tokens = values.token?.length ? values.token : [`kpt_${randomBytes(16).toString("hex")}`];

const sim = await startSimulator({
  port,
  host,
  tokens,
  seed,
  webhookTargets: urls.map((url, i) => ({ url, secret: secrets[i] })),
  variants: values.variants ? "all" : [],
}).catch((error: Error) => fail(error.message));

console.log(`
  K-LINK simulator on ${sim.url} (seed ${seed})
  Token${tokens.length > 1 ? "s" : ""}: ${values.token?.length ? "as given" : tokens[0]}
  Webhook targets: ${urls.length ? urls.join(", ") : "none (POST /__sim/webhooks/targets to add one)"}
  Answers: ${values.variants ? "in shape variants (POST /__sim/variants to change)" : "in the documented shapes"}
  Control API: ${sim.url}/__sim/info · /__sim/requests · /__sim/faults · /__sim/webhooks/deliveries
  Press Ctrl-C to stop.
`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void sim.stop().then(() => process.exit(0));
  });
}
