import "server-only";
import { TRPCError } from "@trpc/server";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { partnershipSlug } from "@/lib/schemas/partnership";
import { storyRefInput } from "@/lib/schemas/stories";
import { getApi } from "@/server/api/server-caller";
import { getCurrentActor } from "@/server/auth/current-actor";

/**
 * The story for its pages, fetched once per request through the API (so the policy and
 * the story's own visibility rules apply). Signed-out visitors go to sign in; a story the
 * viewer may not see, or one of another partnership than the address names, is "not found".
 */
export const loadStory = cache(async (slug: string, storyId: string, here: string) => {
  if (!partnershipSlug.safeParse(slug).success || !storyRefInput.safeParse({ storyId }).success) notFound();
  if (!(await getCurrentActor())) redirect(`/signin?callbackUrl=${encodeURIComponent(here)}`);
  const api = await getApi();
  try {
    const story = await api.story.get({ storyId });
    if (story.partnership.slug !== slug) notFound();
    return story;
  } catch (error) {
    if (error instanceof TRPCError && ["NOT_FOUND", "FORBIDDEN", "BAD_REQUEST"].includes(error.code)) notFound();
    throw error;
  }
});

export type LoadedStory = Awaited<ReturnType<typeof loadStory>>;

/** What the viewer may do in the partnership, or "not found" for anyone outside it; sign-in first. */
export const loadViewer = cache(async (slug: string, here: string) => {
  if (!partnershipSlug.safeParse(slug).success) notFound();
  if (!(await getCurrentActor())) redirect(`/signin?callbackUrl=${encodeURIComponent(here)}`);
  const api = await getApi();
  try {
    return await api.partnership.viewer({ partnershipSlug: slug });
  } catch (error) {
    if (error instanceof TRPCError && ["NOT_FOUND", "FORBIDDEN", "BAD_REQUEST"].includes(error.code)) notFound();
    throw error;
  }
});
