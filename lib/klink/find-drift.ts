// Where a K-LINK answer differs from what the registry's response schema describes (the docs'
// examples). A description, never a gate: the answer is used as it came, and each difference is
// recorded as drift (lib/drift/record-drift.ts) so an operator sees what their tenant really sends.
//
// A finding names a JSON path, never a value. Paths are normalised so that they do not multiply:
// array indexes become `[]` (`data[].customFields[].attribute.displayName`), keys of maps and keys
// that look like ids become `*`. Safe to import anywhere (no I/O).
import type { z } from "zod";

export type DriftKind =
  /** A documented field holds another type (a number where a string is documented …). */
  | "type"
  /** A documented, required field is absent. */
  | "missing"
  /** A field the docs do not show. */
  | "unknown";

export type DriftFinding = { path: string; kind: DriftKind; expected: string; received: string };

/** The root of an answer, when the answer itself is of another type. */
export const ROOT_PATH = "$";
/** Enough to show what changed; a body that differs in more places is summarised by these. */
export const MAX_FINDINGS_PER_ANSWER = 100;
const MAX_DEPTH = 16;
const MAX_KEY_LENGTH = 64;

type Def = {
  type: string;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  shape?: Record<string, z.ZodType>;
  valueType?: z.ZodType;
  in?: z.ZodType;
  getter?: () => z.ZodType;
  values?: unknown[];
};

// zod 4 keeps a schema's definition on `_zod.def` (its documented introspection surface).
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const mayBeAbsent = (schema: z.ZodType) =>
  (schema as unknown as { _zod: { optin?: string } })._zod.optin === "optional";

const WRAPPERS = new Set(["optional", "nullable", "default", "prefault", "readonly", "catch", "nonoptional"]);

export function findDrift(schema: z.ZodType, answer: unknown): DriftFinding[] {
  const found = new Map<string, DriftFinding>();
  const add = (finding: DriftFinding) => {
    if (found.size < MAX_FINDINGS_PER_ANSWER && !found.has(finding.path)) found.set(finding.path, finding);
  };
  walk(schema, answer, "", 0, add);
  return [...found.values()];
}

/** The JSON type of a value as findings name it; `missing` for an absent one. */
export function receivedType(value: unknown): string {
  if (value === undefined) return "missing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/** What a schema expects, in the words findings use: `string|null`, `object`, `array` … */
export function expectedType(schema: z.ZodType): string {
  const def = defOf(schema);
  switch (def.type) {
    case "optional":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
    case "nonoptional":
      return expectedType(def.innerType!);
    case "nullable":
      return unique([...expectedType(def.innerType!).split("|"), "null"]);
    case "union":
      return unique(def.options!.flatMap((option) => expectedType(option).split("|")));
    case "pipe":
      return expectedType(def.in!);
    case "lazy":
      return expectedType(def.getter!());
    case "object":
    case "record":
      return "object";
    case "literal":
      return unique((def.values ?? []).map(receivedType));
    case "enum":
      return "string";
    case "unknown":
    case "any":
      return "any";
    default:
      return def.type;
  }
}

const unique = (types: string[]) => [...new Set(types)].join("|");

function walk(
  schema: z.ZodType,
  value: unknown,
  path: string,
  depth: number,
  add: (finding: DriftFinding) => void,
): void {
  if (depth > MAX_DEPTH) return;
  const declared = schema;
  let def = defOf(schema);
  while (WRAPPERS.has(def.type) || def.type === "pipe" || def.type === "lazy") {
    if (def.type === "nullable" && value === null) return;
    if (def.type === "optional" && value === undefined) return;
    schema = def.type === "pipe" ? def.in! : def.type === "lazy" ? def.getter!() : def.innerType!;
    def = defOf(schema);
  }
  const mismatch = () =>
    add({ path: path || ROOT_PATH, kind: "type", expected: expectedType(declared), received: receivedType(value) });

  switch (def.type) {
    case "unknown":
    case "any":
      return;
    case "union": {
      const kind = receivedType(value);
      // The option of the answer's own JSON type describes it; a union of leaves is checked whole.
      const option = def.options!.find((o) => expectedType(o).split("|").includes(kind));
      if (!option) return mismatch();
      if (kind === "object" || kind === "array") return walk(option, value, path, depth, add);
      if (!schema.safeParse(value).success) mismatch();
      return;
    }
    case "object": {
      if (receivedType(value) !== "object") return mismatch();
      const record = value as Record<string, unknown>;
      const shape = def.shape ?? {};
      for (const key of Object.keys(shape)) {
        const child = shape[key];
        const childPath = join(path, key);
        if (record[key] === undefined) {
          if (!mayBeAbsent(child))
            add({ path: childPath, kind: "missing", expected: expectedType(child), received: "missing" });
        } else {
          walk(child, record[key], childPath, depth + 1, add);
        }
      }
      for (const key of Object.keys(record)) {
        if (Object.hasOwn(shape, key) || record[key] === undefined) continue;
        add({ path: join(path, key), kind: "unknown", expected: "absent", received: receivedType(record[key]) });
      }
      return;
    }
    case "record": {
      if (receivedType(value) !== "object") return mismatch();
      for (const item of Object.values(value as Record<string, unknown>))
        walk(def.valueType!, item, path ? `${path}.*` : "*", depth + 1, add);
      return;
    }
    case "array": {
      if (!Array.isArray(value)) return mismatch();
      for (const item of value) walk(def.element!, item, `${path}[]`, depth + 1, add);
      return;
    }
    default:
      if (!schema.safeParse(value).success) mismatch();
  }
}

const ID_LIKE = /^(?:\d+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{16,})$/i;
const PLAIN_KEY = /^[\w$-]+$/;

/** Appends a key to a path: ids become `*`, keys that are not plain words are quoted and cut short. */
function join(path: string, key: string): string {
  const name = ID_LIKE.test(key)
    ? "*"
    : PLAIN_KEY.test(key) && key.length <= MAX_KEY_LENGTH
      ? key
      : `[${JSON.stringify(key.slice(0, MAX_KEY_LENGTH))}]`;
  if (name.startsWith("[")) return `${path}${name}`;
  return path ? `${path}.${name}` : name;
}
