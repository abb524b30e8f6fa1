import { PARTNERSHIP_MEMBERS, type AuthorizationCases } from "../case";
import { unique } from "../../support/factories";

/** Only officers move money; steering roles (officers and chairs) read the figures. */
const officers = ["officer"] as const;

export const fundingCases: AuthorizationCases = {
  "funding.funds": { input: (f) => ({ partnershipSlug: f.partnership.slug }), allow: officers },
  "funding.fund": { input: (f) => ({ fundId: f.fund.id }), allow: officers },
  "funding.createFund": {
    input: (f) => ({ partnershipSlug: f.partnership.slug, name: "Winter fund", source: "Council", financialYear: "2021/22", totalPence: 500_000 }),
    allow: officers,
  },
  "funding.funderOptions": { input: (f) => ({ partnershipSlug: f.partnership.slug }), allow: officers },
  "funding.setFundFunder": { input: (f) => ({ fundId: f.fund.id, funderOrganisationId: f.organisations.publicBody.id }), allow: officers },
  "funding.addRingFence": {
    input: (f) => ({ fundId: f.fund.id, priorityAreaId: f.priorityArea.id, limitPence: 100_000 }),
    allow: officers,
  },
  "funding.createRound": {
    input: (f) => ({
      fundId: f.fund.id,
      title: "Round 2",
      guidance: "Guidance",
      eligibility: "Anyone",
      criteria: [{ name: "Impact", weight: 100 }],
      opensAt: "2030-01-01",
      closesAt: "2030-02-01",
      minAwardPence: 0,
      maxAwardPence: 100_000,
    }),
    allow: officers,
  },
  "funding.changeRoundStatus": { input: (f) => ({ roundId: f.round.id, status: "CLOSED" }), allow: officers },
  "funding.setRequiredDocuments": { input: (f) => ({ roundId: f.round.id, documents: ["Constitution", "Latest accounts"] }), allow: officers },
  "funding.awardGrant": {
    input: (f) => ({
      fundId: f.fund.id,
      projectName: "Peer support test",
      recipientName: "RAMH",
      amountPence: 50_000,
      tranches: [{ amountPence: 50_000, dueOn: "2021-05-01" }],
      idempotencyKey: unique("award"),
    }),
    allow: officers,
  },
  "funding.payTranche": {
    input: (f) => ({
      awardId: f.award.id,
      trancheId: f.award.tranches[0]!.id,
      paidOn: "2021-04-02",
      reference: "BACS-1",
      idempotencyKey: unique("pay"),
    }),
    allow: officers,
  },
  "funding.varyAward": {
    input: (f) => ({ awardId: f.award.id, newAmountPence: 120_000, reason: "More sessions", idempotencyKey: unique("vary") }),
    allow: officers,
  },
  "funding.withdrawAward": {
    input: (f) => ({ awardId: f.award.id, reason: "Could not start", idempotencyKey: unique("withdraw") }),
    allow: officers,
  },
  "funding.returnUnderspend": {
    input: (f) => ({ awardId: f.award.id, amountPence: 1_000, reason: "Underspend", idempotencyKey: unique("return") }),
    allow: officers,
  },
  "funding.completeAward": {
    input: (f) => ({ awardId: f.award.id, reason: "Done", idempotencyKey: unique("complete") }),
    allow: officers,
  },
  "funding.setAwardPublished": { input: (f) => ({ awardId: f.award.id, published: true }), allow: officers },
  "funding.fundedProjects": { input: (f) => ({ partnershipSlug: f.partnership.slug }), allow: PARTNERSHIP_MEMBERS },
  "funding.exportAwards": { input: (f) => ({ fundId: f.fund.id }), allow: officers },
  "funding.exportLedger": { input: (f) => ({ fundId: f.fund.id }), allow: officers },
  "funding.exportAwardsTable": { input: (f) => ({ fundId: f.fund.id }), allow: officers },
  "funding.exportLedgerTable": { input: (f) => ({ fundId: f.fund.id }), allow: officers },
  "funding.auditLog": { input: (f) => ({ partnershipSlug: f.partnership.slug }), allow: officers },
  "funding.exportAuditLogTable": { input: (f) => ({ partnershipSlug: f.partnership.slug }), allow: officers },
};
