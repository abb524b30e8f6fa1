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
  console.info(`[jobs] working the background job queue as ${runner.workerId}`);
  process.once("SIGTERM", () => void runner.stop());
}
