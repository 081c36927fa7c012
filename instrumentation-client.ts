// Runs in the browser before the console's own code. zod compiles object schemas with
// new Function() when it finds eval allowed, and its probe for that is itself reported as a
// violation of the pages' Content-Security-Policy (no eval: lib/http/security-headers.ts).
// jitless parses without compiling; it must be set before the first schema is built.
import { config } from "zod/v4/core";

config({ jitless: true });
