import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "../../../lib/auth/callback-url";
import { loginErrorMessage } from "../../../lib/auth/login-errors";

describe("the login page's callbackUrl", () => {
  it("keeps paths of the console", () => {
    expect(safeCallbackPath("/admin/users?x=1")).toBe("/admin/users?x=1");
    expect(safeCallbackPath("http://localhost:3000/admin?y=2", "http://localhost:3000")).toBe("/admin?y=2");
  });

  it("drops anything that would leave the console", () => {
    for (const url of [
      "https://evil.example/",
      "//evil.example",
      "/\\evil.example",
      "javascript:alert(1)",
      "http://localhost:3001/",
      "/\tevil",
      "/\n/evil",
    ]) {
      expect(safeCallbackPath(url, "http://localhost:3000"), url).toBe("/");
    }
    expect(safeCallbackPath(undefined)).toBe("/");
    expect(safeCallbackPath("/login?callbackUrl=/x")).toBe("/");
  });
});

describe("login error messages", () => {
  it("show a countdown for throttled logins and nothing crafted for unknown codes", () => {
    expect(loginErrorMessage("LoginThrottled-42")).toBe("Too many failed sign-ins. Try again in 42 s.");
    expect(loginErrorMessage("Your account is hacked, call +1 555")).toBe("Sign-in failed. Try again.");
    expect(loginErrorMessage(undefined)).toBeUndefined();
  });
});
