import { route } from "@/lib/doors/route";
import { checkHealth } from "@/lib/health";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

export const GET = route({ access: "public" }, async () => {
  const health = await checkHealth(db, env().DATABASE_URL);
  return Response.json(health, {
    // Degraded (SQLite busy) still serves: only a database that cannot be reached is a 503.
    status: health.status === "error" ? 503 : 200,
    headers: { "cache-control": "no-store" },
  });
});
