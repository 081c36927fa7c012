import "server-only";
// Every request body the console reads, read through one bounded reader. The limit is checked as
// bytes arrive: an honest Content-Length over it is refused before a byte is read, and a chunked
// or lying sender is cut off as soon as the bytes read pass it. Over the limit: 413
// payload_too_large (lib/errors), and the body's memory is never held.
import { env } from "../env";
import { ApiError } from "../errors/api-error";
import { metrics } from "../metrics/registry";

/** A JSON route's or a proxy write's body (the registry may set an endpoint's own): REQUEST_BODY_MAX_BYTES, 1 MiB. */
export const jsonBodyLimitBytes = (): number => env().REQUEST_BODY_MAX_BYTES;
/** next-auth's sign-in, sign-out and CSRF posts, a few form fields: AUTH_BODY_MAX_BYTES, 16 KiB. */
export const authBodyLimitBytes = (): number => env().AUTH_BODY_MAX_BYTES;

/** The body length a Content-Length header declares; null when absent or not a number. */
function declaredLength(req: Request): number | null {
  const value = req.headers.get("content-length");
  return value != null && /^\d+$/.test(value) ? Number(value) : null;
}

function tooLarge(limit: number, kind: string): ApiError {
  metrics().requestBodiesRefused.inc({ limit: kind });
  return new ApiError("payload_too_large", `The request body is larger than the limit of ${limit} bytes.`);
}

/**
 * The body's bytes, at most `limit` of them; throws ApiError payload_too_large beyond. `kind`
 * labels the metric (json, auth, ...).
 */
export async function readBodyBytes(req: Request, limit: number, kind = "json"): Promise<Buffer> {
  const declared = declaredLength(req);
  if (declared !== null && declared > limit) {
    await req.body?.cancel().catch(() => undefined);
    throw tooLarge(limit, kind);
  }
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      metrics().requestBodyBytes.inc({ limit: kind }, value.byteLength);
      if (size > limit) {
        chunks.length = 0;
        await reader.cancel().catch(() => undefined);
        throw tooLarge(limit, kind);
      }
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  return Buffer.concat(chunks, size);
}

/** The body as UTF-8 text (malformed bytes become U+FFFD, as Request.text() does), at most `limit` bytes. */
export async function readBodyText(req: Request, limit: number, kind = "json"): Promise<string> {
  return (await readBodyBytes(req, limit, kind)).toString("utf8");
}
