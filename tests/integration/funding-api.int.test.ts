import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { callerFor } from "./support/caller";
import { withTestDatabase } from "./support/database";
import { addMember, createOrganisation, createPartnership, createPerson } from "./support/factories";

const database = withTestDatabase();

async function officerOfNewPartnership() {
  const { db } = database;
  const partnership = await createPartnership(db);
  const { actor } = await createPerson(db, { name: "Fiona Officer" });
  await addMember(db, partnership.id, actor.userId, "OFFICER");
  const priorityArea = await db.priorityArea.create({
    data: { partnershipId: partnership.id, title: "Unpaid carers", description: "d", outcomesSought: "o", position: 0 },
  });
  return { partnership, actor, api: callerFor(db, actor), priorityArea };
}

async function failure(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

describe("funding through the API", () => {
  it("runs a fund end to end: the dashboard, the CSVs and the ledger agree to the penny", async () => {
    const { db } = database;
    const { partnership, api, priorityArea } = await officerOfNewPartnership();
    const fund = await api.funding.createFund({
      partnershipSlug: partnership.slug,
      name: "Non-recurring partnership fund 2020/21",
      source: "Renfrewshire HSCP",
      financialYear: "2020/21",
      totalPence: 10_000_000,
    });
    const round = await api.funding.createRound({
      fundId: fund.id,
      title: "Test and learn round",
      guidance: "Collaborative test projects",
      eligibility: "Cross-sector partnerships",
      criteria: [
        { name: "Cross-sector partnership", weight: 40 },
        { name: "What will be learned", weight: 60 },
      ],
      opensAt: new Date(Date.now() - 86_400_000),
      closesAt: new Date(Date.now() + 86_400_000),
      minAwardPence: 100_000,
      maxAwardPence: 2_500_000,
      priorityAreaIds: [],
    });
    await api.funding.changeRoundStatus({ roundId: round.id, status: "OPEN" });

    const amounts = [1_234_567, 800_000, 2_500_000];
    const awards = [];
    for (const [index, amount] of amounts.entries()) {
      awards.push(
        await api.funding.awardGrant({
          fundId: fund.id,
          roundId: round.id,
          priorityAreaId: index === 0 ? priorityArea.id : null,
          projectName: `Project ${index + 1}`,
          recipientName: index === 1 ? '=HYPERLINK("http://evil")' : `Charity ${index + 1}`,
          amountPence: amount,
          tranches: [{ amountPence: amount, dueOn: new Date("2021-04-01") }],
          idempotencyKey: randomUUID(),
        }),
      );
    }
    await api.funding.payTranche({
      awardId: awards[0]!.id,
      trancheId: awards[0]!.tranches[0]!.id,
      paidOn: new Date("2021-04-02"),
      reference: "BACS-0001",
      reason: "",
      idempotencyKey: randomUUID(),
    });
    await api.funding.returnUnderspend({ awardId: awards[0]!.id, amountPence: 34_567, reason: "Venue was cheaper", idempotencyKey: randomUUID() });

    const dashboard = await api.funding.fund({ fundId: fund.id });
    expect(dashboard).toMatchObject({
      totalPence: 10_000_000,
      committedPence: 1_200_000 + 800_000 + 2_500_000,
      paidPence: 1_200_000,
      availablePence: 10_000_000 - 4_500_000,
    });
    expect(dashboard.byPriorityArea.find((a) => a.priorityAreaId === priorityArea.id)).toMatchObject({ committedPence: 1_200_000, paidPence: 1_200_000 });
    expect(dashboard.byRound).toEqual([expect.objectContaining({ roundId: round.id, committedPence: 4_500_000, awards: 3 })]);
    const ledger = await db.ledgerEntry.aggregate({ where: { fundId: fund.id }, _sum: { committedDelta: true, paidDelta: true } });
    expect(ledger._sum).toEqual({ committedDelta: dashboard.committedPence, paidDelta: dashboard.paidPence });

    const awardsCsv = await api.funding.exportAwards({ fundId: fund.id });
    expect(awardsCsv.startsWith("\uFEFFAward id,Awarded on,Project,Recipient")).toBe(true);
    const lines = awardsCsv.slice(1).trimEnd().split("\r\n");
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain(",12000,12000,0"); // £ as plain numbers: 12,000.00 awarded and paid
    expect(lines[2]).toContain(`"'=HYPERLINK(""http://evil"")"`); // a formula is defused, not run
    expect(lines[1]).toMatch(/^\w+,\d{4}-\d{2}-\d{2},Project 1,/);
    const sumOfAwardedColumn = lines.slice(1).reduce((sum, line) => sum + Number(line.split(",").at(-3)), 0);
    expect(Math.round(sumOfAwardedColumn * 100)).toBe(dashboard.committedPence);

    const ledgerCsv = await api.funding.exportLedger({ fundId: fund.id });
    const ledgerLines = ledgerCsv.slice(1).trimEnd().split("\r\n");
    expect(ledgerLines).toHaveLength(1 + 5); // three commits, one payment, one return
    expect(ledgerLines[0]).toBe("When,Movement,Project,Recipient,Committed change (£),Paid change (£),Reason,Recorded by");
    expect(ledgerLines.slice(1).map((line) => line.split(",")[1])).toEqual([
      "Grant awarded",
      "Grant awarded",
      "Grant awarded",
      "Payment made",
      "Underspend returned",
    ]);
    expect(ledgerCsv).not.toMatch(/COMMIT|RETURN|[0-9a-f]{8}-[0-9a-f]{4}-/); // no internal codes or idempotency keys
    expect(dashboard.ledger.map((row) => row.movement)).toEqual(ledgerLines.slice(1).map((line) => line.split(",")[1]));

    const audit = await api.funding.auditLog({ partnershipSlug: partnership.slug, action: "award", page: 1 });
    expect(audit.events.map((e) => e.action).sort()).toEqual(
      ["award.granted", "award.granted", "award.granted", "award.pay", "award.return_underspend"].sort(),
    );
    expect(audit.events.every((e) => e.actorName === "Fiona Officer")).toBe(true);
  });

  it("refuses bad money input with field messages and writes nothing", async () => {
    const { db } = database;
    const { partnership, api } = await officerOfNewPartnership();
    const fund = await api.funding.createFund({
      partnershipSlug: partnership.slug,
      name: "Small fund",
      source: "HSCP",
      financialYear: "2021/22",
      totalPence: 100_000,
    });
    const base = {
      fundId: fund.id,
      projectName: "P",
      recipientName: "R",
      tranches: [{ amountPence: 1_000, dueOn: new Date() }],
      idempotencyKey: randomUUID(),
    };
    const negative = await failure(api.funding.awardGrant({ ...base, amountPence: -1_000 }));
    expect(negative.code).toBe("BAD_REQUEST");
    const fractional = await failure(api.funding.awardGrant({ ...base, amountPence: 10.5 }));
    expect(fractional.code).toBe("BAD_REQUEST");
    const tooMuch = await failure(
      api.funding.awardGrant({ ...base, amountPence: 100_001, tranches: [{ amountPence: 100_001, dueOn: new Date() }] }),
    );
    expect(tooMuch.code).toBe("CONFLICT");
    expect(tooMuch.message).toBe("Not enough money left in Small fund: £1,000.00 is available.");
    const badYear = await failure(
      api.funding.createFund({ partnershipSlug: partnership.slug, name: "X", source: "Y", financialYear: "2021", totalPence: 5 }),
    );
    expect(badYear.code).toBe("BAD_REQUEST");
    expect(await db.award.count({ where: { fundId: fund.id } })).toBe(0);
    expect(await db.fund.count({ where: { partnershipId: partnership.id } })).toBe(1);
  });

  it("refuses awards from a round outside its range, not yet open, or decided", async () => {
    const { partnership, api } = await officerOfNewPartnership();
    const fund = await api.funding.createFund({
      partnershipSlug: partnership.slug,
      name: "Fund",
      source: "HSCP",
      financialYear: "2021/22",
      totalPence: 1_000_000,
    });
    const round = await api.funding.createRound({
      fundId: fund.id,
      title: "Spring round",
      guidance: "g",
      eligibility: "e",
      criteria: [{ name: "Impact", weight: 100 }],
      opensAt: new Date(Date.now() - 86_400_000),
      closesAt: new Date(Date.now() + 86_400_000),
      minAwardPence: 10_000,
      maxAwardPence: 50_000,
      priorityAreaIds: [],
    });
    const award = (amountPence: number) =>
      api.funding.awardGrant({
        fundId: fund.id,
        roundId: round.id,
        projectName: "P",
        recipientName: "R",
        amountPence,
        tranches: [{ amountPence, dueOn: new Date() }],
        idempotencyKey: randomUUID(),
      });
    expect((await failure(award(20_000))).message).toBe('"Spring round" has not opened yet, so it cannot make awards.');
    await api.funding.changeRoundStatus({ roundId: round.id, status: "OPEN" });
    const aboveMax = await failure(award(50_001));
    expect(aboveMax.code).toBe("BAD_REQUEST");
    expect(aboveMax.message).toBe("That amount is outside this round's award range.");
    await award(50_000);
    await api.funding.changeRoundStatus({ roundId: round.id, status: "CLOSED" });
    await award(10_000); // decisions are made after applications close
    await api.funding.changeRoundStatus({ roundId: round.id, status: "DECIDED" });
    expect((await failure(award(20_000))).message).toBe('Decisions for "Spring round" are final: it cannot make more awards.');
    expect((await api.funding.fund({ fundId: fund.id })).committedPence).toBe(60_000);
  });

  it("shows members their own organisation's awards and everyone the published ones, and nothing else", async () => {
    const { db } = database;
    const { partnership, api } = await officerOfNewPartnership();
    const charity = await createOrganisation(db, { name: "Carers Centre", sector: "VOLUNTARY" });
    const other = await createOrganisation(db, { name: "Other Charity", sector: "VOLUNTARY" });
    await db.partnershipOrganisation.createMany({
      data: [
        { partnershipId: partnership.id, organisationId: charity.id },
        { partnershipId: partnership.id, organisationId: other.id },
      ],
    });
    const carer = await createPerson(db, { organisationId: charity.id });
    const outsider = await createPerson(db, { organisationId: other.id });
    const observer = await createPerson(db, { organisationId: charity.id });
    await addMember(db, partnership.id, carer.actor.userId, "MEMBER");
    await addMember(db, partnership.id, outsider.actor.userId, "MEMBER");
    await addMember(db, partnership.id, observer.actor.userId, "OBSERVER");
    const fund = await api.funding.createFund({ partnershipSlug: partnership.slug, name: "Fund", source: "HSCP", financialYear: "2021/22", totalPence: 1_000_000 });
    const grant = (projectName: string, published: boolean) =>
      api.funding.awardGrant({
        fundId: fund.id,
        projectName,
        recipientName: "Carers Centre",
        recipientOrganisationId: charity.id,
        published,
        amountPence: 10_000,
        tranches: [{ amountPence: 10_000, dueOn: new Date() }],
        idempotencyKey: randomUUID(),
      });
    const hidden = await grant("Unpublished short breaks", false);
    await grant("Published carers café", true);

    const seenBy = async (actor: typeof carer.actor) =>
      (await callerFor(db, actor).funding.fundedProjects({ partnershipSlug: partnership.slug })).map((p) => [p.projectName, p.isYourOrganisation]);
    expect(await seenBy(carer.actor)).toEqual([
      ["Published carers café", true],
      ["Unpublished short breaks", true],
    ]);
    expect(await seenBy(outsider.actor)).toEqual([["Published carers café", false]]);
    expect(await seenBy(observer.actor)).toEqual([["Published carers café", false]]);

    await api.funding.setAwardPublished({ awardId: hidden.id, published: true });
    expect((await seenBy(outsider.actor)).map(([name]) => name)).toEqual(["Published carers café", "Unpublished short breaks"]);
    const wrongOrganisation = await failure(
      api.funding.awardGrant({
        fundId: fund.id,
        projectName: "X",
        recipientName: "Y",
        recipientOrganisationId: "no-such-organisation",
        amountPence: 1_000,
        tranches: [{ amountPence: 1_000, dueOn: new Date() }],
        idempotencyKey: randomUUID(),
      }),
    );
    expect(wrongOrganisation.code).toBe("NOT_FOUND");
  });
});
