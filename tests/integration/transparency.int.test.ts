import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import type { MembershipRole } from "@/server/db/generated/enums";
import { PORTFOLIO_CSV_COLUMNS, portfolioCsv } from "@/server/domain/transparency/portfolio";
import { callerFor } from "./support/caller";
import { withTestDatabase } from "./support/database";
import { addMember, createOrganisation, createPartnership, createPerson, unique } from "./support/factories";

const database = withTestDatabase();

async function failure(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

const DAY = 24 * 3600 * 1000;
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

/** Words people wrote about their work and each other: none of it may reach the public page. */
const PRIVATE_TEXT = {
  narrative: "Lena phoned every pharmacist herself",
  risks: "Colin may leave the council in June",
  learning: "Pharmacists need a script from Lena",
  reviewNote: "Well done Lena, accepted by Rhona",
  pendingNarrative: "Not yet checked by an officer",
  whatWorked: "Lena's personal contacts at the counter",
  whatDidNot: "Colin's weekend cover fell through",
  reasons: "Lena Lead made the case in person at the board",
  nextStep: "Fiona to take it to the IJB",
  conditions: "Lena must report to Fiona monthly",
};

/**
 * A partnership with two published awards and one unpublished: Lena's carers' charity runs
 * "Pharmacy check-ins" (evaluated and decided, one update accepted and a later one waiting),
 * a grant paid to a person rather than an organisation, and a pilot not yet published.
 */
async function world(db: Database) {
  const partnership = await createPartnership(db);
  await db.partnership.update({
    where: { id: partnership.id },
    data: { area: "Renfrewshire", description: "Health and social care partners testing new ideas together." },
  });
  const carers = await createOrganisation(db, { name: `Carers Centre ${unique()}`, sector: "VOLUNTARY" });
  const council = await createOrganisation(db, { name: `Council ${unique()}`, sector: "PUBLIC" });
  await db.partnershipOrganisation.createMany({
    data: [carers, council].map((organisation) => ({ partnershipId: partnership.id, organisationId: organisation.id })),
  });
  const person = async (name: string, organisationId: string | null, role: MembershipRole = "MEMBER") => {
    const { user, actor } = await createPerson(db, { name, organisationId });
    await addMember(db, partnership.id, actor.userId, role);
    return { user, actor };
  };
  const people = {
    officer: await person("Fiona Officer", council.id, "OFFICER"),
    reviewer: await person("Rhona Reviewer", council.id, "OFFICER"),
    lena: await person("Lena Lead", carers.id),
    colin: await person("Colin Coauthor", council.id),
    dev: await person("Dev Bystander", null),
  };
  const api = (who: { actor: Actor }) => callerFor(db, who.actor);
  const officer = api(people.officer);

  const priorityArea = await db.priorityArea.create({
    data: {
      partnershipId: partnership.id,
      title: "Unpaid carers",
      description: "Carers get support before they reach crisis.",
      outcomesSought: "More carers identified early.",
      position: 0,
    },
  });
  const subGroup = await db.subGroup.create({
    data: { partnershipId: partnership.id, priorityAreaId: priorityArea.id, name: "Carers", purpose: "p" },
  });
  const fund = await officer.funding.createFund({
    partnershipSlug: partnership.slug,
    name: "Test and learn fund",
    source: "HSCP",
    financialYear: "2021/22",
    totalPence: 2_000_000,
  });
  const round = await db.fundingRound.create({
    data: {
      fundId: fund.id,
      title: "Round 1",
      guidance: "g",
      eligibility: "e",
      criteria: [{ name: "Partnership", weight: 100 }],
      opensAt: new Date(Date.now() - 260 * DAY),
      closesAt: new Date(Date.now() - 230 * DAY),
      minAwardPence: 1_000,
      maxAwardPence: 1_000_000,
      status: "DECIDED",
    },
  });
  const proposal = await db.proposal.create({
    data: {
      partnershipId: partnership.id,
      subGroupId: subGroup.id,
      roundId: round.id,
      submittedAt: new Date(Date.now() - 220 * DAY),
      title: "Pharmacy check-ins",
      requestedPence: 500_000,
      status: "APPROVED",
      createdById: people.lena.actor.userId,
      authors: {
        create: [
          { userId: people.lena.actor.userId, role: "LEAD" },
          { userId: people.colin.actor.userId, role: "CO_AUTHOR" },
        ],
      },
      sections: {
        create: [
          {
            key: "measures",
            version: 1,
            content: { items: [{ id: "m1", name: "Carers referred", unit: "carers", kind: "NUMBER", baseline: 4, target: 60 }] },
          },
          { key: "budget", version: 1, content: { lines: [{ id: "b1", item: "Pharmacy time", amountPence: 500_000, organisationId: null }] } },
        ],
      },
    },
  });
  const award = await officer.funding.awardGrant({
    fundId: fund.id,
    priorityAreaId: priorityArea.id,
    projectName: "Pharmacy check-ins",
    recipientName: "Carers Centre",
    recipientOrganisationId: carers.id,
    conditions: PRIVATE_TEXT.conditions,
    published: true,
    amountPence: 500_000,
    tranches: [
      { amountPence: 250_000, dueOn: new Date() },
      { amountPence: 250_000, dueOn: new Date(Date.now() + 90 * DAY) },
    ],
    idempotencyKey: randomUUID(),
  });
  await db.award.update({ where: { id: award.id }, data: { proposalId: proposal.id } });
  await officer.funding.payTranche({
    awardId: award.id,
    trancheId: award.tranches.find((tranche) => tranche.sequence === 1)!.id,
    paidOn: new Date(),
    reference: "BACS-1",
    idempotencyKey: randomUUID(),
  });
  // A grant to a person, not an organisation: the page must not name them.
  await officer.funding.awardGrant({
    fundId: fund.id,
    projectName: "Sole trader grant",
    recipientName: "Lena Lead",
    published: true,
    amountPence: 20_000,
    tranches: [{ amountPence: 20_000, dueOn: new Date() }],
    idempotencyKey: randomUUID(),
  });
  await officer.funding.awardGrant({
    fundId: fund.id,
    priorityAreaId: priorityArea.id,
    projectName: "Secret pilot",
    recipientName: "Council",
    recipientOrganisationId: council.id,
    amountPence: 30_000,
    tranches: [{ amountPence: 30_000, dueOn: new Date() }],
    idempotencyKey: randomUUID(),
  });

  // The test ran its course: one update accepted (with a reviewer's note), a later one waiting, evaluated, decided.
  const { id: projectId } = await officer.project.setUp({
    awardId: award.id,
    startsOn: isoDay(-200),
    endsOn: isoDay(-10),
    reportingFrequency: "QUARTERLY",
  });
  const periods = await db.reportingPeriod.findMany({ where: { projectId }, orderBy: { sequence: "asc" } });
  const lena = api(people.lena);
  const update = (periodId: string, rag: "AMBER" | "RED", percentComplete: number, value: number, narrative: string) => ({
    projectId,
    periodId,
    rag,
    percentComplete,
    narrative,
    spend: [{ budgetLineId: "b1", spentPence: 100_000 }],
    measureValues: [{ measureId: "m1", value }],
    milestoneChanges: [],
    risks: PRIVATE_TEXT.risks,
    learning: PRIVATE_TEXT.learning,
  });
  const first = await lena.project.saveUpdate(update(periods[0]!.id, "AMBER", 40, 30, PRIVATE_TEXT.narrative));
  await lena.project.submitUpdate({ updateId: first.id });
  await api(people.reviewer).project.reviewUpdate({ updateId: first.id, outcome: "ACCEPT", note: PRIVATE_TEXT.reviewNote });
  const second = await lena.project.saveUpdate(update(periods[1]!.id, "RED", 70, 50, PRIVATE_TEXT.pendingNarrative));
  await lena.project.submitUpdate({ updateId: second.id });
  await lena.project.submitEvaluation({
    projectId,
    measureResults: [{ measureId: "m1", value: 64 }],
    costPence: 480_000,
    whatWorked: PRIVATE_TEXT.whatWorked,
    whatDidNot: PRIVATE_TEXT.whatDidNot,
    recommendation: "SCALE_UP",
  });
  await officer.project.decide({ projectId, outcome: "SCALE_UP", reasons: PRIVATE_TEXT.reasons, nextStep: PRIVATE_TEXT.nextStep });

  return { partnership, people, api, carers, council };
}

/** Every string anywhere in a value, dates included as ISO text. */
function stringsIn(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (typeof value === "string") return [value];
  if (typeof value === "number" || typeof value === "boolean") return [String(value)];
  if (value instanceof Date) return [value.toISOString()];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (typeof value === "object") return Object.entries(value).flatMap(([key, entry]) => [key, ...stringsIn(entry)]);
  return [];
}

const keysOf = (value: object) => Object.keys(value).sort();

describe("the public portfolio", () => {
  it("is not found until the partnership publishes, and answers exactly like an unknown partnership", async () => {
    const { db } = database;
    const w = await world(db);
    const anonymous = callerFor(db, null);
    const unpublished = await failure(anonymous.transparency.portfolio({ partnershipSlug: w.partnership.slug }));
    const unknown = await failure(anonymous.transparency.portfolio({ partnershipSlug: unique("nowhere") }));
    expect(unpublished.code).toBe("NOT_FOUND");
    expect(unknown.code).toBe("NOT_FOUND");
    expect(unpublished.message).toBe(unknown.message);
    // Not even the partnership's own officer sees it before it is published.
    expect((await failure(w.api(w.people.officer).transparency.portfolio({ partnershipSlug: w.partnership.slug }))).code).toBe("NOT_FOUND");

    expect(await w.api(w.people.officer).transparency.setPublished({ partnershipSlug: w.partnership.slug, published: true })).toEqual({
      published: true,
    });
    const portfolio = await anonymous.transparency.portfolio({ partnershipSlug: w.partnership.slug });
    expect(portfolio.partnership.name).toBe(w.partnership.name);

    await w.api(w.people.officer).transparency.setPublished({ partnershipSlug: w.partnership.slug, published: false });
    expect((await failure(anonymous.transparency.portfolio({ partnershipSlug: w.partnership.slug }))).code).toBe("NOT_FOUND");
    const audit = await db.auditEvent.findMany({ where: { partnershipId: w.partnership.id, subjectType: "Partnership" }, orderBy: { createdAt: "asc" } });
    expect(audit.map((event) => [event.action, event.actorId])).toEqual([
      ["partnership.portfolio_published", w.people.officer.actor.userId],
      ["partnership.portfolio_unpublished", w.people.officer.actor.userId],
    ]);
  });

  it("holds only the allowed fields, at every level, and nothing personal anywhere", async () => {
    const { db } = database;
    const w = await world(db);
    await w.api(w.people.officer).transparency.setPublished({ partnershipSlug: w.partnership.slug, published: true });
    const portfolio = await callerFor(db, null).transparency.portfolio({ partnershipSlug: w.partnership.slug });

    expect(keysOf(portfolio)).toEqual(["asOf", "partnership", "priorityAreas", "projects", "totals"]);
    expect(keysOf(portfolio.partnership)).toEqual(["area", "description", "name"]);
    expect(portfolio.priorityAreas).toHaveLength(1);
    for (const area of portfolio.priorityAreas) expect(keysOf(area)).toEqual(["description", "outcomesSought", "title"]);
    expect(portfolio.projects.length).toBeGreaterThan(0);
    for (const project of portfolio.projects) {
      expect(keysOf(project)).toEqual([
        "awardedPence",
        "decision",
        "endsOn",
        "latestRag",
        "name",
        "organisationName",
        "outcomes",
        "paidPence",
        "percentComplete",
        "priorityAreaTitle",
        "startsOn",
        "status",
      ]);
      for (const measure of project.outcomes) expect(keysOf(measure)).toEqual(["latest", "name", "target", "unit"]);
      if (project.decision) expect(keysOf(project.decision)).toEqual(["decidedAt", "outcome"]);
    }
    expect(keysOf(portfolio.totals)).toEqual(["byPriorityArea", "committedPence", "paidPence"]);
    for (const total of portfolio.totals.byPriorityArea) expect(keysOf(total)).toEqual(["committedPence", "paidPence", "title"]);

    // The published awards only; figures from the accepted update, not the one still waiting.
    expect(portfolio.projects.map((project) => project.name)).toEqual(["Pharmacy check-ins", "Sole trader grant"]);
    const [pharmacy, soleTrader] = portfolio.projects;
    expect(pharmacy).toMatchObject({
      priorityAreaTitle: "Unpaid carers",
      organisationName: w.carers.name,
      awardedPence: 500_000,
      paidPence: 250_000,
      status: "DECIDED",
      latestRag: "AMBER",
      percentComplete: 40,
      outcomes: [{ name: "Carers referred", unit: "carers", target: 60, latest: 30 }],
      decision: { outcome: "SCALE_UP" },
    });
    expect(soleTrader).toMatchObject({ organisationName: null, status: "NOT_STARTED", latestRag: null, outcomes: [], decision: null });
    expect(portfolio.totals).toEqual({
      committedPence: 520_000,
      paidPence: 250_000,
      byPriorityArea: [
        { title: "Unpaid carers", committedPence: 500_000, paidPence: 250_000 },
        { title: null, committedPence: 20_000, paidPence: 0 },
      ],
    });

    const everything = stringsIn(portfolio);
    const people = Object.values(w.people).map(({ user }) => user);
    const personal = people.flatMap((user) => [user.id, user.email, user.name!]);
    for (const value of personal) expect(everything.filter((text) => text.includes(value))).toEqual([]);
    for (const text of Object.values(PRIVATE_TEXT)) expect(everything.filter((entry) => entry.includes(text))).toEqual([]);
    expect(everything.filter((text) => text.includes("Secret pilot"))).toEqual([]);

    const csv = portfolioCsv(portfolio);
    const [header, ...rows] = csv.replace(/^\uFEFF/, "").split("\r\n");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(header).toBe(PORTFOLIO_CSV_COLUMNS.join(","));
    expect(header).toBe("Project,Priority area,Organisation,Awarded (£),Paid (£),Status,RAG,Percent complete,Starts,Ends,Decision");
    expect(rows.filter(Boolean)).toHaveLength(2);
    expect(rows[0]).toBe(`Pharmacy check-ins,Unpaid carers,${w.carers.name},5000,2500,Decided,Amber,40,${isoDay(-200)},${isoDay(-10)},Scale up`);
    for (const value of [...personal, ...Object.values(PRIVATE_TEXT), "Secret pilot"]) expect(csv.includes(value)).toBe(false);
  });

  it("only the partnership's officers choose to publish", async () => {
    const { db } = database;
    const w = await world(db);
    const input = { partnershipSlug: w.partnership.slug, published: true };
    expect((await failure(w.api(w.people.lena).transparency.setPublished(input))).code).toBe("FORBIDDEN");
    expect((await failure(w.api(w.people.dev).transparency.setPublished(input))).code).toBe("FORBIDDEN");
    expect((await failure(callerFor(db, null).transparency.setPublished(input))).code).toBe("UNAUTHORIZED");
    const stranger = await createPerson(db, { name: "Other Officer" });
    const other = await createPartnership(db);
    await addMember(db, other.id, stranger.actor.userId, "OFFICER");
    expect((await failure(callerFor(db, stranger.actor).transparency.setPublished(input))).code).toBe("NOT_FOUND");
    expect((await db.partnership.findUniqueOrThrow({ where: { id: w.partnership.id } })).publishesPortfolio).toBe(false);
    expect(await db.auditEvent.count({ where: { partnershipId: w.partnership.id, subjectType: "Partnership" } })).toBe(0);
  });
});
