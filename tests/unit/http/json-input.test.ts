import { describe, expect, it } from "vitest";
import { ApiError } from "../../../lib/errors/api-error";
import { MAX_JSON_DEPTH, nestingDepth, parseJsonInput } from "../../../lib/http/json-input";
import { storableText } from "../../../lib/http/storable-text";
import { uriComponent } from "../../../lib/http/uri-component";
import { hasWellFormedEscapes } from "../../../lib/doors/malformed-path-door";

const refusal = (text: string) => {
  try {
    parseJsonInput(text);
  } catch (error) {
    if (error instanceof ApiError) return { code: error.code, fields: error.options.fields };
    throw error;
  }
  return null;
};

describe("parseJsonInput", () => {
  it("takes well-formed JSON, astral characters included", () => {
    expect(parseJsonInput('{"name":"ชื่อ 😀","n":[1,{"a":null}]}')).toEqual({ name: "ชื่อ 😀", n: [1, { a: null }] });
  });

  it("measures depth on the text, ignoring brackets inside strings and escaped quotes", () => {
    expect(nestingDepth('{"a":"[[[[\\"[[["}')).toBe(1);
    expect(nestingDepth("[[[]],[[[{}]]]]")).toBe(5);
  });

  it(`refuses nesting deeper than ${MAX_JSON_DEPTH} with a field message, and takes exactly ${MAX_JSON_DEPTH}`, () => {
    const nested = (n: number) => `${"[".repeat(n)}${"]".repeat(n)}`;
    expect(parseJsonInput(nested(MAX_JSON_DEPTH))).toBeDefined();
    expect(refusal(nested(MAX_JSON_DEPTH + 1))).toEqual({
      code: "validation_failed",
      fields: { body: [`must not be nested deeper than ${MAX_JSON_DEPTH} levels`] },
    });
    expect(refusal(nested(100_000))?.code).toBe("validation_failed");
  });

  it("names every field holding a lone surrogate or NUL, in values and keys", () => {
    expect(refusal('{"name":"a\\ud800","tags":["ok","\\udfff"],"x":{"\\ud800":1},"note":"\\u0000"}')).toEqual({
      code: "validation_failed",
      fields: {
        "body.name": ["must be well-formed Unicode (it holds a lone UTF-16 surrogate)"],
        "body.tags.1": ["must be well-formed Unicode (it holds a lone UTF-16 surrogate)"],
        "body.x": ["has a field name that must be well-formed Unicode (it holds a lone UTF-16 surrogate)"],
        "body.note": ["must not hold the NUL character (U+0000)"],
      },
    });
  });

  it("refuses what is not JSON as invalid_json", () => {
    expect(refusal('{"a":')?.code).toBe("invalid_json");
  });
});

describe("text that must be stored or linked whatever it holds", () => {
  it("replaces lone surrogates and NUL with U+FFFD and keeps pairs", () => {
    expect(storableText("a\ud800b\u0000c😀")).toBe("a\ufffdb\ufffdc😀");
  });

  it("encodes a lone surrogate in a link instead of throwing", () => {
    expect(() => encodeURIComponent("c\ud800")).toThrow(URIError);
    expect(uriComponent("c\ud800")).toBe("c%EF%BF%BD");
    expect(uriComponent("a/b c")).toBe("a%2Fb%20c");
  });

  it("tells malformed percent-encoding in a path from well-formed", () => {
    expect(hasWellFormedEscapes("/api/klink/v1/contacts/%E0%B8%8A?q=%zz")).toBe(true);
    for (const bad of ["/api/klink/v1/contacts/%zz", "/x/%ff%fe", "/x/%", "/x/%E0%A4%A"])
      expect(hasWellFormedEscapes(bad)).toBe(false);
  });
});
