import { log } from "@/server/log";
import { getDb } from "@/server/db/client";
import { getEnv } from "@/server/env";
import { startJobRunner } from "./runner";

/**
 * Starts this instance's share of the background work when the server starts (unless
 * TANDEM_JOBS=off). Safe on every instance: the queue hands each job to one of them.
 */
const env = getEnv();
if (env.TANDEM_JOBS && env.DATABASE_URL) {
  const runner = startJobRunner({ db: getDb(), env });
  log.info({ workerId: runner.workerId }, "working the background job queue");
  process.once("SIGTERM", () => void runner.stop());
}
