// Local secrets for demo and development runs, generated once into a git-ignored file next to
// the SQLite database so that sessions and encrypted tokens survive restarts. Never used in
// production (lib/env.ts refuses to start without real secrets there).
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export type DevSecrets = { nextAuthSecret: string; encryptionKey: string };

export function devSecretsPath(databaseUrl: string): string {
  const dataDir = databaseUrl.startsWith("file:")
    ? path.dirname(path.resolve(/*turbopackIgnore: true*/ process.cwd(), databaseUrl.slice(5).split("?")[0]))
    : path.resolve(/*turbopackIgnore: true*/ process.cwd(), "data");
  return path.join(dataDir, "dev-secrets.json");
}

export function loadDevSecrets(databaseUrl: string): DevSecrets {
  const file = devSecretsPath(databaseUrl);
  if (existsSync(file)) {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<DevSecrets>;
    if (parsed.nextAuthSecret && parsed.encryptionKey) return parsed as DevSecrets;
  }
  const secrets: DevSecrets = {
    nextAuthSecret: randomBytes(32).toString("base64"),
    encryptionKey: randomBytes(32).toString("base64"),
  };
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    // "wx": when two processes start at once, the second one reads what the first wrote.
    writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600, flag: "wx" });
    chmodSync(file, 0o600);
    return secrets;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return JSON.parse(readFileSync(file, "utf8")) as DevSecrets;
  }
}
