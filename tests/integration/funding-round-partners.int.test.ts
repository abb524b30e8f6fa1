import { describe, expect, it } from "vitest";
import type { SectorCode } from "@/lib/sectors";
import { withTestDatabase } from "./support/database";
import { expectFailure } from "./support/expect";
import { completeProposalContent, daysAgo, daysFromNow, draftProposal, fundWorld, subGroupWorld, writeSections } from "./support/worlds";

const database = withTestDatabase();

/** An officer's fund, and a lead from the voluntary organisation writing in the sub-group. */
async function world() {
  const w = await subGroupWorld(database.db, {
    cast: {
      officer: { name: "Olu Officer", organisation: "public", role: "OFFICER" },
      lead: { name: "Priya Lead", organisation: "voluntary" },
    },
    members: ["lead"],
    // The pharmacy takes part, so a proposal may name it as a partner.
    organisations: { private: { linked: true } },
  });
  const { fund } = await fundWorld(w, { by: w.people.officer, round: null });
  /** A round the officer creates through the API with the partner rule given, and opens. */
  const openRound = async (requiredPartnerSectors?: SectorCode[]) => {
    const round = await w.api("officer").funding.createRound({
      fundId: fund.id,
      title: "Winter round",
      guidance: "Small tests of change.",
      eligibility: "Cross-sector partnerships.",
      criteria: [{ name: "Partnership", weight: 100 }],
      opensAt: daysAgo(1),
      closesAt: daysFromNow(30),
      minAwardPence: 1_000,
      maxAwardPence: 1_000_000,
      ...(requiredPartnerSectors ? { requiredPartnerSectors } : {}),
    });
    await w.api("officer").funding.changeRoundStatus({ roundId: round.id, status: "OPEN" });
    return round;
  };
  /** A proposal to the round with every section written: led by the voluntary organisation, with the council. */
  const completeProposal = async (roundId: string) => {
    const proposalId = await draftProposal(w, { lead: w.people.lead, roundId });
    await writeSections(w, w.people.lead, proposalId, completeProposalContent(w));
    return proposalId;
  };
  return { w, openRound, completeProposal };
}

describe("a round's required partner sectors", () => {
  it("are kept as the officer chose them, in the sectors' order, and the submission check then requires them", async () => {
    const { w, openRound, completeProposal } = await world();
    const round = await openRound(["PRIVATE", "VOLUNTARY", "PRIVATE"]);
    expect(round.requiredPartnerSectors).toEqual(["VOLUNTARY", "PRIVATE"]);

    const proposalId = await completeProposal(round.id);
    const message =
      "This round needs a voluntary-sector and a private-sector partner among the proposal’s organisations. Add a private-sector partner in Partners.";
    expect((await w.api("lead").proposal.get({ proposalId })).missing).toEqual([{ section: "partners", message }]);
    const refused = await expectFailure(w.api("lead").proposal.submit({ proposalId }), "BAD_REQUEST");
    expect(refused.cause).toMatchObject({ fieldErrors: { partners: [message] } });

    // With the private partner added, it goes in.
    const view = await w.api("lead").proposal.get({ proposalId });
    await w.api("lead").proposal.saveSection({
      proposalId,
      section: "partners",
      content: { leadOrganisationId: w.organisations.voluntary.id, organisationIds: [w.organisations.public.id, w.organisations.private.id] },
      baseVersion: view.sections.partners.version,
    });
    expect((await w.api("lead").proposal.submit({ proposalId })).status).toBe("SUBMITTED");
  });

  it("require nothing when the officer ticks none", async () => {
    const { w, openRound, completeProposal } = await world();
    const round = await openRound();
    expect(round.requiredPartnerSectors).toEqual([]);
    const proposalId = await completeProposal(round.id);
    expect((await w.api("lead").proposal.get({ proposalId })).missing).toEqual([]);
    expect((await w.api("lead").proposal.submit({ proposalId })).status).toBe("SUBMITTED");
  });

  it("refuse a sector that is not one of Tandem's", async () => {
    const { openRound } = await world();
    await expectFailure(openRound(["VOLUNTARY", "CHARITABLE" as SectorCode]), "BAD_REQUEST");
  });
});
