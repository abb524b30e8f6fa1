import type { ProposalSectionKey } from "@/lib/schemas/proposals";

/** Where a proposal's pages live (activity and notification links point here). */
export const proposalPath = (partnershipSlug: string, proposalId: string) => `/p/${partnershipSlug}/proposals/${proposalId}`;

export const proposalEditPath = (partnershipSlug: string, proposalId: string) =>
  `${proposalPath(partnershipSlug, proposalId)}/edit`;

export const proposalSectionPath = (partnershipSlug: string, proposalId: string, section: ProposalSectionKey) =>
  `${proposalPath(partnershipSlug, proposalId)}#section-${section}`;
