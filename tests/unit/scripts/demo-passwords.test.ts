import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { demoPasswords, demoPasswordsPath } from "../../../scripts/demo-passwords";

const dataFolder = () => `file:${path.join(mkdtempSync(path.join(tmpdir(), "kc-demo-")), "console.db")}`;

describe("the demo's sign-in passwords", () => {
  it("are made once per data folder, kept readable by their owner only, and read back after", () => {
    const databaseUrl = dataFolder();
    const first = demoPasswords(databaseUrl);
    expect(Object.keys(first).sort()).toEqual(["admin", "agent", "viewer"]);
    for (const password of Object.values(first)) expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(new Set(Object.values(first)).size).toBe(3);
    expect(demoPasswords(databaseUrl)).toEqual(first);
    const file = demoPasswordsPath(databaseUrl);
    expect(path.dirname(file)).toBe(path.dirname(databaseUrl.slice(5)));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(first);
  });

  it("differ between data folders: no two installs share them", () => {
    expect(demoPasswords(dataFolder()).admin).not.toBe(demoPasswords(dataFolder()).admin);
  });
});
