import { z } from "zod";
import { MAX_PENCE } from "@/lib/money";
import { SECTORS } from "@/lib/sectors";
import { partnershipSlug } from "./partnership";
import { id, multiLine, plainKey, singleLine } from "./text";

/** Amounts travel as whole pence; forms parse pounds with parsePounds() from lib/money before sending. */
export const pence = z
  .number({ error: "Enter an amount" })
  .int("Amounts are whole pence")
  .min(0, "An amount cannot be negative")
  .max(MAX_PENCE, "That amount is larger than Tandem accepts (£10,000,000)");
export const positivePence = pence.min(1, "Enter an amount above £0");

const tooLong = (label: string, max: number) => `${label[0]!.toUpperCase()}${label.slice(1)} must be ${max} characters or fewer`;
/** A required line of text (a name, a title, a reference). */
const line = (label: string, max: number) => singleLine().min(1, `Enter ${label}`).max(max, tooLong(label, max));
/** Required text that may span lines (guidance, a reason). */
const text = (label: string, max: number) => multiLine().min(1, `Enter ${label}`).max(max, tooLong(label, max));
const idempotencyKey = plainKey(8, 100);
const reason = text("a reason", 1000);

export const createFundInput = z.object({
  partnershipSlug,
  name: line("the fund's name", 200),
  source: line("where the money comes from", 200),
  financialYear: singleLine().regex(/^\d{4}\/\d{2}$/, "Enter the financial year like 2020/21"),
  totalPence: positivePence,
  /** The organisation whose money it is; left out or null, the partnership itself. */
  funderOrganisationId: id.nullable().optional(),
});

export const fundRefInput = z.object({ fundId: id });

/** Names the organisation whose money the fund is (null: the partnership itself). */
export const setFundFunderInput = z.object({ fundId: id, funderOrganisationId: id.nullable() });

export const addRingFenceInput = z.object({ fundId: id, priorityAreaId: id, limitPence: positivePence });

export const createRoundInput = z.object({
  fundId: id,
  title: line("a title", 200),
  guidance: text("guidance for applicants", 10_000),
  eligibility: text("who can apply", 5_000),
  criteria: z
    .array(z.object({ name: line("the criterion", 200), weight: z.number().int().min(1).max(100) }))
    .min(1, "Add at least one assessment criterion")
    .max(12, "Use 12 criteria or fewer"),
  opensAt: z.coerce.date({ error: "Enter the date the round opens" }),
  closesAt: z.coerce.date({ error: "Enter the date the round closes" }),
  minAwardPence: pence,
  maxAwardPence: positivePence,
  priorityAreaIds: z.array(id).max(50).default([]),
  /** Assessors score each criterion from 0 to this. */
  scoreMax: z.number({ error: "Enter the top of the scoring scale" }).int("Use a whole number").min(1, "The scale goes up to at least 1").max(10, "The scale goes up to 10 at most").default(5),
  /**
   * Proposal sections that must be complete before submission (keys of
   * PROPOSAL_SECTION_KEYS; left out means all). They are checked against that list by
   * createRound: importing it here would make lib/schemas/proposals.ts, which imports
   * this file, part of an import cycle.
   */
  requiredSections: z.array(plainKey(1, 40)).max(20).optional(),
  /**
   * Sectors that must each be among a proposal's organisations before it can be submitted
   * (for example a voluntary and a public partner); empty means any.
   */
  requiredPartnerSectors: z
    .array(z.enum(SECTORS, { error: "Choose sectors from the list" }))
    .max(SECTORS.length)
    .default([]),
  /** Whether authors may take a submitted proposal back to draft before the deadline. */
  allowsChangesAfterSubmission: z.boolean().default(true),
});

export const changeRoundStatusInput = z.object({ roundId: id, status: z.enum(["OPEN", "CLOSED", "DECIDED"]) });

export const awardGrantInput = z.object({
  fundId: id,
  roundId: id.nullish(),
  priorityAreaId: id.nullish(),
  projectName: line("the project's name", 200),
  recipientName: line("who receives the grant", 200),
  recipientOrganisationId: id.nullish(),
  conditions: multiLine().max(5_000, tooLong("the conditions", 5_000)).nullish(),
  published: z.boolean().default(false),
  amountPence: positivePence,
  tranches: z
    .array(z.object({ amountPence: positivePence, dueOn: z.coerce.date({ error: "Enter the date the payment is due" }) }))
    .min(1, "Add at least one payment")
    .max(24, "Use 24 payments or fewer"),
  idempotencyKey,
});

export const awardRefInput = z.object({ awardId: id });
export const setAwardPublishedInput = z.object({ awardId: id, published: z.boolean() });
const awardChange = { awardId: id, reason, idempotencyKey };

export const payTrancheInput = z.object({
  ...awardChange,
  reason: multiLine().max(1000, tooLong("the reason", 1000)).default(""),
  trancheId: id,
  paidOn: z.coerce.date({ error: "Enter the date it was paid" }),
  reference: line("the payment reference", 100),
});
export const varyAwardInput = z.object({ ...awardChange, newAmountPence: pence });
export const withdrawAwardInput = z.object(awardChange);
export const returnUnderspendInput = z.object({ ...awardChange, amountPence: positivePence });
export const completeAwardInput = z.object(awardChange);

export const auditLogInput = z.object({
  partnershipSlug,
  action: singleLine({ trim: false }).max(100).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  page: z.number().int().min(1).max(10_000).default(1),
});

/** The audit log's downloads: the same filter as the page, every entry that matches. */
export const auditLogExportInput = auditLogInput.omit({ page: true });
