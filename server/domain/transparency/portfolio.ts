import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import type { ProjectOutcome, ProjectStatus, RagStatus } from "@/server/db/generated/enums";
import { recordAudit } from "@/server/domain/audit/record-audit";
import { OUTCOME_LABELS } from "@/server/domain/projects/evaluation";
import { RAG_PLAIN_WORDS } from "@/lib/projects/rag";
import type { ProjectMeasure } from "@/server/domain/projects/queries";
import { notFound } from "@/server/errors";
import { tableToCsv, type ColumnKind, type SpreadsheetTable } from "@/server/domain/exports/spreadsheet";

/**
 * A partnership's public page: what it funds and how that is going, for anyone, signed in
 * or not. Nothing personal may reach it, so every field is copied by hand into an
 * allow-listed shape: organisations by name, never people; figures, never the free text
 * people write about their work (narratives, review notes, evaluations, decision reasons).
 * Only published awards are listed, and progress only from updates an officer accepted.
 */

/** A funded project's stage; NOT_STARTED while the award has no project set up yet. */
export type PublicProjectStatus = "NOT_STARTED" | ProjectStatus;

export const PUBLIC_STATUS_LABELS: Readonly<Record<PublicProjectStatus, string>> = {
  NOT_STARTED: "Not started yet",
  ACTIVE: "Running",
  EVALUATING: "Being evaluated",
  DECIDED: "Decided",
};


export { OUTCOME_LABELS };

export type PublicMeasure = { name: string; unit: string; target: number | null; latest: number | null };

export type PublicProject = {
  name: string;
  priorityAreaTitle: string | null;
  /** The recipient organisation's name; null when the grant went to someone not in Tandem as an organisation. */
  organisationName: string | null;
  awardedPence: number;
  paidPence: number;
  status: PublicProjectStatus;
  latestRag: RagStatus | null;
  percentComplete: number | null;
  startsOn: Date | null;
  endsOn: Date | null;
  outcomes: PublicMeasure[];
  decision: { outcome: ProjectOutcome; decidedAt: Date } | null;
};

export type PublicTotal = { title: string | null; committedPence: number; paidPence: number };

export type PublicPortfolio = {
  asOf: Date;
  partnership: { name: string; area: string | null; description: string | null };
  priorityAreas: { title: string; description: string; outcomesSought: string }[];
  projects: PublicProject[];
  totals: { committedPence: number; paidPence: number; byPriorityArea: PublicTotal[] };
};

type MeasureValue = { measureId: string; value: number | null };

/** Unknown and unpublished partnerships answer alike, so nobody can tell which exist. */
async function publishingPartnership(db: Database, slug: string) {
  const partnership = await db.partnership.findUnique({
    where: { slug },
    select: { id: true, name: true, area: true, description: true, publishesPortfolio: true },
  });
  if (!partnership?.publishesPortfolio) throw notFound();
  return partnership;
}

export async function publicPortfolio(db: Database, slug: string, now: Date): Promise<PublicPortfolio> {
  const partnership = await publishingPartnership(db, slug);
  const [priorityAreas, awards] = await Promise.all([
    db.priorityArea.findMany({
      where: { partnershipId: partnership.id, archivedAt: null },
      orderBy: { position: "asc" },
      select: { title: true, description: true, outcomesSought: true },
    }),
    db.award.findMany({
      where: { fund: { partnershipId: partnership.id }, publishedAt: { not: null }, status: { not: "WITHDRAWN" } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        projectName: true,
        awardedPence: true,
        paidPence: true,
        priorityArea: { select: { title: true, position: true } },
        recipientOrganisation: { select: { name: true } },
        project: {
          select: {
            name: true,
            status: true,
            startsOn: true,
            endsOn: true,
            measures: true,
            decision: { select: { outcome: true, decidedAt: true } },
            updates: {
              where: { status: "ACCEPTED" },
              orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
              take: 1,
              select: { rag: true, percentComplete: true, measureValues: true },
            },
          },
        },
      },
    }),
  ]);

  const projects = awards.map((award): PublicProject => {
    const project = award.project;
    const latest = project?.updates[0] ?? null;
    const values = new Map(((latest?.measureValues ?? []) as MeasureValue[]).map((entry) => [entry.measureId, entry.value]));
    return {
      name: project?.name ?? award.projectName,
      priorityAreaTitle: award.priorityArea?.title ?? null,
      organisationName: award.recipientOrganisation?.name ?? null,
      awardedPence: award.awardedPence,
      paidPence: award.paidPence,
      status: project?.status ?? "NOT_STARTED",
      latestRag: latest?.rag ?? null,
      percentComplete: latest?.percentComplete ?? null,
      startsOn: project?.startsOn ?? null,
      endsOn: project?.endsOn ?? null,
      outcomes: ((project?.measures ?? []) as ProjectMeasure[]).map((measure) => ({
        name: measure.name,
        unit: measure.unit,
        target: measure.target,
        latest: values.get(measure.id) ?? null,
      })),
      decision: project?.decision ? { outcome: project.decision.outcome, decidedAt: project.decision.decidedAt } : null,
    };
  });

  return {
    asOf: now,
    partnership: { name: partnership.name, area: partnership.area, description: partnership.description },
    priorityAreas: priorityAreas.map((area) => ({ title: area.title, description: area.description, outcomesSought: area.outcomesSought })),
    projects,
    totals: totalsOf(awards),
  };
}

