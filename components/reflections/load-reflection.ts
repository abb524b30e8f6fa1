import "server-only";
import { TRPCError } from "@trpc/server";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { partnershipSlug } from "@/lib/schemas/partnership";
import { surveyRefInput } from "@/lib/schemas/reflections";
import { getApi } from "@/server/api/server-caller";
import { getCurrentActor } from "@/server/auth/current-actor";

/** Sends a signed-out visitor to sign in (coming back here), and refuses a malformed address. */
export async function requireSignedIn(slug: string, here: string) {
  if (!partnershipSlug.safeParse(slug).success) notFound();
  if (!(await getCurrentActor())) redirect(`/signin?callbackUrl=${encodeURIComponent(here)}`);
}

/**
 * One reflection for its pages, fetched once per request through the API (so the policy
 * and the audience rules apply). A run the viewer has no part in, or one of another
 * partnership than the address names, is "not found".
 */
export const loadReflection = cache(async (slug: string, surveyId: string, here: string) => {
  if (!surveyRefInput.safeParse({ surveyId }).success) notFound();
  await requireSignedIn(slug, here);
  const api = await getApi();
  try {
    const reflection = await api.reflection.get({ surveyId });
    if (reflection.partnershipSlug !== slug) notFound();
    return reflection;
  } catch (error) {
    if (error instanceof TRPCError && ["NOT_FOUND", "FORBIDDEN", "BAD_REQUEST"].includes(error.code)) notFound();
    throw error;
  }
});

export type LoadedReflection = Awaited<ReturnType<typeof loadReflection>>;
