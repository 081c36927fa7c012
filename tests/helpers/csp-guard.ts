// Set-up of every browser journey: a journey during which a page reported a Content-Security-Policy
// violation fails (tests/helpers/browser.ts collects them from every context it opens).
import { afterEach, expect } from "vitest";
import { takeCspViolations } from "./browser";

afterEach(() => {
  expect(takeCspViolations(), "Content-Security-Policy violations").toEqual([]);
});
