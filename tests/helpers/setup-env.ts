// Runs in every test worker before the test files.
import { resetEnvCache } from "../../lib/env";

resetEnvCache();
