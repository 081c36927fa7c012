import { describe, expect, it } from "vitest";
import { parseRetryAfter, upstreamRequestIdOf } from "../../../lib/klink/response-meta";

describe("K-LINK response metadata", () => {
  it("reads Retry-After as seconds or as an HTTP date, and ignores garbage", () => {
    const now = Date.UTC(2026, 0, 9, 3, 42, 38);
    expect(parseRetryAfter("120", now)).toBe(120);
    expect(parseRetryAfter(new Date(now + 30_500).toUTCString(), now)).toBe(30);
    expect(parseRetryAfter(new Date(now - 5000).toUTCString(), now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it("takes the upstream request id from a gateway header, else from the body's requestId", () => {
    expect(upstreamRequestIdOf({ "x-amzn-requestid": "aws-1" }, { requestId: "body-1" })).toBe("aws-1");
    expect(upstreamRequestIdOf({}, { requestId: "body-1" })).toBe("body-1");
    expect(upstreamRequestIdOf({}, "not json")).toBeUndefined();
  });
});
