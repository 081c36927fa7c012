// An API key as lists show it: its name and display prefix, never the key or its hash.
export type ApiKeyRow = {
  id: string;
  name: string;
  prefix: string;
  userId: string;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  createdAt: Date;
  user?: { email: string; name: string };
};

export function apiKeyStatus(
  row: Pick<ApiKeyRow, "revokedAt" | "expiresAt">,
  now = new Date(),
): "active" | "revoked" | "expired" {
  if (row.revokedAt) return "revoked";
  if (row.expiresAt && row.expiresAt <= now) return "expired";
  return "active";
}

export function toPublicApiKey(row: ApiKeyRow) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    status: apiKeyStatus(row),
    owner: { id: row.userId, ...(row.user ? { email: row.user.email, name: row.user.name } : {}) },
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

export type PublicApiKey = ReturnType<typeof toPublicApiKey>;

export const apiKeySelect = {
  id: true,
  name: true,
  prefix: true,
  userId: true,
  expiresAt: true,
  revokedAt: true,
  lastUsedAt: true,
  createdAt: true,
  user: { select: { email: true, name: true } },
} as const;
