// A user as the admin API and pages show it: never the password hash.
export type UserRow = {
  id: string;
  email: string;
  name: string;
  role: string;
  status: string;
  passwordHash: string | null;
  createdAt: Date;
  updatedAt: Date;
  lastLoginAt: Date | null;
  _count?: { identities: number };
};

export type PublicUser = ReturnType<typeof toPublicUser>;

export function toPublicUser(row: UserRow) {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    status: row.status,
    hasPassword: Boolean(row.passwordHash),
    singleSignOn: (row._count?.identities ?? 0) > 0,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
  };
}

export const userSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  status: true,
  passwordHash: true,
  createdAt: true,
  updatedAt: true,
  lastLoginAt: true,
  _count: { select: { identities: true } },
} as const;
