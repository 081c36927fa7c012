// Imported first by command-line entry points (before anything reads process.env): the .env
// files of the current NODE_ENV (development when unset, as for `next dev`), see lib/env-files.ts.
import { envFileMode, loadEnvFiles } from "../lib/env-files";

loadEnvFiles(envFileMode(process.env.NODE_ENV));
