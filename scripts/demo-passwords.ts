// The demo's sign-in passwords: random, made once per data folder into a git-ignored file beside
// the local secrets (data/demo-passwords.json, readable by its owner only), so they stay the same
// across restarts and are known only to whoever can read that folder. npm run demo prints them.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { dataFolder, localSecretFile } from "../lib/dev-secrets";
import { ROLES, type Role } from "../lib/identity/roles";

export type DemoPasswords = Record<Role, string>;

const isDemoPasswords = (value: unknown): value is DemoPasswords =>
  ROLES.every(
    (role) => typeof (value as DemoPasswords)?.[role] === "string" && (value as DemoPasswords)[role].length >= 12,
  );

export function demoPasswordsPath(databaseUrl: string): string {
  return path.join(dataFolder(databaseUrl), "demo-passwords.json");
}

export function demoPasswords(databaseUrl: string): DemoPasswords {
  return localSecretFile(
    demoPasswordsPath(databaseUrl),
    () => Object.fromEntries(ROLES.map((role) => [role, randomBytes(12).toString("base64url")])) as DemoPasswords,
    isDemoPasswords,
  );
}
