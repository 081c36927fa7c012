import "server-only";
// The one way the server process runs something periodically: a first run after
// `firstRunAfterMs` (0: at once), then every `everyMs`. A failed run is logged and the schedule
// goes on; timers never keep the process alive. Several instances may run the same job at once:
// each job is written to be safe to race (claims, idempotent deletes).
import { logger } from "../log/logger";

export type Job = {
  /** For the log line of a failed run, e.g. "audit purge". */
  name: string;
  firstRunAfterMs: number;
  everyMs: number;
  run: () => Promise<unknown>;
};

export function scheduleJob(job: Job): void {
  const runOnce = () =>
    void job.run().catch((error: unknown) => {
      logger.warn({ err: error, job: job.name, nextRunInMs: job.everyMs }, "background job failed; it runs again");
    });
  const start = () => {
    runOnce();
    setInterval(runOnce, job.everyMs).unref();
  };
  if (job.firstRunAfterMs === 0) start();
  else setTimeout(start, job.firstRunAfterMs).unref();
}
