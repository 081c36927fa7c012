// A ticket or contact of one connection, as collisions, presence and follows name it:
// "ticket:<id>" / "contact:<id>". Safe to import anywhere.
import { z } from "zod";

export const RECORD_TYPES = ["ticket", "contact"] as const;
export type RecordType = (typeof RECORD_TYPES)[number];
export type RecordRef = { type: RecordType; id: string };

/** K-LINK ids as the proxy accepts them in a path: no slashes, dots-only or control characters. */
export const recordIdSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^/\\\u0000-\u001f\u007f]+$/, "must be a K-LINK id")
  .refine((id) => id !== "." && id !== "..", "must be a K-LINK id");

export const recordRefSchema = z.string().transform((text, ctx) => {
  const colon = text.indexOf(":");
  const type = text.slice(0, colon);
  const id = recordIdSchema.safeParse(text.slice(colon + 1));
  if (colon < 1 || !(RECORD_TYPES as readonly string[]).includes(type) || !id.success) {
    ctx.addIssue({ code: "custom", message: "must be ticket:<id> or contact:<id>" });
    return z.NEVER;
  }
  return { type: type as RecordType, id: id.data };
});

export function recordKey(ref: RecordRef): string {
  return `${ref.type}:${ref.id}`;
}
