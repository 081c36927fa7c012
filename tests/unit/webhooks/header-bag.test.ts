import { describe, expect, it } from "vitest";
import { createServer } from "node:http";
import type { IncomingHttpHeaders } from "node:http";
import { connect } from "node:net";
import { nodeHeaderBag } from "../../../lib/webhooks/header-bag";

// The headers of a request exactly as Node's parser hands them over (repeats and all), sent as
// raw bytes so nothing on the sending side merges them first.
async function parsedHeaders(raw: [string, string][]): Promise<IncomingHttpHeaders> {
  let seen: IncomingHttpHeaders = {};
  const server = createServer((req, res) => {
    seen = req.headers;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => {
      socket.write(
        `POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n${raw.map(([k, v]) => `${k}: ${v}\r\n`).join("")}\r\n`,
      );
    });
    socket.on("error", reject);
    socket.on("close", () => resolve());
    socket.resume();
  });
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return seen;
}

describe("nodeHeaderBag", () => {
  it("reads like the Headers Next.js builds from the same request: names, order, repeated values", async () => {
    const headers = await parsedHeaders([
      ["X-Signature", "abc"],
      ["Content-Type", "application/json"],
      ["X-Custom", "one"],
      ["X-Custom", "two"],
      ["Authorization", "sha256=first"],
      ["Authorization", "sha256=second"],
    ]);
    const web = new Headers();
    for (const [name, value] of Object.entries(headers)) {
      for (const v of Array.isArray(value) ? value : [value!]) web.append(name, v);
    }
    const bag = nodeHeaderBag(headers);
    expect([...bag]).toEqual([...web]);
    for (const name of ["x-signature", "X-SIGNATURE", "x-custom", "authorization", "content-type", "absent"]) {
      expect(bag.get(name)).toBe(web.get(name));
    }
    expect(bag.get("x-custom")).toBe("one, two");
    // Node keeps the first of a repeated Authorization, for both front doors alike.
    expect(bag.get("authorization")).toBe("sha256=first");
    // Only headers that were sent: not what every object inherits.
    for (const name of ["constructor", "toString", "__proto__", "hasOwnProperty"]) expect(bag.get(name)).toBeNull();
  });
});
