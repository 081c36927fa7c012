// Serves route handlers on a real loopback socket, so the simulator (or fetch) can reach them
// like it reaches a running console. Paths map to handlers by pattern, with [param] segments.
import { createServer, type Server } from "node:http";
import { Readable } from "node:stream";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export type ServedHandlers = { url: string; close: () => Promise<void> };

export async function serveHandlers(routes: Record<string, Handler>): Promise<ServedHandlers> {
  const matchers = Object.entries(routes).map(([pattern, handler]) => {
    const names: string[] = [];
    const regex = new RegExp(`^${pattern.replace(/\[(\w+)\]/g, (_, name: string) => (names.push(name), "([^/]+)"))}$`);
    return { regex, names, handler };
  });
  const server: Server = createServer(async (incoming, outgoing) => {
    const url = new URL(incoming.url ?? "/", "http://127.0.0.1");
    const match = matchers.map((m) => ({ m, found: m.regex.exec(url.pathname) })).find((x) => x.found);
    if (!match) {
      outgoing.writeHead(404).end();
      return;
    }
    const params = Object.fromEntries(match.m.names.map((name, i) => [name, decodeURIComponent(match.found![i + 1])]));
    const hasBody = incoming.method !== "GET" && incoming.method !== "HEAD";
    const request = new Request(url, {
      method: incoming.method,
      headers: Object.entries(incoming.headers).flatMap(([k, v]) =>
        Array.isArray(v) ? v.map((x) => [k, x]) : v === undefined ? [] : [[k, v]],
      ) as [string, string][],
      body: hasBody ? (Readable.toWeb(incoming) as ReadableStream<Uint8Array>) : undefined,
      ...(hasBody ? { duplex: "half" } : {}),
    } as RequestInit);
    const response = await match.m.handler(request, { params: Promise.resolve(params) });
    const headers: Record<string, string | string[]> = Object.fromEntries(response.headers);
    if (response.headers.has("set-cookie")) headers["set-cookie"] = response.headers.getSetCookie();
    outgoing.writeHead(response.status, headers);
    outgoing.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
