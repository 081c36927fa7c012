// The SQLite adapter handed to the Prisma CLI (prisma.config.ts), with the workaround for a bug of
// Prisma 6.19's WebAssembly schema engine (see ../shared/STACK.md): it applies each migration to
// the shadow database as one prepared statement, which SQLite refuses for a script of several
// (P3006 ... External error). Scripts without parameters go to executeScript instead. Only the
// shadow database (migrate dev, migrate diff --from-migrations: an in-memory scratch copy) is
// touched; migrate deploy already runs scripts whole.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { sqliteFilePath } from "./provider";

export function prismaCliSqliteAdapter(
  url: string,
): Pick<PrismaBetterSQLite3, "provider" | "adapterName" | "connect" | "connectToShadowDb"> {
  const factory = new PrismaBetterSQLite3({ url: sqliteFilePath(url) });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => factory.connect(),
    async connectToShadowDb() {
      const shadow = await factory.connectToShadowDb();
      const executeRaw = shadow.executeRaw.bind(shadow);
      shadow.executeRaw = async (query) => {
        if (query.args.length > 0) return executeRaw(query);
        await shadow.executeScript(query.sql);
        return 0;
      };
      return shadow;
    },
  };
}
