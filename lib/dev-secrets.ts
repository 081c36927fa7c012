// Local secrets for demo and development runs, generated once into a git-ignored file next to
// the SQLite database so that sessions and encrypted tokens survive restarts. Never used in
// production (lib/env.ts refuses to start without real secrets there).
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export type DevSecrets = { nextAuthSecret: string; encryptionKey: string };

/** The folder of the SQLite database (./data for PostgreSQL): where local secrets are kept. */
export function dataFolder(databaseUrl: string): string {
  return databaseUrl.startsWith("file:")
    ? path.dirname(path.resolve(/*turbopackIgnore: true*/ process.cwd(), databaseUrl.slice(5).split("?")[0]))
    : path.resolve(/*turbopackIgnore: true*/ process.cwd(), "data");
}

export function devSecretsPath(databaseUrl: string): string {
  return path.join(dataFolder(databaseUrl), "dev-secrets.json");
}

/**
 * The JSON value kept in `file`: made by `create` and written readable by its owner only (0600)
 * the first time, read back every time after.
 */
export function localSecretFile<T>(file: string, create: () => T, valid: (value: unknown) => value is T): T {
  const stored = () => {
    const parsed: unknown = JSON.parse(readFileSync(file, "utf8"));
    if (!valid(parsed)) throw new Error(`${file} does not hold what the console wrote there: delete it to start anew`);
    return parsed;
  };
  if (existsSync(file)) return stored();
  const value = create();
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    // "wx": when two processes start at once, the second one reads what the first wrote.
    writeFileSync(file, JSON.stringify(value, null, 2), { mode: 0o600, flag: "wx" });
    chmodSync(file, 0o600);
    return value;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return stored();
  }
}

const isDevSecrets = (value: unknown): value is DevSecrets =>
  typeof (value as DevSecrets)?.nextAuthSecret === "string" && typeof (value as DevSecrets)?.encryptionKey === "string";

export function loadDevSecrets(databaseUrl: string): DevSecrets {
  return localSecretFile(
    devSecretsPath(databaseUrl),
    () => ({ nextAuthSecret: randomBytes(32).toString("base64"), encryptionKey: randomBytes(32).toString("base64") }),
    isDevSecrets,
  );
}
