import { randomBytes } from "node:crypto";
import type { Database } from "@/server/db/client";
import { getEnv } from "@/server/env";
import { lastUseWriteIntervalMs } from "@/lib/session-timeout";
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** The signed-in person making a request, read from the database on every request. */
export type Actor = {
  userId: string;
  name: string | null;
  email: string;
  organisationId: string | null;
};

/** next-auth names its cookie with the __Secure- prefix when the site is served over https. */
export function sessionCookieName(): string {
  return getEnv().NEXTAUTH_URL?.startsWith("https://") ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

export const SESSION_COOKIE_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

/** When a session is looked at, and after how long without use it ends (default TANDEM_SESSION_IDLE_MINUTES). */
export type SessionClock = { now?: Date; idleMinutes?: number };

export { lastUseWriteIntervalMs };

/**
 * Is this session alive at `now`: before its absolute expiry, and used within the idle
 * timeout? An idle session is deleted; a live one has its last use brought up to date when
 * that is older than the write interval (a conditional update, so instances do not race).
 */
export async function keepSessionAlive(
  db: Database,
  session: { sessionToken: string; expires: Date; lastUsedAt: Date },
  clock: SessionClock = {},
): Promise<boolean> {
  const now = clock.now ?? new Date();
  const idleMinutes = clock.idleMinutes ?? getEnv().TANDEM_SESSION_IDLE_MINUTES;
  if (session.expires <= now) return false;
  const idleSince = new Date(now.getTime() - idleMinutes * 60_000);
  if (session.lastUsedAt < idleSince) {
    await db.session.deleteMany({ where: { sessionToken: session.sessionToken, lastUsedAt: { lt: idleSince } } });
    return false;
  }
  const writeBefore = new Date(now.getTime() - lastUseWriteIntervalMs(idleMinutes));
  if (session.lastUsedAt < writeBefore) {
    await db.session.updateMany({
      where: { sessionToken: session.sessionToken, lastUsedAt: { lt: writeBefore } },
      data: { lastUsedAt: now },
    });
  }
  return true;
}

/** Looks the session up in the database: an expired, idle or deleted session is no session. */
export async function resolveActor(
  db: Database,
  sessionToken: string | undefined | null,
  clock: SessionClock = {},
): Promise<Actor | null> {
  if (!sessionToken) return null;
  // The session and its person in one statement: every request starts here.
  const [session] = await db.$queryRaw<
    { sessionToken: string; expires: Date; lastUsedAt: Date; userId: string; name: string | null; email: string; organisationId: string | null }[]
  >`
    SELECT s."sessionToken", s."expires", s."lastUsedAt", u."id" AS "userId", u."name", u."email", u."organisationId"
    FROM "Session" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."sessionToken" = ${sessionToken}`;
  if (!session || !(await keepSessionAlive(db, session, clock))) return null;
  return { userId: session.userId, name: session.name, email: session.email, organisationId: session.organisationId };
}

/** "Sign out of every device": ends every session of this person, the current one included. Gives how many ended. */
export async function endAllSessions(db: Database, userId: string): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { userId } });
  return count;
}

/** Reads the session token from a Cookie header (tRPC route handler, API routes). */
export function sessionTokenFromCookieHeader(cookieHeader: string | null): string | undefined {
  if (!cookieHeader) return undefined;
  const cookies = new Map(
    cookieHeader.split(";").map((part) => {
      const index = part.indexOf("=");
      return [part.slice(0, index).trim(), decodeURIComponent(part.slice(index + 1).trim())] as const;
    }),
  );
  for (const name of SESSION_COOKIE_NAMES) {
    const value = cookies.get(name);
    if (value) return value;
  }
  return undefined;
}

/** Starts a database session for a user (demo sign-in, end-to-end tests). */
export async function createSession(db: Database, userId: string): Promise<{ sessionToken: string; expires: Date }> {
  const sessionToken = randomBytes(32).toString("hex");
  const expires = new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000);
  await db.session.create({ data: { sessionToken, userId, expires } });
  return { sessionToken, expires };
}
