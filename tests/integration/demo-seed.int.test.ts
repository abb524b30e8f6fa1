import { createHash } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_FUND, DEMO_PEOPLE, DEMO_PROPOSALS, DEMO_PROPOSALS_FUND } from "@/prisma/seed/demo-data";
import { sectionContentSchemas, type ProposalSectionKey } from "@/lib/schemas/proposals";
import { seedDemoData } from "@/prisma/seed/seed-demo";
import { periodStates } from "@/server/domain/projects/queries";
import { resolveActor } from "@/server/auth/session";
import { startDemoSession } from "@/server/domain/demo/demo-sign-in";
import type { AppError } from "@/server/errors";
import { callerFor } from "./support/caller";
import { createTestDatabase, type TestDatabase } from "./support/database";
import { expectFailure } from "./support/expect";
import { downloadAs } from "./support/files";

/** A database holding the demo data: the first test seeds it, the sign-in tests then use it. */
let seeded: TestDatabase | undefined;
afterAll(async () => {
  await seeded?.drop();
});

async function seededDatabase() {
  if (!seeded) {
    seeded = await createTestDatabase();
    await seedDemoData(seeded.db);
  }
  return seeded.db;
}

describe("demo data", () => {
  it("seeds two partnerships once, even when several instances start at the same time", async () => {
    const scratch = await createTestDatabase();
    let kept = false;
    try {
      const outcomes = await Promise.all([seedDemoData(scratch.db), seedDemoData(scratch.db), seedDemoData(scratch.db)]);
      expect(outcomes.sort()).toEqual(["already-seeded", "already-seeded", "seeded"]);
      expect(await seedDemoData(scratch.db)).toBe("already-seeded");

      const partnerships = await scratch.db.partnership.findMany({
        select: { slug: true, _count: { select: { localities: true } } },
        orderBy: { slug: "asc" },
      });
      expect(partnerships).toEqual([
        { slug: "leeds-lcps", _count: { localities: 19 } },
        { slug: "renfrewshire-spg", _count: { localities: 2 } },
      ]);
      expect(await scratch.db.user.count()).toBe(DEMO_PEOPLE.length);
      const sectors = await scratch.db.organisation.groupBy({ by: ["sector"], _count: true });
      expect(sectors.map((s) => s.sector).sort()).toEqual(["COMMUNITY", "PRIVATE", "PUBLIC", "VOLUNTARY"]);

      // Renfrewshire: six priority areas, each with a cross-sector sub-group...
      const areas = await scratch.db.priorityArea.findMany({
        where: { partnership: { slug: "renfrewshire-spg" } },
        orderBy: { position: "asc" },
        select: {
          position: true,
          subGroups: {
            select: {
              name: true,
              members: { select: { role: true, user: { select: { organisation: { select: { sector: true } } } } } },
            },
          },
        },
      });
      expect(areas.map((a) => a.position)).toEqual([0, 1, 2, 3, 4, 5]);
      const groups = areas.flatMap((a) => a.subGroups);
      expect(groups.length).toBeGreaterThanOrEqual(6);
      for (const group of groups) {
        const groupSectors = new Set(group.members.map((m) => m.user.organisation?.sector ?? "INDIVIDUAL"));
        expect(groupSectors.size, `${group.name} should mix sectors`).toBeGreaterThanOrEqual(2);
        expect(group.members.filter((m) => m.role === "LEAD").length).toBeGreaterThanOrEqual(1);
      }
      // ...and at least one real gap for the partnership map to show.
      expect(
        groups.some((g) => !g.members.some((m) => m.user.organisation?.sector === "PUBLIC")),
      ).toBe(true);
      expect(await scratch.db.joinRequest.count({ where: { status: "PENDING" } })).toBeGreaterThanOrEqual(1);

      // The fund: 11 funded projects across the six priority areas, balances equal to the ledger.
      const fund = await scratch.db.fund.findFirstOrThrow({ where: { partnership: { slug: "renfrewshire-spg" }, name: DEMO_FUND.name } });
      const awards = await scratch.db.award.findMany({ where: { fundId: fund.id }, select: { priorityAreaId: true, awardedPence: true } });
      expect(awards).toHaveLength(11);
      expect(new Set(awards.map((a) => a.priorityAreaId)).size).toBe(6);
      const ledger = await scratch.db.ledgerEntry.aggregate({ where: { fundId: fund.id }, _sum: { committedDelta: true, paidDelta: true } });
      expect(fund.committedPence).toBe(awards.reduce((sum, a) => sum + a.awardedPence, 0));
      expect(ledger._sum).toEqual({ committedDelta: fund.committedPence, paidDelta: fund.paidPence });
      expect(fund.committedPence).toBeLessThanOrEqual(fund.totalPence);

      // Every award is a funded project in its test: some reports late, some overdue, two being evaluated.
      const projects = await scratch.db.fundedProject.findMany({
        include: {
          award: { select: { awardedPence: true } },
          periods: { select: { id: true, sequence: true, dueOn: true, acceptedUpdateId: true } },
          updates: { select: { periodId: true, status: true, submittedAt: true, late: true } },
          team: { select: { role: true } },
        },
      });
      expect(projects).toHaveLength(11);
      const now = new Date();
      const overdue = projects.filter((project) => periodStates(project.periods, project.updates, now).some((period) => period.state === "OVERDUE"));
      expect(overdue.length).toBeGreaterThanOrEqual(3);
      expect(projects.filter((project) => project.updates.some((update) => update.late)).length).toBeGreaterThanOrEqual(3);
      expect(projects.filter((project) => project.status === "EVALUATING")).toHaveLength(2);
      for (const project of projects) {
        const lines = project.budgetLines as { awardedPence: number }[];
        expect(lines.reduce((sum, line) => sum + line.awardedPence, 0)).toBe(project.award.awardedPence);
        expect(project.team.filter((member) => member.role === "LEAD")).toHaveLength(1);
        expect(project.updates.every((update) => update.submittedAt! <= now)).toBe(true);
      }

      // Proposals: a closed round part way through scoring and an open round with a draft.
      const proposals = await scratch.db.proposal.findMany({
        select: {
          title: true,
          status: true,
          requestedPence: true,
          revision: true,
          round: { select: { title: true } },
          authors: { select: { role: true, user: { select: { organisation: { select: { sector: true } } } } } },
          _count: { select: { revisions: true, sections: true } },
        },
        orderBy: { title: "asc" },
      });
      expect(proposals.map((p) => [p.title, p.status, p.round?.title])).toEqual(
        DEMO_PROPOSALS.map((p) => [p.title, p.status, DEMO_PROPOSALS_FUND.rounds[p.round].title]).sort((a, b) => a[0]!.localeCompare(b[0]!)),
      );
      for (const proposal of proposals) {
        const demo = DEMO_PROPOSALS.find((p) => p.title === proposal.title)!;
        expect(proposal.requestedPence).toBe(demo.budget.reduce((sum, line) => sum + line.pence, 0));
        expect(proposal._count.revisions).toBe(proposal.revision);
        expect(proposal._count.sections).toBe(proposal.revision);
        expect(proposal.authors.filter((a) => a.role === "LEAD")).toHaveLength(1);
        const sectors = new Set(proposal.authors.map((a) => a.user.organisation?.sector));
        expect(sectors.size, `${proposal.title} should be co-written across sectors`).toBeGreaterThanOrEqual(2);
      }
      // Every seeded section is content the editor accepts.
      for (const section of await scratch.db.proposalSection.findMany()) {
        const schema = sectionContentSchemas[section.key as ProposalSectionKey];
        expect(schema.safeParse(section.content).success, `${section.key} content`).toBe(true);
      }
      const scored = await scratch.db.assessment.findMany({ where: { status: "SUBMITTED" }, select: { weightedScore: true } });
      expect(scored.length).toBeGreaterThanOrEqual(3);
      for (const assessment of scored) expect(assessment.weightedScore).toBeGreaterThan(0);

      // Every date tells one current story: money moved shortly before the projects began, within
      // about the last two years, never years before the progress updates it paid for.
      const twoYearsAgo = Date.now() - 2 * 365 * 86_400_000;
      const tranches = await scratch.db.tranche.findMany({ select: { dueOn: true, paidOn: true } });
      expect(tranches.length).toBeGreaterThan(0);
      for (const tranche of tranches) {
        expect(tranche.dueOn.getTime()).toBeGreaterThan(twoYearsAgo);
        if (tranche.paidOn) expect(tranche.paidOn.getTime()).toBeLessThanOrEqual(Date.now());
      }
      const earliestStart = Math.min(...projects.map((project) => project.startsOn.getTime()));
      const firstPayments = await scratch.db.tranche.findMany({ where: { sequence: 1, award: { fundId: fund.id } }, select: { paidOn: true } });
      for (const payment of firstPayments) {
        expect(payment.paidOn!.getTime()).toBeLessThanOrEqual(earliestStart);
        expect(earliestStart - payment.paidOn!.getTime()).toBeLessThan(60 * 86_400_000);
      }
      for (const round of await scratch.db.fundingRound.findMany({ select: { opensAt: true } })) {
        expect(round.opensAt.getTime()).toBeGreaterThan(twoYearsAgo);
      }
      const ledgerDates = await scratch.db.ledgerEntry.findMany({ where: { fundId: fund.id }, select: { createdAt: true } });
      expect(Math.min(...ledgerDates.map((entry) => entry.createdAt.getTime()))).toBeLessThan(earliestStart);
      // Seeded now, so the sign-in tests below need not seed a database of their own.
      if (!seeded) {
        seeded = scratch;
        kept = true;
      }
    } finally {
      if (!kept) await scratch.drop();
    }
  });

  it("gives both demo partnerships a library of real-looking links in folders, some public", async () => {
    const db = await seededDatabase();
    const folders = await db.libraryFolder.findMany({ select: { name: true, parent: { select: { name: true } }, partnership: { select: { slug: true } } } });
    expect(folders.some((f) => f.partnership.slug === "leeds-lcps" && f.name === "Flyers" && f.parent?.name === "Events")).toBe(true);
    const resources = await db.libraryResource.findMany({
      where: { kind: "LINK" },
      select: { title: true, url: true, visibility: true, partnership: { select: { slug: true } }, addedBy: { select: { email: true } } },
    });
    const titles = (slug: string) => resources.filter((r) => r.partnership.slug === slug).map((r) => r.title).sort();
    expect(titles("leeds-lcps")).toEqual([
      "LCP terms of reference",
      "Leeds Health and Wellbeing Strategy 2023 to 2030",
      "List of practices that work with the LCP",
      "Networking breakfast flyer",
    ]);
    expect(titles("renfrewshire-spg")).toEqual(["Community Link Worker referral guide", "Renfrewshire HSCP Strategic Plan 2022 to 2025", "Safeguarding contacts"]);
    for (const slug of ["leeds-lcps", "renfrewshire-spg"]) {
      const own = resources.filter((r) => r.partnership.slug === slug);
      expect(new Set(own.map((r) => r.visibility)), slug).toEqual(new Set(["MEMBERS", "PUBLIC"]));
    }
    expect(resources.every((r) => r.url?.startsWith("https://") && DEMO_PEOPLE.some((p) => p.email === r.addedBy.email))).toBe(true);
  });

  it("gives both demo partnerships documents whose files download through the app's routes, one public in each", async () => {
    const db = await seededDatabase();
    const documents = await db.libraryResource.findMany({
      where: { kind: "DOCUMENT" },
      select: { id: true, title: true, visibility: true, partnership: { select: { slug: true } } },
      orderBy: { title: "asc" },
    });
    expect(documents.map((d) => [d.partnership.slug, d.title, d.visibility])).toEqual([
      ["leeds-lcps", "Carers' café flyer", "PUBLIC"],
      ["renfrewshire-spg", "Community groups poster", "MEMBERS"],
      ["leeds-lcps", "LCP meeting dates 2027", "MEMBERS"],
      ["renfrewshire-spg", "SPG annual report summary", "PUBLIC"],
    ]);
    await db.partnership.updateMany({ data: { publishesPortfolio: true } });
    for (const document of documents) {
      const file = await db.storedFile.findFirstOrThrow({
        where: { ownerKind: "LIBRARY_RESOURCE", ownerId: document.id },
        select: { id: true, currentVersion: { select: { mimeType: true, sizeBytes: true, sha256: true } } },
      });
      // Signed out: the public ones download, the members-only ones do not exist.
      const download = await downloadAs(db, null, file.id);
      expect(download.status, document.title).toBe(document.visibility === "PUBLIC" ? 200 : 404);
      if (document.visibility === "PUBLIC") {
        expect(download.bytes.byteLength).toBe(file.currentVersion!.sizeBytes);
        expect(createHash("sha256").update(download.bytes).digest("hex")).toBe(file.currentVersion!.sha256);
        const head = new TextDecoder("latin1").decode(download.bytes.subarray(0, 8));
        expect(head.startsWith(file.currentVersion!.mimeType === "application/pdf" ? "%PDF-1.4" : "\x89PNG")).toBe(true);
      }
    }
    await db.partnership.updateMany({ data: { publishesPortfolio: false } });
  });
});

