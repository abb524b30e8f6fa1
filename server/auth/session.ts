import { randomBytes } from "node:crypto";
import type { Database } from "@/server/db/client";
import { getEnv } from "@/server/env";
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

/** Looks the session up in the database: an expired or deleted session is no session. */
export async function resolveActor(db: Database, sessionToken: string | undefined | null): Promise<Actor | null> {
  if (!sessionToken) return null;
  const session = await db.session.findUnique({
    where: { sessionToken },
    select: { expires: true, user: { select: { id: true, name: true, email: true, organisationId: true } } },
  });
  if (!session || session.expires <= new Date()) return null;
  const { user } = session;
  return { userId: user.id, name: user.name, email: user.email, organisationId: user.organisationId };
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
