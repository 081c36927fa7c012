import { describe, expect, it } from "vitest";
import { CatalogTextClient, prismaCliPgPoolConfig } from "../../../lib/db/prisma-cli-pg";

describe("the Prisma CLI's PostgreSQL pool", () => {
  it("gets discrete fields, never a connectionString (or the shadow database becomes the main one)", () => {
    const config = prismaCliPgPoolConfig("postgresql://kl%40ink:p%3Ass%2Fw@db.internal:6543/klink%20console");
    expect(config).toMatchObject({
      host: "db.internal",
      port: 6543,
      user: "kl@ink",
      password: "p:ss/w",
      database: "klink console",
      Client: CatalogTextClient,
    });
    expect(config).not.toHaveProperty("connectionString");
  });

  it("keeps TLS asked for in the URL: sslmode and ssl", () => {
    expect(prismaCliPgPoolConfig("postgresql://u:p@db.example.com/app?sslmode=verify-full").ssl).toEqual({});
    expect(prismaCliPgPoolConfig("postgresql://u:p@db.example.com/app?ssl=true").ssl).toBe(true);
    expect(prismaCliPgPoolConfig("postgresql://u:p@db.example.com/app?sslmode=no-verify").ssl).toEqual({
      rejectUnauthorized: false,
    });
    expect(prismaCliPgPoolConfig("postgresql://u:p@db.example.com/app?sslmode=disable").ssl).toBe(false);
    expect(prismaCliPgPoolConfig("postgresql://u:p@db.example.com/app")).not.toHaveProperty("ssl");
  });

  it("keeps the session options and names of the URL", () => {
    const config = prismaCliPgPoolConfig(
      "postgresql://u:p@db/app?options=-c%20search_path%3Dklink&application_name=klink-migrate&client_encoding=UTF8",
    );
    expect(config).toMatchObject({
      options: "-c search_path=klink",
      application_name: "klink-migrate",
      client_encoding: "UTF8",
    });
  });

  it("reaches a Unix socket named by the host parameter", () => {
    expect(prismaCliPgPoolConfig("postgresql://postgres@/app?host=/var/run/postgresql")).toMatchObject({
      host: "/var/run/postgresql",
      database: "app",
    });
  });
});
