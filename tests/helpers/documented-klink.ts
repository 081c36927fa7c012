// A K-LINK stand-in that answers exactly the documented examples (tests/fixtures/klink), byte for
// byte, over a real socket: what the console must handle whatever its own simulator says. Every
// endpoint answers the example of its own page; an endpoint whose page was not captured answers
// the documented example the docs say it is shaped like (tests/fixtures/klink/README.md).
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { matchEndpoint } from "../../lib/klink/match-endpoint";
import type { EndpointName } from "../../lib/klink/registry";

type Answer = { status: number; file: string; documented: boolean };

/** What each endpoint answers. `documented`: the example is from that endpoint's own page. */
export const DOCUMENTED_ANSWERS: Record<EndpointName, Answer> = {
  "contacts.list": { status: 200, file: "pagination-envelope.response.json", documented: true },
  "contacts.create": { status: 201, file: "contacts-get.response.json", documented: false },
  "contacts.bySocialId": { status: 200, file: "contacts-get.response.json", documented: false },
  "contacts.fields": { status: 200, file: "contacts-fields.response.json", documented: true },
  "contacts.get": { status: 200, file: "contacts-get.response.json", documented: true },
  "contacts.update": { status: 200, file: "contacts-get.response.json", documented: false },
  "contacts.delete": { status: 200, file: "contacts-update-tags.response.json", documented: false },
  "contacts.groups": { status: 200, file: "contacts-list-old-docs.response.json", documented: false },
  "contacts.updateTags": { status: 200, file: "contacts-update-tags.response.json", documented: true },
  "tags.list": { status: 200, file: "contacts-list-old-docs.response.json", documented: false },
  "channels.list": { status: 200, file: "contacts-list-old-docs.response.json", documented: false },
  "channels.create": { status: 201, file: "contacts-update-tags.response.json", documented: false },
  "tickets.list": { status: 200, file: "tickets-list.response.json", documented: true },
  "tickets.create": { status: 201, file: "tickets-create.response.json", documented: true },
  "tickets.byContact": { status: 200, file: "tickets-list.response.json", documented: false },
  "tickets.fields": { status: 200, file: "contacts-fields.response.json", documented: false },
  "tickets.update": { status: 200, file: "tickets-create.response.json", documented: false },
  "tickets.updateStatus": { status: 200, file: "tickets-create.response.json", documented: false },
  "categories.list": { status: 200, file: "categories-list.response.json", documented: true },
  "cxLogs.list": { status: 200, file: "cx-logs-list-new.response.json", documented: true },
  "messages.send": { status: 200, file: "messages-send.response.json", documented: true },
};

const fixtureDir = path.resolve(import.meta.dirname, "../fixtures/klink");
export const fixtureText = (file: string) => readFileSync(path.join(fixtureDir, file), "utf8");

export type StandInRequest = { method: string; path: string; endpoint: EndpointName | null };

export type DocumentedKlink = {
  url: string;
  /** Every request received, in order. */
  requests: StandInRequest[];
  /** Answers `endpoint` with another fixture from now on (e.g. the older CX log example). */
  answerWith(endpoint: EndpointName, file: string): void;
  stop(): Promise<void>;
};

export async function startDocumentedKlink(): Promise<DocumentedKlink> {
  const answers = { ...DOCUMENTED_ANSWERS };
  const requests: StandInRequest[] = [];
  const server = createServer((req, res) => {
    req.resume();
    const url = new URL(req.url ?? "/", "http://stand-in.local");
    const match = matchEndpoint(req.method ?? "GET", url.pathname);
    requests.push({ method: req.method ?? "GET", path: url.pathname, endpoint: match?.name ?? null });
    const json = (status: number, text: string) => {
      res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
      res.end(text);
    };
    if (!/^Bearer kpt_\S+$/.test(req.headers.authorization ?? ""))
      return json(401, '{"status":"error","message":"Unauthorized","data":null}');
    if (!match) return json(404, '{"status":"error","message":"Route not found","data":null}');
    const answer = answers[match.name];
    json(answer.status, fixtureText(answer.file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    answerWith: (endpoint, file) => {
      answers[endpoint] = { ...answers[endpoint], file };
    },
    stop: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
