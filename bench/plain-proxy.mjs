// A plain node:http proxy in a process of its own, for bench:proxy: each GET is sent on to the
// simulator (the path's /api/klink/ becoming /api/, with the token) over a keep-alive undici Pool,
// as the console's proxy does, and the answer's status and bytes are sent back. Nothing else: no
// authentication, validation, cache, resilience, log line or metrics. Its added latency over
// calling the simulator directly is what two more process hops cost on this machine, the floor
// under any proxy's. Usage: node bench/plain-proxy.mjs <simulator url> <token>; prints its port.
import { createServer } from "node:http";
import { Pool } from "undici";

const [upstreamUrl, token] = process.argv.slice(2);
const upstream = new Pool(upstreamUrl, { connections: 8 });
const server = createServer((req, res) => {
  upstream
    .request({
      method: "GET",
      path: (req.url ?? "/").replace("/api/klink/", "/api/"),
      headers: { authorization: `Bearer ${token}` },
    })
    .then(async (answer) => {
      const body = Buffer.from(await answer.body.arrayBuffer());
      res.writeHead(answer.statusCode, { "content-type": "application/json", "content-length": body.length }).end(body);
    })
    .catch(() => res.writeHead(502).end());
});
server.listen(0, "127.0.0.1", () => console.log(String(server.address().port)));
process.on("SIGTERM", () => process.exit(0));
