import "server-only";
import { cache } from "react";
import { partnershipSlug } from "@/lib/schemas/partnership";
import { storyRefInput } from "@/lib/schemas/stories";
import { getApi } from "@/server/api/server-caller";
import { loadOr404, paramOr404, requireSignedIn, samePartnershipOr404 } from "@/server/pages/load";

/**
 * The story for its pages, fetched once per request through the API (so the policy and
 * the story's own visibility rules apply). Signed-out visitors go to sign in; a story the
 * viewer may not see, or one of another partnership than the address names, is "not found".
 */
export const loadStory = cache(async (slug: string, storyId: string, here: string) => {
  paramOr404(partnershipSlug, slug);
  paramOr404(storyRefInput, { storyId });
  await requireSignedIn(here);
  const api = await getApi();
  const story = await loadOr404(() => api.story.get({ storyId }), { here });
  samePartnershipOr404(slug, story.partnership.slug);
  return story;
});

export type LoadedStory = Awaited<ReturnType<typeof loadStory>>;

/** What the viewer may do in the partnership, or "not found" for anyone outside it; sign-in first. */
export const loadViewer = cache(async (slug: string, here: string) => {
  paramOr404(partnershipSlug, slug);
  await requireSignedIn(here);
  const api = await getApi();
  return loadOr404(() => api.partnership.viewer({ partnershipSlug: slug }), { here });
});
