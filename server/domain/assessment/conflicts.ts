/**
 * Conflicts of interest. Some are detected from who the proposal involves (worked out
 * every time they are needed, never stored); others are declared by the assessor
 * (ConflictDeclaration rows). An assessor with either kind cannot score the proposal.
 */

export type DetectedConflictKind = "PARTNER_ORGANISATION" | "CO_AUTHOR" | "SUB_GROUP_LEAD";
export type ConflictKind = DetectedConflictKind | "DECLARED";

/** A conflict as the assessor reads it ("You work for RAMH, a partner in this proposal."). */
export type DetectedConflict = { kind: DetectedConflictKind; message: string };

export type ConflictAssessor = { userId: string; organisationId: string | null };
export type ConflictProposal = {
  leadOrganisationId: string | null;
  partnerOrganisationIds: readonly string[];
  authorIds: readonly string[];
  /** The leads of the sub-group that wrote the proposal. */
  subGroupLeadIds: readonly string[];
};

type Finding = { kind: DetectedConflictKind; organisationName?: string; leads?: boolean };

function findConflicts(
  assessor: ConflictAssessor,
  proposal: ConflictProposal,
  organisationNames: Readonly<Record<string, string>>,
): Finding[] {
  const findings: Finding[] = [];
  const organisationId = assessor.organisationId;
  if (organisationId && (proposal.leadOrganisationId === organisationId || proposal.partnerOrganisationIds.includes(organisationId))) {
    findings.push({
      kind: "PARTNER_ORGANISATION",
      organisationName: organisationNames[organisationId] ?? "an organisation",
      leads: proposal.leadOrganisationId === organisationId,
    });
  }
  if (proposal.authorIds.includes(assessor.userId)) findings.push({ kind: "CO_AUTHOR" });
  if (proposal.subGroupLeadIds.includes(assessor.userId)) findings.push({ kind: "SUB_GROUP_LEAD" });
  return findings;
}

/**
 * The conflicts that follow from who the assessor is: they work for the lead or a partner
 * organisation, they are one of the authors, or they lead the sub-group that wrote it.
 */
export function detectConflicts(
  assessor: ConflictAssessor,
  proposal: ConflictProposal,
  organisationNames: Readonly<Record<string, string>>,
): DetectedConflict[] {
  return findConflicts(assessor, proposal, organisationNames).map((finding) => {
    switch (finding.kind) {
      case "PARTNER_ORGANISATION":
        return {
          kind: finding.kind,
          message: finding.leads
            ? `You work for ${finding.organisationName}, the lead organisation of this proposal.`
            : `You work for ${finding.organisationName}, a partner in this proposal.`,
        };
      case "CO_AUTHOR":
        return { kind: finding.kind, message: "You are one of the authors of this proposal." };
      case "SUB_GROUP_LEAD":
        return { kind: finding.kind, message: "You lead the sub-group that wrote this proposal." };
    }
  });
}

/** The same conflicts as the officers' recusal register words them ("Works for RAMH, ..."). */
export function describeConflictsForRegister(
  assessor: ConflictAssessor,
  proposal: ConflictProposal,
  organisationNames: Readonly<Record<string, string>>,
): DetectedConflict[] {
  return findConflicts(assessor, proposal, organisationNames).map((finding) => {
    switch (finding.kind) {
      case "PARTNER_ORGANISATION":
        return {
          kind: finding.kind,
          message: finding.leads
            ? `Works for ${finding.organisationName}, the lead organisation.`
            : `Works for ${finding.organisationName}, a partner.`,
        };
      case "CO_AUTHOR":
        return { kind: finding.kind, message: "One of the authors." };
      case "SUB_GROUP_LEAD":
        return { kind: finding.kind, message: "Leads the sub-group that wrote the proposal." };
    }
  });
}

export const DECLARED_CONFLICT_MESSAGE = "You declared a conflict of interest.";

/** Why a conflicted assessor cannot score, as one sentence. */
export function cannotScoreBecause(conflicts: readonly { message: string }[]): string {
  const first = conflicts[0]?.message ?? DECLARED_CONFLICT_MESSAGE;
  return `You cannot score this proposal: ${first[0]!.toLowerCase()}${first.slice(1)}`;
}
