// Automated accessibility check of the page open in Chromium: axe-core (the library, injected
// into the page) with its default WCAG rules, colour contrast included. Returns the serious and
// critical violations, each as one readable line for the assertion message.
import path from "node:path";
import type { Page } from "playwright-core";

const AXE = path.resolve("node_modules/axe-core/axe.min.js");

type AxeResult = {
  violations: {
    id: string;
    impact: string | null;
    help: string;
    nodes: { target: unknown[]; failureSummary?: string }[];
  }[];
};

export async function seriousA11yViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() =>
    (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResult> } }).axe.run(
      document,
      { resultTypes: ["violations"] },
    ),
  );
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .slice(0, 4)
          .map(
            (n) =>
              `${n.target.join(" ")}${n.failureSummary ? ` (${n.failureSummary.replace(/\s+/g, " ").slice(0, 160)})` : ""}`,
          )
          .join("; ")}`,
    );
}
