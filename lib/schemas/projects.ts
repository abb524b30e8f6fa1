import { z } from "zod";
import { pence } from "./funding";
import { partnershipSlug } from "./partnership";
import { fewerThan, id, multiLine, singleLine } from "./text";

/** Funded project inputs, shared by the API and the forms that send them. */

const day = (what: string) => z.iso.date({ error: `Enter ${what} like 2021-06-30` });
const longText = (max: number) => multiLine().max(max, fewerThan(max));

export const reportingFrequency = z.enum(["MONTHLY", "QUARTERLY"], { error: "Choose how often the project reports" });
export const ragStatus = z.enum(["RED", "AMBER", "GREEN"], { error: "Choose red, amber or green" });

export const setUpProjectInput = z
  .object({
    awardId: id,
    name: singleLine().min(1, "Enter the project's name").max(200, fewerThan(200)).optional(),
    startsOn: day("the start date"),
    endsOn: day("the end date"),
    reportingFrequency,
    /** Defaults to the proposal's lead author. */
    leadUserId: id.optional(),
    /** Defaults to the proposal's co-authors. */
    teamUserIds: z.array(id).max(30, "Name 30 people or fewer").optional(),
    /** Payments that wait for a period's update to be accepted. */
    tiedTranches: z
      .array(z.object({ trancheId: id, periodSequence: z.number().int().min(1, "Choose a reporting period") }))
      .max(24)
      .default([]),
  })
  .refine((input) => input.endsOn > input.startsOn, { message: "The end date must be after the start date", path: ["endsOn"] });
export type SetUpProjectInput = z.infer<typeof setUpProjectInput>;

export const projectRefInput = z.object({ projectId: id });

/** The most people one search for team candidates answers with. */
export const TEAM_CANDIDATE_LIMIT = 20;
/** People to add to a project's team: those whose name or organisation contains `search`. */
export const teamCandidatesInput = projectRefInput.extend({
  search: singleLine().max(100, fewerThan(100)).optional(),
});
export const updateRefInput = z.object({ updateId: id });

export const percentComplete = z
  .number({ error: "Enter a percentage from 0 to 100" })
  .int("Enter a whole percentage")
  .min(0, "Enter a percentage from 0 to 100")
  .max(100, "Enter a percentage from 0 to 100");

/** The longest answers a progress update takes; the form shows a count against the same limits. */
export const UPDATE_TEXT_LIMITS = { narrative: 10_000, overspendReason: 2_000, risks: 5_000, learning: 5_000 } as const;

/**
 * A progress update as the lead writes it. Drafts may be half-written; submitting checks
 * that it says how the project is doing (RAG and percentage) and that spend fits the award.
 */
export const saveUpdateInput = z.object({
  projectId: id,
  periodId: id,
  /** The draft being continued; a new draft when absent. */
  updateId: id.optional(),
  rag: ragStatus.nullable(),
  percentComplete: percentComplete.nullable(),
  narrative: longText(UPDATE_TEXT_LIMITS.narrative),
  /** A line spent beyond what was awarded for it needs a reason before the update is submitted. */
  spend: z
    .array(z.object({ budgetLineId: id, spentPence: pence, overspendReason: longText(UPDATE_TEXT_LIMITS.overspendReason).optional() }))
    .max(50),
  measureValues: z
    .array(z.object({ measureId: id, value: z.number({ error: "Enter a number" }).finite("Enter a number").nullable() }))
    .max(20),
  milestoneChanges: z
    .array(
      z.discriminatedUnion("state", [
        z.object({ milestoneId: id, state: z.literal("DONE"), doneOn: day("the date it was done") }),
        z.object({ milestoneId: id, state: z.literal("SLIPPED"), newDueOn: day("the new date") }),
      ]),
    )
    .max(50),
  risks: longText(UPDATE_TEXT_LIMITS.risks),
  learning: longText(UPDATE_TEXT_LIMITS.learning),
});
export type SaveUpdateInput = z.infer<typeof saveUpdateInput>;

export const reviewUpdateInput = z
  .object({
    updateId: id,
    outcome: z.enum(["ACCEPT", "RETURN"], { error: "Choose to accept or return the update" }),
    note: longText(2_000).default(""),
  })
  .refine((input) => input.outcome === "ACCEPT" || input.note.length > 0, {
    message: "Say what the lead should change",
    path: ["note"],
  });

export const listProjectsInput = z.object({
  partnershipSlug,
  /** The last project id of the previous page. */
  cursor: id.optional(),
  limit: z.number().int().min(1).max(100).default(25),
});

export const projectOutcome = z.enum(["SCALE_UP", "SUSTAIN", "ADAPT", "STOP"], {
  error: "Choose scale up, sustain, adapt or stop",
});

const required = (what: string, max: number) =>
  multiLine().min(1, `Say ${what}`).max(max, fewerThan(max));

/** The lead's end-of-test evaluation. */
export const submitEvaluationInput = z.object({
  projectId: id,
  measureResults: z
    .array(z.object({ measureId: id, value: z.number({ error: "Enter a number" }).finite("Enter a number").nullable() }))
    .max(20),
  costPence: pence,
  whatWorked: required("what worked", 10_000),
  whatDidNot: required("what did not work", 10_000),
  recommendation: projectOutcome,
});
export type SubmitEvaluationInput = z.infer<typeof submitEvaluationInput>;

/** The partnership's test-and-learn decision. */
export const decideProjectInput = z.object({
  projectId: id,
  outcome: projectOutcome,
  reasons: required("why", 5_000),
  nextStep: longText(2_000).default(""),
});

/** Someone joining or leaving a project's team. */
export const teamMemberInput = z.object({ projectId: id, userId: id });
