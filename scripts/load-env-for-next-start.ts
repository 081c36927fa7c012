// Imported first by the entry points that end in the console's server (npm start, npm run demo): the
// configuration that Next.js itself will see, NODE_ENV=production unless set and the .env
// files of production mode (lib/env-files.ts), so that what they check and migrate is what the
// server uses.
import { loadEnvFiles } from "../lib/env-files";

(process.env as Record<string, string | undefined>).NODE_ENV ??= "production";
loadEnvFiles("production");
