// Writes prisma/postgresql/schema.prisma from prisma/sqlite/schema.prisma.
import { readFileSync, writeFileSync } from "node:fs";
import { renderPostgresSchema } from "../lib/db/render-postgres-schema";

const source = readFileSync("prisma/sqlite/schema.prisma", "utf8");
writeFileSync("prisma/postgresql/schema.prisma", renderPostgresSchema(source));
console.log("prisma/postgresql/schema.prisma written");
