// What someone else changed on these records since a moment (the page's load, or the user's
// last confirmation): asked right before a message is sent or an edit saved. `checkedAt` is the
// server's time of the answer, the next `since`.
import { z } from "zod";
import { route } from "@/lib/doors/route";
import { changesSince } from "@/lib/collisions/changes-since";
import { recordRefSchema } from "@/lib/collisions/record-ref";

export const dynamic = "force-dynamic";

const query = z.object({
  connection: z.string().min(1).max(128),
  records: z
    .string()
    .max(1_000)
    .transform((text) => text.split(",").filter(Boolean))
    .pipe(z.array(recordRefSchema).min(1, "name at least one record").max(10)),
  since: z.iso.datetime({ offset: true, message: "must be an ISO date-time" }).transform((text) => new Date(text)),
});

export const GET = route({ access: "viewer", query }, async ({ actor, query }) => {
  const checkedAt = new Date();
  const data = await changesSince(actor, {
    connectionId: query.connection,
    records: query.records,
    since: query.since,
  });
  return Response.json({ data, checkedAt: checkedAt.toISOString() }, { headers: { "cache-control": "no-store" } });
});
