import type { Adapter, AdapterAccount, AdapterUser } from "next-auth/adapters";
import type { Database } from "@/server/db/client";
import { isRecordNotFound } from "@/server/db/errors";
import { keepSessionAlive } from "./session";

/**
 * next-auth's database adapter over Tandem's Prisma client. Sessions live in the
 * Session table, so signing out (or removing a session row) ends access at once.
 */

function toAdapterUser(user: { id: string; email: string; name: string | null; image: string | null; emailVerified: Date | null }): AdapterUser {
  return { id: user.id, email: user.email, name: user.name, image: user.image, emailVerified: user.emailVerified };
}

function normaliseEmail(email: string) {
  return email.trim().toLowerCase();
}

export function tandemAuthAdapter(db: Database): Adapter {
  return {
    async createUser(user: Omit<AdapterUser, "id">) {
      const created = await db.user.create({
        data: {
          email: normaliseEmail(user.email),
          name: user.name ?? null,
          image: user.image ?? null,
          emailVerified: user.emailVerified ?? null,
        },
      });
      return toAdapterUser(created);
    },
    async getUser(id) {
      const user = await db.user.findUnique({ where: { id } });
      return user ? toAdapterUser(user) : null;
    },
    async getUserByEmail(email) {
      const user = await db.user.findUnique({ where: { email: normaliseEmail(email) } });
      return user ? toAdapterUser(user) : null;
    },
    async getUserByAccount({ provider, providerAccountId }) {
      const account = await db.account.findUnique({
        where: { provider_providerAccountId: { provider, providerAccountId } },
        include: { user: true },
      });
      return account ? toAdapterUser(account.user) : null;
    },
    async updateUser({ id, ...changes }) {
      const user = await db.user.update({
        where: { id },
        data: {
          ...(changes.name !== undefined && { name: changes.name }),
          ...(changes.image !== undefined && { image: changes.image }),
          ...(changes.email !== undefined && { email: normaliseEmail(changes.email) }),
          ...(changes.emailVerified !== undefined && { emailVerified: changes.emailVerified }),
        },
      });
      return toAdapterUser(user);
    },
    async linkAccount(account: AdapterAccount) {
      await db.account.create({
        data: {
          userId: account.userId,
          type: account.type,
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          refresh_token: account.refresh_token ?? null,
          access_token: account.access_token ?? null,
          expires_at: account.expires_at ?? null,
          token_type: account.token_type ?? null,
          scope: account.scope ?? null,
          id_token: account.id_token ?? null,
          session_state: typeof account.session_state === "string" ? account.session_state : null,
        },
      });
    },
    async createSession(session) {
      const created = await db.session.create({ data: session });
      return { sessionToken: created.sessionToken, userId: created.userId, expires: created.expires };
    },
    async getSessionAndUser(sessionToken) {
      const found = await db.session.findUnique({ where: { sessionToken }, include: { user: true } });
      // An expired or idle session is no session here either, as in resolveActor.
      if (!found || !(await keepSessionAlive(db, found))) return null;
      return {
        session: { sessionToken: found.sessionToken, userId: found.userId, expires: found.expires },
        user: toAdapterUser(found.user),
      };
    },
    async updateSession({ sessionToken, expires }) {
      const updated = await db.session.updateMany({ where: { sessionToken }, data: { ...(expires && { expires }) } });
      if (updated.count === 0) return null;
      const session = await db.session.findUnique({ where: { sessionToken } });
      return session && { sessionToken: session.sessionToken, userId: session.userId, expires: session.expires };
    },
    async deleteSession(sessionToken) {
      await db.session.deleteMany({ where: { sessionToken } });
    },
    async createVerificationToken(token) {
      const created = await db.verificationToken.create({
        data: { identifier: normaliseEmail(token.identifier), token: token.token, expires: token.expires },
      });
      return created;
    },
    async useVerificationToken({ identifier, token }) {
      // Single use: the row is deleted as it is read, so two clicks cannot both sign in.
      try {
        return await db.verificationToken.delete({
          where: { identifier_token: { identifier: normaliseEmail(identifier), token } },
        });
      } catch (error) {
        if (isRecordNotFound(error)) return null;
        throw error;
      }
    },
  };
}
