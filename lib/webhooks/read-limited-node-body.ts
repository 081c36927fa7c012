import "server-only";
// readLimitedBody for a Node.js request: the raw bytes, read once, stopping at the limit.
import type { IncomingMessage } from "node:http";
import { declaredBodyLength, WEBHOOK_BODY_LIMIT_BYTES, type LimitedBody } from "./read-limited-body";

export function readLimitedNodeBody(req: IncomingMessage, limit = WEBHOOK_BODY_LIMIT_BYTES): Promise<LimitedBody> {
  const declaredLength = declaredBodyLength(req.headers["content-length"]);
  // An honest Content-Length over the limit is refused before a byte of the body is read.
  if (declaredLength !== null && declaredLength > limit)
    return Promise.resolve({ tooLarge: true, bytesRead: 0, declaredLength });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      // A chunked or lying sender is cut off as soon as the limit is crossed.
      if (size > limit) {
        stop();
        req.pause();
        resolve({ tooLarge: true, bytesRead: size, declaredLength });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      resolve({ tooLarge: false, body: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size) });
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    const onAborted = () => onError(new Error("The sender closed the connection before the body was complete."));
    function stop() {
      req.off("data", onData).off("end", onEnd).off("error", onError).off("aborted", onAborted);
    }
    req.on("data", onData).on("end", onEnd).on("error", onError).on("aborted", onAborted);
  });
}
