// What a canned reply may be, for the API, the data layer and the management page alike.
import { z } from "zod";
import { templateProblems } from "./template";

const body = z
  .string()
  .trim()
  .min(1, "Write the reply's text.")
  .max(5_000, "At most 5,000 characters.")
  .superRefine((text, ctx) => {
    for (const problem of templateProblems(text)) ctx.addIssue({ code: "custom", message: problem });
  });

export const cannedReplyCreateSchema = z.object({
  name: z.string().trim().min(1, "Give the reply a name.").max(80, "At most 80 characters."),
  body,
  /** Shared with everyone (admins only), or personal. */
  shared: z.boolean().default(false),
});

export const cannedReplyUpdateSchema = z
  .object({ name: cannedReplyCreateSchema.shape.name.optional(), body: body.optional() })
  .refine((value) => value.name !== undefined || value.body !== undefined, "Change the name or the text.");

export type CannedReplyCreateInput = z.input<typeof cannedReplyCreateSchema>;
export type CannedReplyUpdateInput = z.input<typeof cannedReplyUpdateSchema>;

/** As pages and the API show a canned reply. */
export type PublicCannedReply = {
  id: string;
  name: string;
  body: string;
  shared: boolean;
  /** Whether the caller may change or delete it. */
  editable: boolean;
  updatedAt: string;
};
