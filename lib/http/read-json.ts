import "server-only";
// A request's JSON body: undefined when empty, a 400 when it is not JSON or not acceptable JSON
// (too deep, text that is not well-formed: json-input.ts).
import { parseJsonInput } from "./json-input";

export async function readJson(req: Request): Promise<unknown> {
  const text = await req.text();
  if (!text) return undefined;
  return parseJsonInput(text);
}
