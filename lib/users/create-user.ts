import "server-only";
// Creates a user. Admins do it through the API and pages; the command line, the first-admin
// bootstrap and the demo seed use insertUser with a system audit.
import { db } from "../db/client";
import { conflict } from "../errors/api-error";
import type { Actor } from "../identity/actor";
import { assertRole } from "../identity/assert-role";
import { hashPassword } from "../auth/passwords";
import type { Audit } from "../audit/request-audit";
import { createUserSchema, type CreateUserInput } from "./user-input";
import { toPublicUser, userSelect } from "./public-user";

export async function createUser(actor: Actor, input: CreateUserInput, audit: Audit) {
  assertRole(actor, "admin");
  return insertUser(input, audit);
}

export async function insertUser(input: CreateUserInput, audit: Audit) {
  const data = createUserSchema.parse(input);
  if (await db().user.findUnique({ where: { email: data.email }, select: { id: true } })) {
    throw conflict(`A user with the e-mail address ${data.email} already exists.`);
  }
  const row = await db().user.create({
    data: {
      email: data.email,
      name: data.name,
      role: data.role,
      status: "active",
      passwordHash: data.password ? await hashPassword(data.password) : null,
    },
    select: userSelect,
  });
  const user = toPublicUser(row);
  await audit({
    action: "user.create",
    outcome: "success",
    target: { type: "user", id: user.id },
    after: {
      email: user.email,
      name: user.name,
      role: user.role,
      status: user.status,
      signIn: user.hasPassword ? "password" : "single sign-on only",
    },
  });
  return user;
}
