import { DEMO_EMAILS } from "@/prisma/seed/demo-data";
import { createSession } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import { clientAddress } from "@/server/domain/rate-limits/client-address";
import { enforceRateLimit } from "@/server/domain/rate-limits/rate-limit";
import type { Env } from "@/server/env";
import { AppError } from "@/server/errors";

/**
 * Demo mode only: sign in as one of the seeded demo people without an email round trip.
 * Refuses anyone who is not a seeded demo person, so it can never open a real account.
 */
export async function startDemoSession(db: Database, demoMode: boolean, email: string) {
  if (!demoMode) throw new AppError("NOT_FOUND", "Demo sign-in is not available on this installation.");
  const normalised = email.trim().toLowerCase();
  if (!DEMO_EMAILS.has(normalised)) throw new AppError("BAD_REQUEST", "Choose one of the demo people listed.");
  const user = await db.user.findUnique({ where: { email: normalised }, select: { id: true } });
  if (!user) throw new AppError("BAD_REQUEST", "That demo person has not been set up on this installation.");
  return createSession(db, user.id);
}

/** The demo people available to sign in as, with their roles, for the sign-in page. */
export async function listDemoPeople(db: Database) {
  const users = await db.user.findMany({
    where: { email: { in: [...DEMO_EMAILS] } },
    orderBy: { name: "asc" },
    select: {
      name: true,
      email: true,
      jobTitle: true,
      organisation: { select: { name: true, sector: true } },
      memberships: { select: { role: true, partnership: { select: { name: true } } } },
    },
  });
  return users;
}

/** Counts a demo sign-in from the request's network (TANDEM_RATE_LIMIT_DEMO_SIGN_IN); throws RateLimitedError over the limit. */
export async function limitDemoSignIn(db: Database, headers: Headers, env: Env, now?: Date): Promise<void> {
  await enforceRateLimit(
    db,
    "demo-sign-in",
    clientAddress(headers, env.TANDEM_PROXY_HOPS),
    env.TANDEM_RATE_LIMIT_DEMO_SIGN_IN,
    "Too many demo sign-ins came from your network.",
    now,
  );
}
