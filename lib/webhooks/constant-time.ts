import "server-only";
// Constant-time comparison of two strings of any length. timingSafeEqual needs equal lengths, so
// both sides are first hashed to a fixed size: how long the expected value is never leaks, and
// neither does how many leading characters matched.
import { createHash, timingSafeEqual } from "node:crypto";

export function constantTimeEqual(actual: string, expected: string): boolean {
  const a = createHash("sha256").update(actual, "utf8").digest();
  const b = createHash("sha256").update(expected, "utf8").digest();
  return timingSafeEqual(a, b);
}
