// Where an answer differs from a response schema: by normalised path, never by value.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { findDrift, MAX_FINDINGS_PER_ANSWER } from "../../../lib/klink/find-drift";
import { endpoints } from "../../../lib/klink/registry";

const schema = z.looseObject({
  total: z.number(),
  note: z.string().nullish(),
  data: z.array(
    z.looseObject({
      id: z.string(),
      deletedAt: z.string().nullable(),
      assignee: z.looseObject({ id: z.string(), name: z.string().optional() }).nullable(),
      values: z.record(z.string(), z.number()).optional(),
      either: z.union([z.array(z.string()), z.record(z.string(), z.string())]).optional(),
    }),
  ),
});

const item = { id: "t1", deletedAt: null, assignee: { id: "a1" } };

describe("findDrift", () => {
  it("finds nothing in an answer the schema describes, optional and nullable fields absent or null", () => {
    expect(findDrift(schema, { total: 1, note: null, data: [item, { ...item, assignee: null }] })).toEqual([]);
  });

  it("names a type difference, a missing field and an unknown field by path, with array indexes removed", () => {
    const answer = {
      total: "2",
      data: [
        { ...item, assignee: { name: "Sarah" } },
        { ...item, id: 7, secretNote: "Customer's password is hunter2" },
        { ...item, id: 8 },
      ],
    };
    expect(findDrift(schema, answer)).toEqual([
      { path: "total", kind: "type", expected: "number", received: "string" },
      { path: "data[].assignee.id", kind: "missing", expected: "string", received: "missing" },
      { path: "data[].id", kind: "type", expected: "string", received: "number" },
      { path: "data[].secretNote", kind: "unknown", expected: "absent", received: "string" },
    ]);
    expect(JSON.stringify(findDrift(schema, answer))).not.toMatch(/hunter2|Sarah/);
  });

  it("describes what a nullable or union field expects, and takes the union member of the answer's own type", () => {
    expect(findDrift(schema, { total: 1, data: [{ ...item, deletedAt: 5 }] })).toEqual([
      { path: "data[].deletedAt", kind: "type", expected: "string|null", received: "number" },
    ]);
    expect(
      findDrift(schema, {
        total: 1,
        data: [
          { ...item, either: ["a"] },
          { ...item, either: { a: "b" } },
        ],
      }),
    ).toEqual([]);
    expect(findDrift(schema, { total: 1, data: [{ ...item, either: "a" }] })).toEqual([
      { path: "data[].either", kind: "type", expected: "array|object", received: "string" },
    ]);
  });

  it("names map entries and id-like keys with *, so tenant data never multiplies the paths", () => {
    const answer = {
      total: 1,
      data: [
        { ...item, values: { cf_a: 1, cf_b: "two" } },
        { ...item, "0b7c4f8e-2d1a-4c3b-9e5f-6a7b8c9d0e1f": { x: 1 }, 12345: true, "odd key.with dots": 1 },
      ],
    };
    expect(findDrift(schema, answer).map((f) => f.path)).toEqual([
      "data[].values.*",
      "data[].*",
      'data[]["odd key.with dots"]',
    ]);
  });

  it("reports an answer of another type at its root, and stops at a bounded number of findings", () => {
    expect(findDrift(schema, "<html>")).toEqual([{ path: "$", kind: "type", expected: "object", received: "string" }]);
    const wide = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`field_${i}`, i]));
    expect(findDrift(schema, { total: 1, data: [], ...wide })).toHaveLength(MAX_FINDINGS_PER_ANSWER);
  });

  it("walks the registry's recursive category schema to every depth", () => {
    const answer = {
      data: [
        { id: "c1", value: "Billing", childCategoryList: [{ id: "c2", value: 3, childCategoryList: [{ id: 4 }] }] },
      ],
    };
    expect(findDrift(endpoints["categories.list"].response, answer)).toEqual([
      { path: "data[].childCategoryList[].value", kind: "type", expected: "string", received: "number" },
      {
        path: "data[].childCategoryList[].childCategoryList[].id",
        kind: "type",
        expected: "string",
        received: "number",
      },
      {
        path: "data[].childCategoryList[].childCategoryList[].value",
        kind: "missing",
        expected: "string",
        received: "missing",
      },
    ]);
  });
});
