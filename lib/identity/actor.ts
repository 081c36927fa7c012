// Who is making a request: a signed-in user, or a script holding one of a user's personal API
// keys. An API key acts with its owner's current role. Types only: safe to import anywhere.
import type { Role } from "./roles";

export type Actor = {
  type: "user" | "api_key";
  userId: string;
  email: string;
  name: string;
  role: Role;
  apiKeyId?: string;
};
