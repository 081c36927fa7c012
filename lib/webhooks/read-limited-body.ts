import "server-only";
// Reads a request body once, as raw bytes, stopping at a limit. The signature covers the exact
// bytes K-LINK sent, so nothing may decode or re-serialise them before verification.
export const WEBHOOK_BODY_LIMIT_BYTES = 1024 * 1024;

export type LimitedBody =
  { tooLarge: false; body: Buffer } | { tooLarge: true; bytesRead: number; declaredLength: number | null };

/** The body length a Content-Length header declares; null when absent or not a number. */
export function declaredBodyLength(value: string | null | undefined): number | null {
  return value != null && /^\d+$/.test(value) ? Number(value) : null;
}

export async function readLimitedBody(req: Request, limit = WEBHOOK_BODY_LIMIT_BYTES): Promise<LimitedBody> {
  const declaredLength = declaredBodyLength(req.headers.get("content-length"));
  // An honest Content-Length over the limit is refused before a byte of the body is read.
  if (declaredLength !== null && declaredLength > limit) {
    await req.body?.cancel().catch(() => undefined);
    return { tooLarge: true, bytesRead: 0, declaredLength };
  }
  if (!req.body) return { tooLarge: false, body: Buffer.alloc(0) };
  // With a Content-Length the HTTP parser delivers exactly that many bytes, so the whole body
  // can be taken at once (the common case, and the cheapest).
  if (declaredLength !== null) return { tooLarge: false, body: Buffer.from(await req.arrayBuffer()) };
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    // A chunked or lying sender is cut off as soon as the limit is crossed.
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return { tooLarge: true, bytesRead: size, declaredLength };
    }
    chunks.push(value);
  }
  return { tooLarge: false, body: Buffer.concat(chunks, size) };
}
