// The one place configuration is read. Every variable is parsed with zod once; a missing or
// malformed one stops the app with a message naming it and what is expected.
import { z } from "zod";
import { loadDevSecrets } from "./dev-secrets";

const bool = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === "" ? undefined : v));

const encryptionKey = z
  .string()
  .refine(
    (v) => Buffer.from(v, "base64").length === 32,
    "must be 32 random bytes, base64-encoded (openssl rand -base64 32)",
  );

const csv = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? "")
      .split(",")
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
  );

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

export const DEFAULT_PROXY_RATE_LIMITS = { viewer: 1200, agent: 1200, admin: 2400 } as const;
const PROXY_RATE_LIMITS_MESSAGE =
  "must be role=requests per minute, comma-separated, e.g. viewer=1200,agent=1200,admin=2400";

/** Proxy requests per minute and actor, by role: "viewer=1200,agent=1200,admin=2400" (roles left out keep their default). */
const proxyRateLimits = z
  .string()
  .optional()
  .refine(
    (v) =>
      (v ?? "")
        .split(",")
        .map((part) => part.trim())
        .filter(Boolean)
        .every((part) => /^(viewer|agent|admin)\s*=\s*[1-9]\d{0,8}$/.test(part)),
    PROXY_RATE_LIMITS_MESSAGE,
  )
  .transform((v) => {
    const limits: Record<"viewer" | "agent" | "admin", number> = { ...DEFAULT_PROXY_RATE_LIMITS };
    for (const part of (v ?? "")
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean)) {
      const [role, value] = part.split("=").map((s) => s.trim()) as ["viewer" | "agent" | "admin", string];
      limits[role] = Number(value);
    }
    return limits;
  });

const DOMAIN_PATTERN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$/;

export const DEFAULT_KLINK_HOSTS = ["apigw.klinkcx.com", "api.klink.cloud", "uat-api.klink.cloud"];

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DEMO_MODE: bool,
    DATABASE_URL: z
      .string()
      .default("file:./data/console.db")
      .refine(
        (v) => /^(file:.+|postgres(ql)?:\/\/.+)$/.test(v),
        "must be file:<path> (SQLite) or postgresql://user:pass@host:port/db",
      ),
    NEXTAUTH_URL: z.url("must be the console's public URL, e.g. https://console.example.com").optional(),
    NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)").optional(),
    APP_ENCRYPTION_KEY: encryptionKey.optional(),
    APP_ENCRYPTION_KEY_PREVIOUS: encryptionKey.optional().or(z.literal("").transform(() => undefined)),
    REDIS_URL: z
      .string()
      .optional()
      .transform((v) => (v === "" ? undefined : v))
      .refine((v) => v === undefined || /^rediss?:\/\//.test(v), "must be redis://host:port or rediss://..."),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    ADMIN_EMAIL: optionalString.pipe(z.email("must be an e-mail address").optional()),
    ADMIN_PASSWORD: optionalString,
    OIDC_ISSUER: optionalString.pipe(z.url("must be the issuer URL").optional()),
    OIDC_CLIENT_ID: optionalString,
    OIDC_CLIENT_SECRET: optionalString,
    OIDC_NAME: z.string().default("Single sign-on"),
    OIDC_DEFAULT_ROLE: z.enum(["admin", "agent", "viewer"]).default("viewer"),
    // Closed by default: a multi-tenant IdP verifies addresses of anyone, not only of staff.
    OIDC_NEW_USERS: z.enum(["create", "refuse"]).default("refuse"),
    OIDC_ALLOWED_DOMAINS: csv
      .transform((domains) => domains.map((domain) => domain.replace(/^@/, "")))
      .refine(
        (domains) => domains.every((domain) => DOMAIN_PATTERN.test(domain)),
        "must be e-mail domains separated by commas, e.g. example.com,example.org",
      ),
    SESSION_LIFETIME_SECONDS: positiveInt(12 * 60 * 60),
    // Read by scripts/serve.mjs; checked here so a typo stops `npm start` with a message.
    HOST: optionalString.pipe(
      z
        .string()
        .regex(/^[A-Za-z0-9.:%-]+$/, "must be a host name or an IP address to listen on, e.g. 127.0.0.1 or 0.0.0.0")
        .optional(),
    ),
    KLINK_ALLOWED_HOSTS: csv.transform((v) => (v.length ? v : DEFAULT_KLINK_HOSTS)),
    KLINK_ALLOW_HTTP_LOOPBACK: bool,
    KLINK_TIMEOUT_MS: positiveInt(10_000),
    KLINK_RETRY_AFTER_MAX_MS: z.coerce.number().int().min(0).default(2_000),
    CACHE_MEMORY_MAX_MB: positiveInt(64),
    // Limits and abuse (README "Limits and abuse").
    REQUEST_BODY_MAX_BYTES: positiveInt(1024 * 1024),
    AUTH_BODY_MAX_BYTES: positiveInt(16 * 1024),
    KLINK_MAX_RESPONSE_BYTES: positiveInt(10 * 1024 * 1024),
    DATABASE_LOCK_WAIT_MS: z.coerce.number().int().min(0).default(10_000),
    WEBHOOK_REJECTIONS_STORED_PER_MINUTE: z.coerce.number().int().min(0).default(5),
    WEBHOOK_REJECTIONS_PER_MINUTE: positiveInt(60),
    LOGIN_ATTEMPTS_PER_MINUTE: positiveInt(60),
    PROXY_RATE_LIMITS: proxyRateLimits,
    LIVE_STREAMS_PER_USER: positiveInt(10),
    LIVE_STREAMS_PER_PROCESS: positiveInt(1000),
    KLINK_SIMULATOR_PORT: z.coerce
      .number()
      .int()
      .min(0, "must be a port number")
      .max(65_535, "must be a port number")
      .default(4010),
    TRUSTED_PROXY_HOPS: z.coerce
      .number({ error: "must be a whole number (0 = nothing in front of the console)" })
      .int("must be a whole number (0 = nothing in front of the console)")
      .min(0, "must be 0 or more (0 = nothing in front of the console)")
      .max(10, "must be at most 10")
      .default(0),
    METRICS_TOKEN: optionalString,
    AUDIT_RETENTION_DAYS: positiveInt(365),
    WEBHOOK_RETENTION_DAYS: positiveInt(30),
    WEBHOOK_ALLOW_UNAUTHENTICATED: bool,
    // CSV exports of the ticket and contact lists (lib/exports): a row cap and who may export.
    EXPORT_MAX_ROWS: positiveInt(50_000),
    EXPORT_MIN_ROLE: z.enum(["admin", "agent", "viewer"]).default("agent"),
    // Issue 15 (who else is here, canned replies, follow and notify).
    NOTIFICATION_RETENTION_DAYS: positiveInt(30),
    // Forwarding hub (lib/forwarding): destinations on loopback (http or https) only with this or
    // in demo mode; a destination failing this long (ms) is disabled.
    FORWARD_ALLOW_HTTP_LOOPBACK: bool,
    FORWARD_DISABLE_AFTER_MS: positiveInt(24 * 60 * 60 * 1000),
    // npm run bench:proxy only: a JSON file served by /api/bench/bare (404 when unset).
    BENCH_BARE_ROUTE_JSON: optionalString,
  })
  .superRefine((env, ctx) => {
    const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      for (const key of ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const) {
        if (!env[key]) ctx.addIssue({ code: "custom", path: [key], message: "is required when OIDC is configured" });
      }
    }
    if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD)) {
      const missing = env.ADMIN_EMAIL ? "ADMIN_PASSWORD" : "ADMIN_EMAIL";
      ctx.addIssue({ code: "custom", path: [missing], message: "ADMIN_EMAIL and ADMIN_PASSWORD go together" });
    }
  });

