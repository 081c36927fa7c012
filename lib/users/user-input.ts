// What the admin API and pages accept for users. Safe to import anywhere.
import { z } from "zod";
import { ROLES } from "../identity/roles";

const PASSWORD_MIN_LENGTH = 12;
const PASSWORD_MAX_LENGTH = 256;

export const emailSchema = z.string().trim().toLowerCase().max(320).pipe(z.email("must be an e-mail address"));

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`);

const nameSchema = z.string().trim().min(1, "is required").max(200);
const roleSchema = z.enum(ROLES, "must be admin, agent or viewer");
export const USER_STATUSES = ["active", "disabled"] as const;

export const createUserSchema = z.strictObject({
  email: emailSchema,
  name: nameSchema,
  role: roleSchema,
  // Optional: a user who signs in only through single sign-on has no password.
  password: passwordSchema.optional(),
});

export const updateUserSchema = z
  .strictObject({
    name: nameSchema.optional(),
    role: roleSchema.optional(),
    status: z.enum(USER_STATUSES, "must be active or disabled").optional(),
    password: passwordSchema.optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), "Send at least one of name, role, status, password.");

export type CreateUserInput = z.infer<typeof createUserSchema>;
export type UpdateUserInput = z.infer<typeof updateUserSchema>;
