import "server-only";
// A request's JSON body: undefined when empty, a 400 (invalid_json) when it is not JSON, a 413
// (payload_too_large) over the limit, checked as bytes arrive (lib/http/read-body.ts).
import { ApiError } from "../errors/api-error";
import { jsonBodyLimitBytes, readBodyText } from "./read-body";

export async function readJson(req: Request, options: { limitBytes?: number } = {}): Promise<unknown> {
  const text = await readBodyText(req, options.limitBytes ?? jsonBodyLimitBytes(), "json");
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError("invalid_json", "The request body is not valid JSON.");
  }
}
