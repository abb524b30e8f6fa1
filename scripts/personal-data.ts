/**
 * For the installation's data controller, answering a request that arrived by email or letter:
 *
 *   node --import tsx scripts/personal-data.ts erase <email>          close the account after the grace period
 *   node --import tsx scripts/personal-data.ts erase <email> --now    close it at once (the person asked for that)
 *   node --import tsx scripts/personal-data.ts export <email> [file]  write their "Download my data" zip to a file
 *
 * The same rules as the person's own request apply: it is refused, naming what to hand over,
 * while they lead a sub-group, a running project, an open proposal or a partnership; their
 * officers are told; and it is in the audit trail. It reads Tandem's configuration
 * (DATABASE_URL, or the embedded PostgreSQL of a running Tandem on EMBEDDED_PG_PORT).
 */
import { writeFile } from "node:fs/promises";
import { createDatabaseClient } from "../server/db/client";
import { exportForDataController } from "../server/domain/personal-data/export";
import { carryOutErasure, requestErasure } from "../server/domain/personal-data/erasure";
import { EnvError, parseEnv } from "../server/env";
import { AppError } from "../server/errors";

const USAGE = "usage: scripts/personal-data.ts erase <email> [--now] | export <email> [file.zip]";

async function main() {
  const [command, email, ...flags] = process.argv.slice(2);
  if ((command !== "erase" && command !== "export") || !email) {
    console.error(USAGE);
    process.exit(2);
  }
  let env;
  try {
    env = parseEnv(process.env);
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const now = flags.includes("--now");
  const url = env.DATABASE_URL ?? `postgresql://postgres:postgres@127.0.0.1:${env.EMBEDDED_PG_PORT}/tandem`;
  const db = createDatabaseClient(url, { poolSize: 2 });
  try {
    const person = await db.user.findFirst({ where: { email: { equals: email.trim(), mode: "insensitive" } }, select: { id: true } });
    if (!person) {
      console.error(`No account has the address ${email}.`);
      process.exit(1);
    }
    if (command === "export") {
      const file = flags[0] ?? `tandem-data-${new Date().toISOString().slice(0, 10)}.zip`;
      await writeFile(file, await exportForDataController(db, person.id));
      console.log(`Wrote ${file}. Send it to the person by a secure route: it holds everything Tandem keeps about them.`);
      return;
    }
    const { request, created } = await requestErasure(db, { userId: person.id, requestedById: null }, now ? { TANDEM_ERASURE_GRACE_DAYS: 0 } : env);
    console.log(created ? `Requested: the account closes on ${request.effectiveAt.toISOString()}.` : `Already requested: the account closes on ${request.effectiveAt.toISOString()}.`);
    if (now) {
      const outcome = await carryOutErasure(db, request.id, new Date(Math.max(Date.now(), request.effectiveAt.getTime())));
      console.log(outcome.erased ? `Erased, in ${outcome.partnerships} partnership(s).` : `Not erased: ${outcome.reason}`);
    }
  } catch (error) {
    if (error instanceof AppError) {
      console.error(error.userMessage);
      process.exit(1);
    }
    throw error;
  } finally {
    await db.$disconnect();
  }
}

void main();
