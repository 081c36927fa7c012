// Follow or stop following a ticket or contact: {"connection", "record": "ticket:<id>",
// "label", "contactId"?, "following": true|false}. Any signed-in role; audited.
import { z } from "zod";
import { route } from "@/lib/doors/route";
import { recordIdSchema, recordRefSchema } from "@/lib/collisions/record-ref";
import { setFollowing } from "@/lib/notifications/follows";

export const dynamic = "force-dynamic";

const body = z.object({
  connection: z.string().min(1).max(128),
  record: recordRefSchema,
  label: z.string().trim().min(1).max(200),
  contactId: recordIdSchema.optional(),
  following: z.boolean(),
});

export const POST = route({ access: "viewer", body }, async ({ actor, body, audit }) =>
  Response.json(
    await setFollowing(
      actor,
      { connectionId: body.connection, ...body.record, contactId: body.contactId, label: body.label },
      body.following,
      audit,
    ),
  ),
);
