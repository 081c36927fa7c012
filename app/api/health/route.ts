import { route } from "@/lib/doors/route";
import { checkHealth } from "@/lib/health";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

export const GET = route({ access: "public" }, async () => {
  const health = await checkHealth(db, env().DATABASE_URL);
  return Response.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
});
