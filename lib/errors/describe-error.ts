// What a thrown value means for whoever asked, the one classification every door uses (the route
// wrapper, server actions, pages' K-LINK reads): an ApiError as it is, a ZodError as a 400 with
// field messages. Anything else is a fault: null, so the door logs it and reveals nothing.
import { ZodError } from "zod";
import { ApiError, ERROR_STATUS, type FieldErrors } from "./api-error";
import { zodFieldErrors } from "./zod-field-errors";

export type ErrorDescription = {
  status: number;
  code: string;
  message: string;
  fields?: FieldErrors;
  headers?: Record<string, string>;
};

export function describeError(error: unknown): ErrorDescription | null {
  if (error instanceof ApiError) {
    return { status: error.status, code: error.code, message: error.message, ...error.options };
  }
  if (error instanceof ZodError) {
    return {
      status: ERROR_STATUS.validation_failed,
      code: "validation_failed",
      message: "Some fields are not valid.",
      fields: zodFieldErrors(error),
    };
  }
  return null;
}
