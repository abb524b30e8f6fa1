import type { z } from "zod";
import type { updateNotificationSettingsInput, updateProfileInput } from "@/lib/schemas/profile";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";

const ownProfileSelect = {
  id: true,
  name: true,
  email: true,
  jobTitle: true,
  organisation: { select: { id: true, name: true, sector: true, type: true } },
  bio: true,
  interests: true,
  phone: true,
  listedInDirectory: true,
  showEmail: true,
  showPhone: true,
  emailOnJoinRequests: true,
  emailOnDecisions: true,
  emailOnMentions: true,
} as const;

/** The signed-in person's own profile, with their directory and email choices. */
export async function getOwnProfile(db: Database, actor: Actor) {
  return db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: ownProfileSelect });
}

/**
 * Changes what the signed-in person shows in partnership directories. Always their own
 * record: the input carries no user id. Interests arrive normalised by the schema.
 */
export async function updateOwnProfile(db: Database, actor: Actor, input: z.output<typeof updateProfileInput>) {
  return db.user.update({
    where: { id: actor.userId },
    data: {
      name: input.name,
      jobTitle: input.jobTitle,
      bio: input.bio,
      interests: input.interests,
      phone: input.phone,
      listedInDirectory: input.listedInDirectory,
      showEmail: input.showEmail,
      showPhone: input.showPhone,
    },
    select: ownProfileSelect,
  });
}

/** Which in-app notifications the signed-in person also receives by email. */
export async function updateNotificationSettings(
  db: Database,
  actor: Actor,
  input: z.output<typeof updateNotificationSettingsInput>,
) {
  return db.user.update({
    where: { id: actor.userId },
    data: input,
    select: ownProfileSelect,
  });
}
