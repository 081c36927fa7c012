// The console's HTTP server, what `npm start` and `npm run demo` run: Next.js's own request
// handler (as `next start` uses it), with two things in front of it. Each response first gets the
// headers every answer of the console carries (lib/http/security-headers.ts); each request is then
// offered to the handlers the app's instrumentation left on globalThis (lib/doors/front-door.ts):
// today the K-LINK webhook endpoint and the K-LINK proxy's reads (GET and HEAD under
// /api/klink/v1/), answered straight from Node's request, because Next.js's request pipeline
// costs more per delivery than verifying and storing it, and more per read than a cached answer
// (docs/benchmarks.md).
// Anything they do not take, and everything when they are missing, is Next.js's.
//
// Plain JavaScript run by node, importing nothing of the console: the console's code is the
// Next.js build's, loaded once by Next. It listens on PORT (default 3000) and HOST: by default
// every interface, as `next start` does, but only 127.0.0.1 in demo mode (DEMO_MODE, as `npm run
// demo` runs it), whose sign-ins are printed on the screen. NODE_ENV is production unless set.
import { createServer } from "node:http";

process.env.NODE_ENV ??= "production";
const { default: next } = await import("next");

const FRONT_DOOR_KEY = Symbol.for("klink-console.front-door");
const EVERY_ANSWER_HEADERS_KEY = Symbol.for("klink-console.every-answer-headers");
const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || (/^(true|1)$/.test(process.env.DEMO_MODE ?? "") ? "127.0.0.1" : undefined);
// Where this process reaches itself: the address it listens on, or loopback when that is every interface.
const selfHost = !host || host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;

const app = next({ dev: false, dir: process.cwd(), port, hostname: "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

const frontDoor = () =>
  /** @type {((req: unknown, res: unknown) => boolean)[] | undefined} */ (globalThis[FRONT_DOOR_KEY]) ?? [];
/** nosniff, Referrer-Policy, HSTS: the same on every answer, so setting them first takes nothing from Next.js. */
const everyAnswerHeaders = () =>
  Object.entries(/** @type {Record<string, string> | undefined} */ (globalThis[EVERY_ANSWER_HEADERS_KEY]) ?? {});

const failed = (res, error) => {
  console.error(`klink-console: request failed: ${error instanceof Error ? error.message : String(error)}`);
  if (!res.headersSent) res.writeHead(500).end();
};

// The socket's address, in the header lib/http/peer-address.ts fills in for lib/http/client-ip.ts
// (the two names must stay the same). The app records it itself once its instrumentation has run;
// doing it here too means a client's own header of that name is never believed, not even in the
// moments before that.
const PEER_ADDRESS_HEADER = "x-klink-peer-address";

const server = createServer((req, res) => {
  const address = req.socket.remoteAddress;
  if (address) req.headers[PEER_ADDRESS_HEADER] = address;
  else delete req.headers[PEER_ADDRESS_HEADER];
  for (const [name, value] of everyAnswerHeaders()) res.setHeader(name, value);
  try {
    for (const handler of frontDoor()) if (handler(req, res)) return;
  } catch (error) {
    return failed(res, error);
  }
  handle(req, res).catch((error) => failed(res, error));
});

server.on("error", (error) => {
  console.error(
    `klink-console: cannot listen on ${host ? `${host}:` : "port "}${port}: ${error.code === "EADDRINUSE" ? "it is in use (set PORT to a free port)" : error.message}`,
  );
  process.exit(1);
});

server.listen(port, host, async () => {
  // Next.js runs the app's instrumentation (first-admin bootstrap, the webhook sweep that resumes
  // unprocessed deliveries, the front door above) on its first request: make that request now
  // rather than leave it to the first visitor or delivery.
  const ready = await fetch(`http://${selfHost}:${port}/api/health`).then(
    (r) => r.status,
    () => "unreachable",
  );
  const through = frontDoor().length
    ? "webhook deliveries and K-LINK proxy reads answered in front of Next.js"
    : "every request through Next.js";
  const where = host ? `http://${selfHost}:${port}` : `every interface, port ${port}`;
  console.log(`klink-console: listening on ${where} (health ${ready}; ${through})`);
});

// Like `next start`: on SIGINT/SIGTERM stop taking requests, give those under way (and open
// live-event streams) a moment, and exit with the signal's code.
let stopping = false;
for (const [signal, code] of [
  ["SIGINT", 130],
  ["SIGTERM", 143],
]) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    const exit = () => process.exit(code);
    server.close(() => void app.close().finally(exit));
    server.closeIdleConnections();
    setTimeout(exit, 5_000).unref();
  });
}
