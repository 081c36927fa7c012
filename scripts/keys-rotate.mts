// npm run keys:rotate — re-encrypts every stored K-LINK token and webhook secret with the current
// APP_ENCRYPTION_KEY. Rotation: set APP_ENCRYPTION_KEY to the new key and
// APP_ENCRYPTION_KEY_PREVIOUS to the old one, restart, run this, then drop the previous key.
import "./load-env-files";
import { env } from "../lib/env";
import { db } from "../lib/db/client";
import { encryptionKeys } from "../lib/crypto/secret-box";
import { systemAudit } from "../lib/audit/request-audit";
import { reencryptConnections } from "../lib/connections/reencrypt-connections";
import { exitWithReason } from "./exit-with-reason";

try {
  env();
  const { connections, reencrypted } = await reencryptConnections(systemAudit());
  console.log(
    `[keys:rotate] ${reencrypted} of ${connections} connection(s) re-encrypted; all now use key ${encryptionKeys().current.id}.`,
  );
  await db().$disconnect();
} catch (error) {
  exitWithReason(error);
}
