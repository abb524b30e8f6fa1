import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Database } from "@/server/db/client";
import { PORTFOLIO_CSV_COLUMNS, portfolioCsv } from "@/server/domain/transparency/portfolio";
import { callerFor } from "./support/caller";
import { withTestDatabase } from "./support/database";
import { expectFailure } from "./support/expect";
import { unique } from "./support/factories";
import {
  approvedProposal,
  daysAgo,
  daysFromNow,
  fundedProject,
  fundWorld,
  grantAward,
  isoDay,
  subGroupWorld,
  submitUpdate,
  updateInput,
} from "./support/worlds";

const database = withTestDatabase();

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
  const w = await subGroupWorld(db, {
    cast: {
      officer: { name: "Fiona Officer", organisation: "public", role: "OFFICER" },
      reviewer: { name: "Rhona Reviewer", organisation: "public", role: "OFFICER" },
      lena: { name: "Lena Lead", organisation: "voluntary" },
      colin: { name: "Colin Coauthor", organisation: "public" },
      dev: { name: "Dev Bystander" },
      stranger: { name: "Other Officer", role: null, elsewhere: "OFFICER" },
    },
    organisations: { public: { name: "Council" } },
    area: {
      title: "Unpaid carers",
      description: "Carers get support before they reach crisis.",
      outcomesSought: "More carers identified early.",
    },
  });
  await db.partnership.update({
    where: { id: w.partnership.id },
    data: { area: "Renfrewshire", description: "Health and social care partners testing new ideas together." },
  });
  const { people } = w;
  const { voluntary: carers, public: council } = w.organisations;
  const officer = w.api(people.officer);

  const { fund, round } = await fundWorld(w, {
    by: people.officer,
    round: { guidance: "g", eligibility: "e", opensAt: daysAgo(260), closesAt: daysAgo(230), status: "DECIDED" },
  });
  const proposal = await approvedProposal(w, {
    round,
    lead: people.lena,
    coAuthors: [people.colin],
    requestedPence: 500_000,
    submittedAt: daysAgo(220),
    sections: {
      measures: { items: [{ id: "m1", name: "Carers referred", unit: "carers", kind: "NUMBER", baseline: 4, target: 60 }] },
      budget: { lines: [{ id: "b1", item: "Pharmacy time", amountPence: 500_000, organisationId: null }] },
    },
  });
  const award = await grantAward(w, {
    by: people.officer,
    fund,
    proposal,
    priorityAreaId: w.area.id,
    recipientOrganisationId: carers.id,
    conditions: PRIVATE_TEXT.conditions,
    published: true,
    amountPence: 500_000,
    tranches: [
      { amountPence: 250_000, dueOn: new Date() },
      { amountPence: 250_000, dueOn: daysFromNow(90) },
    ],
  });
  await officer.funding.payTranche({
    awardId: award.id,
    trancheId: award.tranches.find((tranche) => tranche.sequence === 1)!.id,
    paidOn: new Date(),
    reference: "BACS-1",
    idempotencyKey: randomUUID(),
  });
  // A grant to a person, not an organisation: the page must not name them.
  await grantAward(w, {
    by: people.officer,
    fund,
    projectName: "Sole trader grant",
    recipientName: "Lena Lead",
    published: true,
    amountPence: 20_000,
  });
  await grantAward(w, {
    by: people.officer,
    fund,
    priorityAreaId: w.area.id,
    projectName: "Secret pilot",
    recipientName: "Council",
    recipientOrganisationId: council.id,
    amountPence: 30_000,
  });

  // The test ran its course: one update accepted (with a reviewer's note), a later one waiting, evaluated, decided.
  const { id: projectId, periods } = await fundedProject(w, {
    by: people.officer,
    award,
    startsOn: isoDay(-200),
    endsOn: isoDay(-10),
    reportingFrequency: "QUARTERLY",
  });
  const update = (periodId: string, rag: "AMBER" | "RED", percentComplete: number, value: number, narrative: string) =>
    updateInput(projectId, periodId, {
      rag,
      percentComplete,
      narrative,
      spend: [{ budgetLineId: "b1", spentPence: 100_000 }],
      measureValues: [{ measureId: "m1", value }],
      risks: PRIVATE_TEXT.risks,
      learning: PRIVATE_TEXT.learning,
    });
  const first = await submitUpdate(w, people.lena, update(periods[0]!.id, "AMBER", 40, 30, PRIVATE_TEXT.narrative));
  await w.api(people.reviewer).project.reviewUpdate({ updateId: first, outcome: "ACCEPT", note: PRIVATE_TEXT.reviewNote });
  await submitUpdate(w, people.lena, update(periods[1]!.id, "RED", 70, 50, PRIVATE_TEXT.pendingNarrative));
  await w.api(people.lena).project.submitEvaluation({
    projectId,
    measureResults: [{ measureId: "m1", value: 64 }],
    costPence: 480_000,
    whatWorked: PRIVATE_TEXT.whatWorked,
    whatDidNot: PRIVATE_TEXT.whatDidNot,
    recommendation: "SCALE_UP",
  });
  await officer.project.decide({ projectId, outcome: "SCALE_UP", reasons: PRIVATE_TEXT.reasons, nextStep: PRIVATE_TEXT.nextStep });

  return { ...w, carers, council };
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
    const unpublished = await expectFailure(anonymous.transparency.portfolio({ partnershipSlug: w.partnership.slug }), "NOT_FOUND");
    const unknown = await expectFailure(anonymous.transparency.portfolio({ partnershipSlug: unique("nowhere") }), "NOT_FOUND");
    expect(unpublished.message).toBe(unknown.message);
    // Not even the partnership's own officer sees it before it is published.
    await expectFailure(w.api(w.people.officer).transparency.portfolio({ partnershipSlug: w.partnership.slug }), "NOT_FOUND");

    expect(await w.api(w.people.officer).transparency.setPublished({ partnershipSlug: w.partnership.slug, published: true })).toEqual({
      published: true,
    });
    const portfolio = await anonymous.transparency.portfolio({ partnershipSlug: w.partnership.slug });
    expect(portfolio.partnership.name).toBe(w.partnership.name);

    await w.api(w.people.officer).transparency.setPublished({ partnershipSlug: w.partnership.slug, published: false });
    await expectFailure(anonymous.transparency.portfolio({ partnershipSlug: w.partnership.slug }), "NOT_FOUND");
    const audit = await db.auditEvent.findMany({ where: { partnershipId: w.partnership.id, subjectType: "Partnership" }, orderBy: { createdAt: "asc" } });
    expect(audit.map((event) => [event.action, event.actorId])).toEqual([
      ["partnership.portfolio_published", w.people.officer.userId],
      ["partnership.portfolio_unpublished", w.people.officer.userId],
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
    const personal = Object.values(w.people).flatMap((actor) => [actor.userId, actor.email, actor.name!]);
    for (const value of personal) expect(everything.filter((text) => text.includes(value))).toEqual([]);
    for (const text of Object.values(PRIVATE_TEXT)) expect(everything.filter((entry) => entry.includes(text))).toEqual([]);
    expect(everything.filter((text) => text.includes("Secret pilot"))).toEqual([]);

    const csv = portfolioCsv(portfolio);
    const [header, ...rows] = csv.replace(/^\uFEFF/, "").split("\r\n");
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(header).toBe(PORTFOLIO_CSV_COLUMNS.join(","));
    expect(header).toBe("Project,Priority area,Organisation,Awarded (£),Paid (£),Status,Progress,Percent complete,Starts,Ends,Decision");
    expect(rows.filter(Boolean)).toHaveLength(2);
    expect(rows[0]).toBe(`Pharmacy check-ins,Unpaid carers,${w.carers.name},5000,2500,Decided,Some problems,40,${isoDay(-200)},${isoDay(-10)},Scale up`);
    for (const value of [...personal, ...Object.values(PRIVATE_TEXT), "Secret pilot"]) expect(csv.includes(value)).toBe(false);
  });

  it("only the partnership's officers choose to publish", async () => {
    const { db } = database;
    const w = await world(db);
    const input = { partnershipSlug: w.partnership.slug, published: true };
    await expectFailure(w.api(w.people.lena).transparency.setPublished(input), "FORBIDDEN");
    await expectFailure(w.api(w.people.dev).transparency.setPublished(input), "FORBIDDEN");
    await expectFailure(callerFor(db, null).transparency.setPublished(input), "UNAUTHORIZED");
    await expectFailure(w.api(w.people.stranger).transparency.setPublished(input), "NOT_FOUND");
    expect((await db.partnership.findUniqueOrThrow({ where: { id: w.partnership.id } })).publishesPortfolio).toBe(false);
    expect(await db.auditEvent.count({ where: { partnershipId: w.partnership.id, subjectType: "Partnership" } })).toBe(0);
  });
});
