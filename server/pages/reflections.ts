import "server-only";
import { cache } from "react";
import { partnershipSlug } from "@/lib/schemas/partnership";
import { questionSetRefInput, surveyRefInput } from "@/lib/schemas/reflections";
import { getApi } from "@/server/api/server-caller";
import { loadOr404, paramOr404, requireSignedIn as requireSignedInHere, samePartnershipOr404 } from "@/server/pages/load";

/** Sends a signed-out visitor to sign in (coming back here), and refuses a malformed address. */
export async function requireSignedIn(slug: string, here: string) {
  paramOr404(partnershipSlug, slug);
  await requireSignedInHere(here);
}

/**
 * One reflection for its pages, fetched once per request through the API (so the policy
 * and the audience rules apply). A run the viewer has no part in, or one of another
 * partnership than the address names, is "not found".
 */
export const loadReflection = cache(async (slug: string, surveyId: string, here: string) => {
  paramOr404(surveyRefInput, { surveyId });
  await requireSignedIn(slug, here);
  const api = await getApi();
  const reflection = await loadOr404(() => api.reflection.get({ surveyId }), { here });
  samePartnershipOr404(slug, reflection.partnershipSlug);
  return reflection;
});

export type LoadedReflection = Awaited<ReturnType<typeof loadReflection>>;

/** The question sets a reflection can be run from (and whether the viewer may change them). */
export const loadQuestionSets = cache(async (slug: string, here: string) => {
  await requireSignedIn(slug, here);
  const api = await getApi();
  return loadOr404(() => api.reflection.questionSets({ partnershipSlug: slug }), { here });
});

/** One of the partnership's own question sets, for an officer to change. */
export const loadQuestionSet = cache(async (slug: string, questionSetId: string, here: string) => {
  paramOr404(questionSetRefInput, { partnershipSlug: slug, questionSetId });
  await requireSignedIn(slug, here);
  const api = await getApi();
  return loadOr404(() => api.reflection.questionSet({ partnershipSlug: slug, questionSetId }), { here });
});
