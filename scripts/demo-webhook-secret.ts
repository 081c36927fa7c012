// The demo's webhook signing secret: generated once into a git-ignored file beside the local
// secrets (the data directory), so the demo connection and the simulator agree across restarts.
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataFolder } from "../lib/dev-secrets";

export function demoWebhookSecret(databaseUrl: string): string {
  const file = path.join(dataFolder(databaseUrl), "demo-webhook-secret");
  if (existsSync(file)) {
    const stored = readFileSync(file, "utf8").trim();
    if (stored.length >= 32) return stored;
  }
  const secret = randomBytes(32).toString("base64url");
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}
