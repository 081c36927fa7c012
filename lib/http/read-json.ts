import "server-only";
// A request's JSON body: undefined when empty, a 400 (invalid_json) when it is not JSON.
import { ApiError } from "../errors/api-error";

export async function readJson(req: Request): Promise<unknown> {
  const text = await req.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError("invalid_json", "The request body is not valid JSON.");
  }
}
