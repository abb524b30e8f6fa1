import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";

/** The actor for a person, as the session lookup would build it. */
export async function resolveActorById(db: Database, userId: string): Promise<Actor> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, name: true, email: true, organisationId: true } });
  return { userId: user.id, name: user.name, email: user.email, organisationId: user.organisationId };
}
