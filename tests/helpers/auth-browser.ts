// Browser sign-in through the console's own login page, the way staff do it.
import type { Page } from "playwright-core";

export async function signInThroughForm(
  page: Page,
  baseUrl: string,
  email: string,
  password: string,
  path = "/login",
): Promise<void> {
  if (!page.url().includes("/login")) await page.goto(`${baseUrl}${path}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith("/login")),
    page.getByRole("button", { name: "Sign in", exact: true }).click(),
  ]);
}

/** Every file below `dir` whose bytes contain any of `needles`. */
export async function filesContaining(dir: string, needles: string[]): Promise<string[]> {
  const { readdir, readFile } = await import("node:fs/promises");
  const path = await import("node:path");
  const hits: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const entry of await readdir(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) {
        const bytes = await readFile(full);
        if (needles.some((n) => bytes.includes(n))) hits.push(full);
      }
    }
  };
  await walk(dir);
  return hits;
}
