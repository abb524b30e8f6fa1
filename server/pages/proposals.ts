import "server-only";
import { TRPCError } from "@trpc/server";
import { cache } from "react";
import { paths } from "@/lib/paths";
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

/** The proposals the signed-in member writes or co-writes, and the ones they assess. */
export async function loadMyProposals(slug: string) {
  paramOr404(partnershipSlug, slug);
  const here = paths.proposals(slug);
  await requireSignedIn(here);
  const api = await getApi();
  const [mine, assessing] = await loadOr404(
    () => Promise.all([api.proposal.mine({ partnershipSlug: slug }), api.assessment.mine({ partnershipSlug: slug })]),
    { here },
  );
  return { mine, assessing };
}

/**
 * A sub-group's proposals, or null when the viewer may not read them (a partnership member
 * outside the sub-group, who is shown how to join instead).
 */
export async function loadSubGroupProposals(subGroupId: string, here: string) {
  const api = await getApi();
  return loadOr404(
    () =>
      api.proposal.forSubGroup({ subGroupId }).catch((error: unknown) => {
        if (error instanceof TRPCError && error.code === "FORBIDDEN") return null;
        throw error;
      }),
    { here },
  );
}

/** The open rounds a draft may be for. Co-authors from outside the sub-group may not list them: they keep the chosen one. */
export async function loadOpenRoundsToChoose(subGroupId: string) {
  const api = await getApi();
  return api.proposal.openRounds({ subGroupId }).catch((error: unknown) => {
    if (error instanceof TRPCError && error.code === "FORBIDDEN") return [];
    throw error;
  });
}

/**
 * What changed between two revisions. Revisions that cannot be compared (the "from" not
 * before the "to", or one that does not exist) give a problem to show instead.
 */
export async function loadRevisionComparison(proposalId: string, from: number, to: number) {
  const api = await getApi();
  try {
    return { comparison: await api.proposal.compare({ proposalId, fromRevision: from, toRevision: to }), problem: null };
  } catch (error) {
    if (!(error instanceof TRPCError && error.code === "BAD_REQUEST")) throw error;
    return { comparison: null, problem: from >= to ? "Choose an earlier revision to compare from." : error.message };
  }
}
