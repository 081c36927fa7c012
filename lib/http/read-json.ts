import "server-only";
// A request's JSON body: undefined when empty, a 413 (payload_too_large) over the limit, checked
// as bytes arrive (lib/http/read-body.ts), a 400 when it is not JSON or not acceptable JSON (too
// deep, text that is not well-formed: json-input.ts).
import { jsonBodyLimitBytes, readBodyText } from "./read-body";
import { parseJsonInput } from "./json-input";

export async function readJson(req: Request, options: { limitBytes?: number } = {}): Promise<unknown> {
  const text = await readBodyText(req, options.limitBytes ?? jsonBodyLimitBytes(), "json");
  if (!text) return undefined;
  return parseJsonInput(text);
}