type AwardAmounts = { awardedPence: number; paidPence: number; priorityArea: { title: string; position: number } | null };

/** Committed and paid, overall and by priority area (in the areas' order; awards with no area last). */
function totalsOf(awards: readonly AwardAmounts[]): PublicPortfolio["totals"] {
  const byArea = new Map<string, PublicTotal & { position: number }>();
  for (const award of awards) {
    const key = award.priorityArea?.title ?? "";
    const total = byArea.get(key) ?? {
      title: award.priorityArea?.title ?? null,
      committedPence: 0,
      paidPence: 0,
      position: award.priorityArea?.position ?? Number.MAX_SAFE_INTEGER,
    };
    total.committedPence += award.awardedPence;
    total.paidPence += award.paidPence;
    byArea.set(key, total);
  }
  return {
    committedPence: awards.reduce((sum, award) => sum + award.awardedPence, 0),
    paidPence: awards.reduce((sum, award) => sum + award.paidPence, 0),
    byPriorityArea: [...byArea.values()]
      .sort((a, b) => a.position - b.position)
      .map(({ title, committedPence, paidPence }) => ({ title, committedPence, paidPence })),
  };
}

/** Officers choose whether the partnership's portfolio is on its public page. */
export async function setPublished(db: Database, actor: Actor, partnershipId: string, published: boolean) {
  return db.$transaction(async (tx) => {
    const before = await tx.partnership.findUniqueOrThrow({ where: { id: partnershipId }, select: { publishesPortfolio: true } });
    if (before.publishesPortfolio !== published) {
      await tx.partnership.update({ where: { id: partnershipId }, data: { publishesPortfolio: published } });
      await recordAudit(tx, {
        partnershipId,
        actorId: actor.userId,
        action: published ? "partnership.portfolio_published" : "partnership.portfolio_unpublished",
        subjectType: "Partnership",
        subjectId: partnershipId,
        summary: published
          ? "Published the partnership's portfolio on its public page"
          : "Stopped publishing the partnership's portfolio",
      });
    }
    return { published };
  });
}

/**
 * The public portfolio as CSV, built from the public shape only so it can never hold more
 * than the page. Same conventions as the funding exports: UTF-8 with a byte-order mark,
 * CRLF line ends, fields quoted when needed, formula-like cells defused, amounts as plain
 * numbers in pounds, dates in ISO 8601.
 */
export const PORTFOLIO_CSV_COLUMNS = [
  "Project",
  "Priority area",
  "Organisation",
  "Awarded (£)",
  "Paid (£)",
  "Status",
  "Progress",
  "Percent complete",
  "Starts",
  "Ends",
  "Decision",
] as const;

const PORTFOLIO_KINDS: readonly ColumnKind[] = ["text", "text", "text", "money", "money", "text", "text", "percent", "date", "date", "text"];

/** The portfolio as one table, written both as CSV and as an Excel workbook. */
export function portfolioTable(portfolio: PublicPortfolio): SpreadsheetTable {
  return {
    sheetName: "Funded projects",
    columns: PORTFOLIO_CSV_COLUMNS.map((header, index) => ({ header, kind: PORTFOLIO_KINDS[index]! })),
    rows: portfolio.projects.map((project) => [
      project.name,
      project.priorityAreaTitle,
      project.organisationName,
      project.awardedPence,
      project.paidPence,
      PUBLIC_STATUS_LABELS[project.status],
      project.latestRag ? RAG_PLAIN_WORDS[project.latestRag] : null,
      project.percentComplete,
      project.startsOn,
      project.endsOn,
      project.decision ? OUTCOME_LABELS[project.decision.outcome] : null,
    ]),
  };
}

export function portfolioCsv(portfolio: PublicPortfolio): string {
  return tableToCsv(portfolioTable(portfolio));
}
