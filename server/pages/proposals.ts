import "server-only";
import { cache } from "react";
import { partnershipSlug } from "@/lib/schemas/partnership";
import { proposalRefInput } from "@/lib/schemas/proposals";
import { getApi } from "@/server/api/server-caller";
import { loadOr404, paramOr404, requireSignedIn, samePartnershipOr404 } from "./load";

/**
 * The proposal for its pages, fetched once per request through the API (so the policy
 * applies). Signed-out visitors go to sign in; a proposal the viewer may not read, or one
 * of another partnership than the address names, is "not found".
 */
export const loadProposal = cache(async (slug: string, proposalId: string, here: string) => {
  paramOr404(partnershipSlug, slug);
  paramOr404(proposalRefInput, { proposalId });
  await requireSignedIn(here);
  const api = await getApi();
  const proposal = await loadOr404(() => api.proposal.get({ proposalId }), { here });
  samePartnershipOr404(slug, proposal.partnership.slug);
  return proposal;
});

export type LoadedProposal = Awaited<ReturnType<typeof loadProposal>>;
