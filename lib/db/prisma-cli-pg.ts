// The pg pool handed to the Prisma CLI (prisma.config.ts) for PostgreSQL, with the workarounds
// for bugs of Prisma 6.19's WebAssembly schema engine (see ../shared/STACK.md). The application's
// own runtime client is in client.ts and needs none of this.
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
// The parser pg itself applies to a connectionString at run time (a dependency of pg), so the
// CLI connects exactly where, and exactly how (TLS, options, application_name ...), the console
// does.
import { parseIntoClientConfig } from "pg-connection-string";

// prisma/prisma#27403: the engine cannot deserialize columns of type `name` (OID 19) and
// `"char"` (OID 18) from catalog queries. Reporting them as text fixes migrate on PostgreSQL.
export class CatalogTextClient extends pg.Client {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(...args: any[]): any {
    const last = args[args.length - 1];
    if (typeof last === "function") {
      args[args.length - 1] = (err: unknown, res: unknown) => last(err, err ? res : reportCatalogTypesAsText(res));
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const result = (super.query as any)(...args);
    if (result && typeof result.then === "function") return result.then(reportCatalogTypesAsText);
    return result;
  }
}

function reportCatalogTypesAsText<T>(result: T): T {
  for (const r of Array.isArray(result) ? result : [result]) {
    for (const field of (r as { fields?: { dataTypeID: number }[] })?.fields ?? []) {
      if (field.dataTypeID === 19 || field.dataTypeID === 18) field.dataTypeID = 25;
    }
  }
  return result;
}

/**
 * The URL as discrete pool fields, never as connectionString: with a connectionString the
 * engine's shadow database silently becomes the main one (P3006 ... relation already exists),
 * because pg lets the string win over the `database` the engine sets for the shadow.
 */
export function prismaCliPgPoolConfig(url: string): pg.PoolConfig {
  return { ...parseIntoClientConfig(url), Client: CatalogTextClient as unknown as typeof pg.Client };
}

/**
 * The CLI's adapter. Its shadow database (migrate dev, migrate diff --from-migrations) is dropped
 * only after the shadow's pool has closed: PrismaPg drops it first and fails with "database ... is
 * being accessed by other users", and never closes the connection it created the shadow with.
 */
export function prismaCliPgAdapter(
  url: string,
): Pick<PrismaPg, "provider" | "adapterName" | "connect" | "connectToShadowDb"> {
  const config = prismaCliPgPoolConfig(url);
  const main = new PrismaPg(config);
  return {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: () => main.connect(),
    async connectToShadowDb() {
      const admin = await main.connect();
      const database = `prisma_migrate_shadow_db_${randomUUID()}`;
      await admin.executeScript(`CREATE DATABASE "${database}"`);
      const shadow = await new PrismaPg({ ...config, database }).connect();
      const closeShadow = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        try {
          await closeShadow();
          await admin.executeScript(`DROP DATABASE IF EXISTS "${database}"`);
        } finally {
          await admin.dispose();
        }
      };
      return shadow;
    },
  };
}