describe("demo sign-in", () => {
  it("signs in as a seeded demo person, who then sees their partnerships", async () => {
    const db = await seededDatabase();
    await seedDemoData(db);
    const alex = DEMO_PEOPLE.find((person) => Object.keys(person.memberships).length === 2)!;

    const session = await startDemoSession(db, true, alex.email.toUpperCase());
    const actor = await resolveActor(db, session.sessionToken);

    expect(actor?.email).toBe(alex.email);
    const partnerships = await callerFor(db, actor).partnership.mine();
    expect(partnerships.map((p) => p.slug).sort()).toEqual(["leeds-lcps", "renfrewshire-spg"]);
  });

  it("does not exist outside demo mode, and never signs in anyone who is not a demo person", async () => {
    const db = await seededDatabase();
    await seedDemoData(db);
    const sessionsBefore = await db.session.count();
    await db.user.create({ data: { email: "real.person@council.example.org", name: "Real Person" } });

    await expectFailure<AppError>(startDemoSession(db, false, DEMO_PEOPLE[0]!.email), "NOT_FOUND");
    const refused = await expectFailure<AppError>(
      startDemoSession(db, true, "real.person@council.example.org"),
      "BAD_REQUEST",
      "Choose one of the demo people listed.",
    );
    expect(refused.userMessage).toBe("Choose one of the demo people listed.");
    expect(await db.session.count()).toBe(sessionsBefore);
  });
});
