import { describe, expect, it } from "vitest";
import { formatDeadline } from "@/server/domain/proposals/completeness";
import { withTestDatabase } from "./support/database";
import { daysFromNow, draftProposal, fundWorld, STANDARD_CAST, subGroupWorld, submittedProposal } from "./support/worlds";

const database = withTestDatabase();

describe("closing a round before its closing time", () => {
  it("tells each author of a draft in the round, once, and nobody else", async () => {
    const w = await subGroupWorld(database.db, { cast: STANDARD_CAST, members: ["member", "colleague", "chair"] });
    const closesAt = daysFromNow(20);
    const { round } = await fundWorld(w, { by: w.people.officer, round: { title: "Spring round", closesAt } });
    const draftId = await draftProposal(w, { lead: w.people.member, coAuthors: [w.people.colleague], title: "Carers' breaks", roundId: round.id });
    await submittedProposal(w, { lead: w.people.chair, title: "Already in", roundId: round.id });

    await w.api("officer").funding.changeRoundStatus({ roundId: round.id, status: "CLOSED" });

    const told = await w.db.notification.findMany({ where: { partnershipId: w.partnership.id, title: { contains: "Spring round" } } });
    expect(told.map((n) => n.userId).sort()).toEqual([w.people.member.userId, w.people.colleague.userId].sort());
    expect(told[0]).toMatchObject({
      title: "“Spring round” has closed, so “Carers' breaks” can no longer be submitted",
      linkPath: `/p/${w.slug}/proposals/${draftId}`,
    });
  });

  it("says on the draft's page when the round actually closed, not when it was due to", async () => {
    const w = await subGroupWorld(database.db, { cast: STANDARD_CAST, members: ["member"] });
    const closesAt = daysFromNow(20);
    const { round } = await fundWorld(w, { by: w.people.officer, round: { title: "Spring round", closesAt } });
    const draftId = await draftProposal(w, { lead: w.people.member, roundId: round.id });

    const before = new Date();
    await w.api("officer").funding.changeRoundStatus({ roundId: round.id, status: "CLOSED" });
    const stored = await w.db.fundingRound.findUniqueOrThrow({ where: { id: round.id } });
    expect(stored.closedAt!.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(stored.closedAt!.getTime()).toBeLessThanOrEqual(Date.now());

    const draft = await w.api("member").proposal.get({ proposalId: draftId });
    const message = draft.missing.find((item) => item.section === "round")?.message;
    expect(message).toBe(`“Spring round” closed on ${formatDeadline(stored.closedAt!)}, so it no longer takes proposals.`);
    expect(message).not.toContain(formatDeadline(closesAt));
  });
});
