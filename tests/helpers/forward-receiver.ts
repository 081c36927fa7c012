// A receiver of forwarded events on a real loopback socket, as a team's own system would run it:
// it verifies each request with the Standard Webhooks reference implementation (the
// `standardwebhooks` package, not the console's code) and answers as the test says.
import { createServer, type IncomingMessage, type Server } from "node:http";
import { Webhook } from "standardwebhooks";

export type Received = {
  id: string;
  headers: Record<string, string>;
  body: string;
  /** Which of the given secrets verified it (by index), or -1. */
  verifiedBy: number;
};

export type Answer = { status: number; headers?: Record<string, string>; body?: string };

export type Receiver = {
  url: string;
  received: Received[];
  /** Acknowledged (2xx) deliveries per webhook-id. */
  acknowledged: Map<string, number>;
  answer: (req: Received) => Answer;
  secrets: string[];
  /** Stops listening (connections refused) until start() again, on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
};

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
  });
}

export async function startReceiver(secrets: string[] = []): Promise<Receiver> {
  let server: Server | null = null;
  let port = 0;
  const receiver: Receiver = {
    url: "",
    received: [],
    acknowledged: new Map(),
    answer: () => ({ status: 204 }),
    secrets,
    async stop() {
      const s = server;
      server = null;
      if (s) await new Promise<void>((resolve) => (s.closeAllConnections(), s.close(() => resolve())));
    },
    async start() {
      if (server) return;
      const s = createServer(async (req, res) => {
        const body = await readBody(req);
        const headers = Object.fromEntries(
          Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : (v ?? "")]),
        );
        const verifiedBy = receiver.secrets.findIndex((secret) => {
          try {
            new Webhook(secret).verify(body, headers);
            return true;
          } catch {
            return false;
          }
        });
        const got: Received = { id: headers["webhook-id"] ?? "", headers, body, verifiedBy };
        receiver.received.push(got);
        const answer = receiver.answer(got);
        if (answer.status >= 200 && answer.status < 300) {
          receiver.acknowledged.set(got.id, (receiver.acknowledged.get(got.id) ?? 0) + 1);
        }
        res.writeHead(answer.status, answer.headers).end(answer.body ?? "");
      });
      await new Promise<void>((resolve) => s.listen(port, "127.0.0.1", () => resolve()));
      port = (s.address() as { port: number }).port;
      receiver.url = `http://127.0.0.1:${port}/hooks`;
      server = s;
    },
    close: () => receiver.stop(),
  };
  await receiver.start();
  return receiver;
}
