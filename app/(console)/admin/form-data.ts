// Reading server-action form fields: an empty field means "not given" (keep the current value).
// Text no database can store (NUL, from a hand-made post) is refused as a field error, as the JSON
// API refuses it (lib/http/json-input.ts).
import { ApiError } from "@/lib/errors/api-error";
import { unstorableReason } from "@/lib/http/storable-text";

export function text(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  if (typeof value !== "string" || value.trim() === "") return undefined;
  const reason = unstorableReason(value);
  if (reason) throw new ApiError("validation_failed", `${name} ${reason}.`, { fields: { [name]: [reason] } });
  return value;
}

export function checked(form: FormData, name: string): boolean {
  return form.get(name) === "on";
}
