// The console's HTTP server, what `npm start` and `npm run demo` run: Next.js's own request
// handler (as `next start` uses it), with one thing in front of it. Each request is first offered
// to the handlers the app's instrumentation left on globalThis (lib/doors/front-door.ts): today
// the K-LINK webhook endpoint, answered straight from Node's request, because Next.js's request
// pipeline costs more per delivery than verifying and storing it (docs/benchmarks.md). Anything
// they do not take, and everything when they are missing, is Next.js's.
//
// Plain JavaScript run by node, importing nothing of the console: the console's code is the
// Next.js build's, loaded once by Next. It listens on PORT (default 3000) on every interface, as
// `next start` does; NODE_ENV is production unless set.
import { createServer } from "node:http";

process.env.NODE_ENV ??= "production";
const { default: next } = await import("next");

const FRONT_DOOR_KEY = Symbol.for("klink-console.front-door");
const port = Number(process.env.PORT || 3000);

const app = next({ dev: false, dir: process.cwd(), port, hostname: "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

const frontDoor = () =>
  /** @type {((req: unknown, res: unknown) => boolean)[] | undefined} */ (globalThis[FRONT_DOOR_KEY]) ?? [];

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
  try {
    for (const handler of frontDoor()) if (handler(req, res)) return;
  } catch (error) {
    return failed(res, error);
  }
  handle(req, res).catch((error) => failed(res, error));
});

server.on("error", (error) => {
  console.error(
    `klink-console: cannot listen on port ${port}: ${error.code === "EADDRINUSE" ? "it is in use (set PORT to a free port)" : error.message}`,
  );
  process.exit(1);
});

server.listen(port, async () => {
  // Next.js runs the app's instrumentation (first-admin bootstrap, the webhook sweep that resumes
  // unprocessed deliveries, the front door above) on its first request: make that request now
  // rather than leave it to the first visitor or delivery.
  const ready = await fetch(`http://127.0.0.1:${port}/api/health`).then(
    (r) => r.status,
    () => "unreachable",
  );
  const through = frontDoor().length
    ? "webhook deliveries answered in front of Next.js"
    : "every request through Next.js";
  console.log(`klink-console: listening on http://localhost:${port} (health ${ready}; ${through})`);
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
