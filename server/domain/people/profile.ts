import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";

/** The signed-in person's own profile. */
export async function getOwnProfile(db: Database, actor: Actor) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: {
      id: true,
      name: true,
      email: true,
      jobTitle: true,
      organisation: { select: { id: true, name: true, sector: true } },
    },
  });
  return user;
}
