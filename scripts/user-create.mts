// npm run user:create -- --email a@b.c --role admin [--name "Ada"] [--password ...]
// Without --password it asks for one (hidden) on a terminal, or reads the first line of stdin
// when piped (so the password stays out of the shell history and the process list).
import "./load-env-files";
import { parseArgs } from "node:util";
import { createInterface } from "node:readline";
import { env } from "../lib/env";
import { db } from "../lib/db/client";
import { systemAudit } from "../lib/audit/request-audit";
import { insertUser } from "../lib/users/create-user";
import { createUserSchema } from "../lib/users/user-input";
import { zodFieldErrors } from "../lib/errors/zod-field-errors";
import { exitWithReason } from "./exit-with-reason";

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const rl = createInterface({ input: process.stdin });
    for await (const line of rl) return line;
    return "";
  }
  const ask = (question: string) =>
    new Promise<string>((resolve) => {
      const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
      // Echo the question, not what is typed.
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s) => {
        if (s.startsWith(question)) process.stdout.write(question);
      };
      rl.question(question, (answer) => {
        rl.close();
        process.stdout.write("\n");
        resolve(answer);
      });
    });
  const first = await ask("Password: ");
  if ((await ask("Repeat password: ")) !== first) throw new Error("the passwords do not match");
  return first;
}

try {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      role: { type: "string", default: "viewer" },
      name: { type: "string" },
      password: { type: "string" },
    },
  });
  if (!values.email)
    throw new Error("usage: npm run user:create -- --email a@b.c --role admin|agent|viewer [--name N] [--password P]");
  env();
  const input = {
    email: values.email,
    role: values.role,
    name: values.name ?? values.email.split("@")[0],
    password: values.password ?? (await readPassword()),
  };
  const parsed = createUserSchema.safeParse(input);
  if (!parsed.success) {
    const problems = Object.entries(zodFieldErrors(parsed.error)).map(
      ([field, messages]) => `${field} ${messages.join(", ")}`,
    );
    throw new Error(problems.join("; "));
  }
  const user = await insertUser(parsed.data, systemAudit());
  console.log(`[user:create] created ${user.role} ${user.email} (id ${user.id})`);
  await db().$disconnect();
} catch (error) {
  exitWithReason(error);
}
