// The PostgreSQL schema is the SQLite schema with another provider, URL and output folder.
export function renderPostgresSchema(sqliteSchema: string): string {
  return sqliteSchema
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('url      = "file:./placeholder.db"', 'url      = "postgresql://localhost/placeholder"')
    .replace('output     = "../../lib/db/generated/sqlite"', 'output     = "../../lib/db/generated/postgresql"');
}
