import { PARTNERSHIP_MEMBERS, type AuthorizationCases } from "../case";
import { unique } from "../../support/factories";

/**
 * Officers run the panel and decide; the panel (otherSubGroupMember sits on `round`'s)
 * scores the submitted proposals; everyone in the partnership may ask what they must score.
 */
const officers = ["officer"] as const;
const panel = ["otherSubGroupMember"] as const;

export const assessmentCases: AuthorizationCases = {
  "assessment.overview": { input: (f) => ({ roundId: f.round.id }), allow: officers },
  "assessment.panelCandidates": { input: (f) => ({ roundId: f.round.id }), allow: officers },
  "assessment.appointAssessor": { input: (f) => ({ roundId: f.round.id, userId: f.people.subGroupLead.id }), allow: officers },
  "assessment.removeAssessor": {
    input: (f) => ({ roundId: f.round.id, userId: f.people.otherSubGroupMember.id }),
    allow: officers,
  },
  "assessment.startAssessment": { input: (f) => ({ roundId: f.round.id }), allow: officers },
  "assessment.mine": { input: (f) => ({ partnershipSlug: f.partnership.slug }), allow: PARTNERSHIP_MEMBERS },
  "assessment.scoreSheet": { input: (f) => ({ proposalId: f.assessedProposal.id }), allow: panel },
  "assessment.saveScores": {
    input: (f) => ({
      proposalId: f.assessedProposal.id,
      scores: [{ criterion: "Partnership", score: 4, comment: "Strong mix of sectors" }],
      comment: "Well argued",
      submit: true,
    }),
    allow: panel,
  },
  "assessment.declareConflict": {
    input: (f) => ({ proposalId: f.assessedProposal.id, reason: "My partner volunteers with the lead charity" }),
    allow: panel,
  },
  "assessment.decide": {
    input: (f) => ({
      outcome: "APPROVE",
      proposalId: f.assessedProposal.id,
      reason: "Strong case for testing peer support",
      amountPence: 150_000,
      tranches: [{ amountPence: 150_000, dueOn: "2021-05-01" }],
      idempotencyKey: unique("decide"),
      override: { reason: "The panel member is away until after the deadline" },
    }),
    allow: officers,
  },
};
