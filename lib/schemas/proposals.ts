import { z } from "zod";
import { pence } from "./funding";
import { partnershipSlug } from "./partnership";
import { fewerThan, id, multiLine, recordId, singleLine } from "./text";

/**
 * Proposal inputs, shared by the API and the forms that send them. A proposal's content is
 * a set of sections, each saved on its own (autosave) with the version it was based on.
 */

/** Client-made ids for rows inside a section (measures, activities, budget lines). */
const rowId = recordId({ max: 40 });

export const PROPOSAL_SECTION_KEYS = [
  "title",
  "summary",
  "need",
  "hypothesis",
  "measures",
  "activities",
  "partners",
  "budget",
  "duration",
  "sustainability",
  "risks",
] as const;
export type ProposalSectionKey = (typeof PROPOSAL_SECTION_KEYS)[number];
export const proposalSectionKey = z.enum(PROPOSAL_SECTION_KEYS, { error: "Choose a section of the proposal" });

/** What each section is called on screen, in the order the editor shows them. */
export const PROPOSAL_SECTION_LABELS: Readonly<Record<ProposalSectionKey, string>> = {
  title: "Title",
  summary: "Summary",
  need: "The need",
  hypothesis: "What we are testing and how we will know it worked",
  measures: "Success measures",
  activities: "Activities and timeline",
  partners: "Partner organisations",
  budget: "Budget",
  duration: "Duration",
  sustainability: "Sustainability and scale-up plan",
  risks: "Risks",
};

// Drafts may be half-written: saves accept empty text; submitting checks completeness.
const prose = (max: number) => z.object({ text: multiLine({ trim: false }).max(max, fewerThan(max)) });

export const measureKind = z.enum(["NUMBER", "PERCENTAGE"]);
export const successMeasure = z.object({
  id: rowId,
  name: singleLine().max(200, fewerThan(200)),
  /** What is counted, e.g. "carers supported" or "% reporting less isolation". */
  unit: singleLine().max(60, fewerThan(60)),
  kind: measureKind.default("NUMBER"),
  baseline: z.number({ error: "The baseline must be a number" }).finite().nullable(),
  target: z.number({ error: "The target must be a number" }).finite().nullable(),
});

export const plannedActivity = z.object({
  id: rowId,
  activity: multiLine().max(500, fewerThan(500)),
  /** The date it should be done by (YYYY-MM-DD), or null while undecided. */
  by: z.iso.date({ error: "Enter a date like 2021-06-30" }).nullable(),
});

export const budgetLine = z.object({
  id: rowId,
  item: singleLine().max(200, fewerThan(200)),
  amountPence: pence,
  /** The partner organisation that spends it. */
  organisationId: id.nullable(),
});

/** The longest a proposal's title may be, in the editor and when starting one. */
export const PROPOSAL_TITLE_MAX = 200;

/** The content each section holds. */
export const sectionContentSchemas = {
  title: z.object({ text: singleLine().max(PROPOSAL_TITLE_MAX, fewerThan(PROPOSAL_TITLE_MAX)) }),
  summary: prose(2_000),
  need: prose(10_000),
  hypothesis: prose(10_000),
  measures: z.object({ items: z.array(successMeasure).max(20, "Use 20 measures or fewer") }),
  activities: z.object({ items: z.array(plannedActivity).max(50, "Use 50 activities or fewer") }),
  partners: z.object({
    /** The organisation that leads the project and receives any award. */
    leadOrganisationId: id.nullable(),
    organisationIds: z.array(id).max(30, "Name 30 partners or fewer"),
  }),
  budget: z.object({ lines: z.array(budgetLine).max(50, "Use 50 budget lines or fewer") }),
  duration: z.object({ months: z.number().int("Enter whole months").min(1, "At least 1 month").max(60, "At most 60 months").nullable() }),
  sustainability: prose(10_000),
  risks: prose(10_000),
} satisfies Record<ProposalSectionKey, z.ZodType>;

export type SectionContent = { [K in ProposalSectionKey]: z.infer<(typeof sectionContentSchemas)[K]> };

/** What an unwritten section holds. */
export const EMPTY_SECTION_CONTENT: SectionContent = {
  title: { text: "" },
  summary: { text: "" },
  need: { text: "" },
  hypothesis: { text: "" },
  measures: { items: [] },
  activities: { items: [] },
  partners: { leadOrganisationId: null, organisationIds: [] },
  budget: { lines: [] },
  duration: { months: null },
  sustainability: { text: "" },
  risks: { text: "" },
};

/** One section save: a discriminated union so each section's content is checked by its own schema. */
export const saveSectionInput = z.discriminatedUnion(
  "section",
  PROPOSAL_SECTION_KEYS.map((key) =>
    z.object({
      proposalId: id,
      section: z.literal(key),
      content: sectionContentSchemas[key],
      /** The version this edit started from (0 for a section never saved). */
      baseVersion: z.number().int().min(0),
    }),
  ) as unknown as [z.ZodObject, ...z.ZodObject[]],
);
export type SaveSectionInput = {
  [K in ProposalSectionKey]: { proposalId: string; section: K; content: SectionContent[K]; baseVersion: number };
}[ProposalSectionKey];

export const proposalRefInput = z.object({ proposalId: id });
export const subGroupProposalsInput = z.object({ subGroupId: id });

export const createProposalInput = z.object({
  subGroupId: id,
  title: singleLine().min(1, "Enter a working title").max(PROPOSAL_TITLE_MAX, fewerThan(PROPOSAL_TITLE_MAX)),
  roundId: id.nullish(),
});

export const chooseRoundInput = z.object({ proposalId: id, roundId: id });

export const compareRevisionsInput = z
  .object({ proposalId: id, fromRevision: z.number().int().min(0), toRevision: z.number().int().min(1) })
  .refine((input) => input.fromRevision < input.toRevision, {
    message: "Choose an earlier revision to compare from",
    path: ["fromRevision"],
  });

export const commentOnSectionInput = z.object({
  proposalId: id,
  section: proposalSectionKey,
  body: multiLine().min(1, "Write a comment").max(5_000, fewerThan(5_000)),
});

export const coAuthorInput = z.object({ proposalId: id, userId: id });

export const withdrawProposalInput = z.object({
  proposalId: id,
  reason: multiLine().min(1, "Say why the proposal is withdrawn").max(1_000, fewerThan(1_000)),
});

export const myProposalsInput = z.object({ partnershipSlug });
