import "server-only";
import { TRPCError } from "@trpc/server";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { partnershipSlug } from "@/lib/schemas/partnership";
import { proposalRefInput } from "@/lib/schemas/proposals";
import { getApi } from "@/server/api/server-caller";
import { getCurrentActor } from "@/server/auth/current-actor";

/**
 * The proposal for its pages, fetched once per request through the API (so the policy
 * applies). Signed-out visitors go to sign in; a proposal the viewer may not read, or one
 * of another partnership than the address names, is "not found".
 */
export const loadProposal = cache(async (slug: string, proposalId: string, here: string) => {
  if (!partnershipSlug.safeParse(slug).success || !proposalRefInput.safeParse({ proposalId }).success) notFound();
  if (!(await getCurrentActor())) redirect(`/signin?callbackUrl=${encodeURIComponent(here)}`);
  const api = await getApi();
  try {
    const proposal = await api.proposal.get({ proposalId });
    if (proposal.partnership.slug !== slug) notFound();
    return proposal;
  } catch (error) {
    if (error instanceof TRPCError && ["NOT_FOUND", "FORBIDDEN", "BAD_REQUEST"].includes(error.code)) notFound();
    throw error;
  }
});

export type LoadedProposal = Awaited<ReturnType<typeof loadProposal>>;