type Parsed = z.infer<typeof schema>;
export type Env = Omit<Parsed, "NEXTAUTH_URL" | "NEXTAUTH_SECRET" | "APP_ENCRYPTION_KEY"> & {
  NEXTAUTH_URL: string;
  NEXTAUTH_SECRET: string;
  APP_ENCRYPTION_KEY: string;
  /** true when development secrets were generated or read from the local secrets file */
  usingDevSecrets: boolean;
};

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join("; ")}`);
    this.name = "EnvError";
  }
}

const REQUIRED_IN_PRODUCTION = {
  NEXTAUTH_URL: "is required in production (the console's public URL)",
  NEXTAUTH_SECRET: "is required in production (openssl rand -base64 32)",
  APP_ENCRYPTION_KEY: "is required in production (openssl rand -base64 32)",
} as const;

/**
 * A variable set to nothing (`NAME=` in a .env file, as .env.example ships them) means "not set":
 * its default applies, and a required one is reported missing rather than malformed.
 */
function withoutEmptyValues(source: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(source).filter(
      (entry): entry is [string, string] => typeof entry[1] === "string" && entry[1].trim() !== "",
    ),
  );
}

/** Parses a set of variables; throws EnvError naming every bad or missing variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(withoutEmptyValues(source));
  if (!result.success) {
    throw new EnvError(result.error.issues.map((i) => `${i.path.join(".") || "environment"} ${i.message}`));
  }
  const env = result.data;
  const strict = env.NODE_ENV === "production" && !env.DEMO_MODE;
  const missing = (Object.keys(REQUIRED_IN_PRODUCTION) as (keyof typeof REQUIRED_IN_PRODUCTION)[]).filter(
    (k) => !env[k],
  );
  if (strict && missing.length) throw new EnvError(missing.map((k) => `${k} ${REQUIRED_IN_PRODUCTION[k]}`));
  const dev = missing.length ? loadDevSecrets(env.DATABASE_URL) : undefined;
  return {
    ...env,
    NEXTAUTH_URL: env.NEXTAUTH_URL ?? "http://localhost:3000",
    NEXTAUTH_SECRET: env.NEXTAUTH_SECRET ?? dev!.nextAuthSecret,
    APP_ENCRYPTION_KEY: env.APP_ENCRYPTION_KEY ?? dev!.encryptionKey,
    usingDevSecrets: Boolean(dev && (!env.NEXTAUTH_SECRET || !env.APP_ENCRYPTION_KEY)),
  };
}

let cached: Env | undefined;

/** The process's configuration, parsed on first use. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** For tests that change process.env. */
export function resetEnvCache(): void {
  cached = undefined;
}

/**
 * `make(key, env())` remembered per key object until the configuration is read anew (after
 * resetEnvCache): for what is derived from an object handed out again and again (a resolved
 * connection) and from the configuration, and is not worth making on every request.
 */
export function perConfiguration<K extends object, V>(make: (key: K, config: Env) => V): (key: K) => V {
  const made = new WeakMap<K, { config: Env; value: V }>();
  return (key) => {
    const config = env();
    const known = made.get(key);
    if (known?.config === config) return known.value;
    const value = make(key, config);
    made.set(key, { config, value });
    return value;
  };
}

export function isProductionStrict(e: Env = env()): boolean {
  return e.NODE_ENV === "production" && !e.DEMO_MODE;
}
