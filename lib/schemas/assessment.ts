import { z } from "zod";
import { awardGrantInput } from "./funding";
import { partnershipSlug } from "./partnership";
import { fewerThan, id, multiLine, singleLine } from "./text";

const reason = (what: string, max = 2_000) =>
  multiLine().min(1, `Enter ${what}`).max(max, fewerThan(max));

export const roundRefInput = z.object({ roundId: id });
export const panelMemberInput = z.object({ roundId: id, userId: id });
export const myAssessmentsInput = z.object({ partnershipSlug });

/** One criterion's score. The scale's top (round.scoreMax) is checked by the domain. */
export const criterionScore = z.object({
  criterion: singleLine({ trim: false }).min(1).max(200),
  score: z.number({ error: "Enter a score" }).int("Scores are whole numbers").min(0, "Scores start at 0"),
  comment: multiLine().max(2_000, fewerThan(2_000)).default(""),
});

export const saveScoresInput = z.object({
  proposalId: id,
  scores: z.array(criterionScore).max(12),
  comment: multiLine().max(5_000, fewerThan(5_000)).default(""),
  /** false saves a draft; true submits the assessment (every criterion must be scored). */
  submit: z.boolean().default(false),
});

export const declareConflictInput = z.object({ proposalId: id, reason: reason("the conflict of interest", 1_000) });

/** Deciding before every assessor has scored needs an explicit override with its reason. */
const override = z.object({ reason: reason("why the decision cannot wait for every score", 1_000) }).nullish();

export const decideProposalInput = z.discriminatedUnion("outcome", [
  z.object({
    outcome: z.literal("APPROVE"),
    proposalId: id,
    reason: reason("the reasons for the decision"),
    amountPence: awardGrantInput.shape.amountPence,
    conditions: awardGrantInput.shape.conditions,
    tranches: awardGrantInput.shape.tranches,
    published: z.boolean().default(false),
    idempotencyKey: awardGrantInput.shape.idempotencyKey,
    override,
  }),
  z.object({
    outcome: z.literal("DECLINE"),
    proposalId: id,
    /** Feedback the authors see. */
    reason: reason("feedback for the authors"),
    override,
  }),
]);
