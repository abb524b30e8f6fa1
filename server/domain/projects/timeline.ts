import { formatPence } from "@/lib/money";
import type { Database } from "@/server/db/client";
import type { LedgerKind, ProgressUpdateStatus, ProjectOutcome } from "@/server/db/generated/enums";
import { displayName } from "@/server/domain/discussions/people";
import { proposalTimeline, type TimelineEntry } from "@/server/domain/proposals/history";
import type { PersonRef } from "@/server/domain/proposals/sections";
import { notFound } from "@/server/errors";
import { OUTCOME_LABELS } from "./evaluation";
import { paths } from "@/lib/paths";

export type ProjectTimelineKind =
  | TimelineEntry["kind"]
  | "SET_UP"
  | "UPDATE_POSTED"
  | "UPDATE_ACCEPTED"
  | "UPDATE_RETURNED"
  | "FUNDS_AWARDED"
  | "PAID"
  | "EVALUATED"
  | "DECIDED";

export type ProjectTimelineEntry = {
  id: string;
  kind: ProjectTimelineKind;
  at: Date;
  actor: PersonRef | null;
  summary: string;
  /** Where to read more: a proposal comparison, or a part of the project's page. */
  link?: string;
};

type Person = { id: string; name: string | null };

export type ProjectHistory = {
  /** The project's page, for links into its sections. */
  projectPath: string;
  /** The proposal's page, when the project grew from one. */
  proposalPath: string | null;
  /** The proposal's revisions page, comparing two revisions; null when there is no proposal. */
  proposalRevisionsPath: ((compare: { from: number; to: number }) => string) | null;
  proposal: readonly TimelineEntry[];
  setUp: { at: Date; by: Person | null };
  updates: readonly {
    id: string;
    periodSequence: number;
    status: ProgressUpdateStatus;
    submittedAt: Date | null;
    late: boolean;
    author: Person;
    reviewedAt: Date | null;
    reviewedBy: Person | null;
  }[];
  ledger: readonly {
    id: string;
    kind: LedgerKind;
    createdAt: Date;
    committedDelta: number;
    paidDelta: number;
    trancheSequence: number | null;
    actor: Person | null;
  }[];
  evaluation: { id: string; submittedAt: Date; recommendation: ProjectOutcome; author: Person } | null;
  decision: { id: string; decidedAt: Date; outcome: ProjectOutcome; reasons: string; decidedBy: Person } | null;
};

/** Where each kind of entry falls in the life of a test, for entries at the same moment. */
const STAGE: Record<ProjectTimelineKind, number> = {
  CREATED: 0,
  CO_AUTHOR_JOINED: 0,
  CO_AUTHOR_REMOVED: 0,
  LEAD_AUTHOR_CHANGED: 0,
  ROUND_CHOSEN: 0,
  REVISED: 0,
  SUBMITTED: 0,
  RETURNED_TO_DRAFT: 0,
  WITHDRAWN: 0,
  ASSESSMENT_STARTED: 0,
  ASSESSED: 0,
  CONFLICT_DECLARED: 0,
  APPROVED: 0,
  DECLINED: 0,
  AWARDED: 0,
  FUNDS_AWARDED: 1,
  SET_UP: 2,
  UPDATE_POSTED: 3,
  UPDATE_ACCEPTED: 4,
  UPDATE_RETURNED: 4,
  PAID: 5,
  EVALUATED: 6,
  DECIDED: 7,
};

const REASONS_SHOWN = 200;

/** The first couple of sentences of long reasons; the decision itself shows them in full. */
function shorten(text: string): string {
  const flat = text.trim().replace(/\s+/g, " ");
  if (flat.length <= REASONS_SHOWN) return flat;
  const cut = flat.slice(0, REASONS_SHOWN);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > REASONS_SHOWN / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,.;:]+$/, "")}…`;
}

const person = (row: Person | null): PersonRef | null => row && { id: row.id, name: displayName(row) };

/**
 * One timeline of a funded test, from the proposal's first draft to the partnership's
 * decision, oldest first. Entries at the same moment keep the order a test lives through
 * (money committed, set up, reported, reviewed, paid, evaluated, decided).
 */
export function buildProjectTimeline(history: ProjectHistory): ProjectTimelineEntry[] {
  const entries: ProjectTimelineEntry[] = [];
  const section = (id: string) => `${history.projectPath}#${id}`;

  for (const entry of history.proposal) {
    const link = entry.compare && history.proposalRevisionsPath
      ? history.proposalRevisionsPath({ from: entry.compare.fromRevision, to: entry.compare.toRevision })
      : undefined;
    entries.push({
      id: `proposal-${entry.id}`,
      kind: entry.kind,
      at: entry.at,
      actor: entry.actor,
      summary: entry.summary,
      ...(link ? { link } : {}),
    });
  }

  entries.push({ id: "set-up", kind: "SET_UP", at: history.setUp.at, actor: person(history.setUp.by), summary: "Set up as a funded project" });

  for (const update of history.updates) {
    if (!update.submittedAt) continue;
    const period = `the period ${update.periodSequence} update`;
    const link = section(`update-${update.id}`);
    entries.push({
      id: `update-${update.id}-posted`,
      kind: "UPDATE_POSTED",
      at: update.submittedAt,
      actor: person(update.author),
      summary: `Posted ${period}${update.late ? " (late)" : ""}`,
      link,
    });
    if (update.reviewedAt && (update.status === "ACCEPTED" || update.status === "RETURNED")) {
      const accepted = update.status === "ACCEPTED";
      entries.push({
        id: `update-${update.id}-reviewed`,
        kind: accepted ? "UPDATE_ACCEPTED" : "UPDATE_RETURNED",
        at: update.reviewedAt,
        actor: person(update.reviewedBy),
        summary: `${accepted ? "Accepted" : "Sent back"} ${period}`,
        link,
      });
    }
  }

  // An award decided on a proposal is already in its history; the ledger's commitment of the
  // same money would say it a second time.
  const awardedOnProposal = history.proposal.some((entry) => entry.kind === "AWARDED");
  for (const row of history.ledger) {
    if (row.kind === "COMMIT" && awardedOnProposal) continue;
    if (row.kind === "COMMIT") {
      entries.push({
        id: `ledger-${row.id}`,
        kind: "FUNDS_AWARDED",
        at: row.createdAt,
        actor: person(row.actor),
        summary: `Awarded ${formatPence(row.committedDelta)}`,
      });
    } else if (row.kind === "PAY") {
      const which = row.trancheSequence === null ? "" : ` (payment ${row.trancheSequence})`;
      entries.push({
        id: `ledger-${row.id}`,
        kind: "PAID",
        at: row.createdAt,
        actor: person(row.actor),
        summary: `Paid ${formatPence(row.paidDelta)}${which}`,
        link: section("payments-heading"),
      });
    }
  }

  if (history.evaluation) {
    entries.push({
      id: `evaluation-${history.evaluation.id}`,
      kind: "EVALUATED",
      at: history.evaluation.submittedAt,
      actor: person(history.evaluation.author),
      summary: `Evaluated the test: recommends ${OUTCOME_LABELS[history.evaluation.recommendation]}`,
      link: section("evaluation-heading"),
    });
  }
  if (history.decision) {
    entries.push({
      id: `decision-${history.decision.id}`,
      kind: "DECIDED",
      at: history.decision.decidedAt,
      actor: person(history.decision.decidedBy),
      summary: `Decided: ${OUTCOME_LABELS[history.decision.outcome]} — ${shorten(history.decision.reasons)}`,
      link: section("decision-heading"),
    });
  }

  // Array sort is stable, so the proposal's own order survives among equal moments.
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime() || STAGE[a.kind] - STAGE[b.kind]);
}

const personSelect = { select: { id: true, name: true } } as const;

/** The project's timeline from idea to decision, oldest first. */
export async function projectTimeline(db: Database, projectId: string): Promise<ProjectTimelineEntry[]> {
  const project = await db.fundedProject.findUnique({
    where: { id: projectId },
    select: {
      proposalId: true,
      awardId: true,
      createdAt: true,
      createdById: true,
      partnership: { select: { slug: true } },
      award: { select: { tranches: { select: { id: true, sequence: true } } } },
      periods: { select: { id: true, sequence: true } },
      updates: {
        where: { submittedAt: { not: null } },
        select: { id: true, status: true, submittedAt: true, late: true, reviewedAt: true, authorId: true, reviewedById: true, periodId: true },
      },
      evaluation: { select: { id: true, submittedAt: true, recommendation: true, authorId: true } },
      decision: { select: { id: true, decidedAt: true, outcome: true, reasons: true, decidedById: true } },
    },
  });
  if (!project) throw notFound("That project");
  const [proposal, ledger] = await Promise.all([
    project.proposalId ? proposalTimeline(db, project.proposalId) : Promise.resolve([]),
    db.ledgerEntry.findMany({
      where: { awardId: project.awardId, kind: { in: ["COMMIT", "PAY"] } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, kind: true, createdAt: true, committedDelta: true, paidDelta: true, trancheId: true, actorId: true },
    }),
  ]);
  // Everyone the timeline names, in one statement: rows name people by id only.
  const personIds = [
    project.createdById,
    ...project.updates.flatMap((update) => [update.authorId, update.reviewedById]),
    project.evaluation?.authorId,
    project.decision?.decidedById,
    ...ledger.map((row) => row.actorId),
  ].filter((personId): personId is string => typeof personId === "string");
  const people = await db.user.findMany({ where: { id: { in: [...new Set(personIds)] } }, ...personSelect });
  const personById = new Map(people.map((person) => [person.id, person]));
  const person = (personId: string): Person => personById.get(personId) ?? { id: personId, name: null };
  const periodSequence = new Map(project.periods.map((period) => [period.id, period.sequence]));
  const trancheSequence = new Map(project.award.tranches.map((tranche) => [tranche.id, tranche.sequence]));
  const slug = project.partnership.slug;
  const proposalId = project.proposalId;
  const { evaluation, decision } = project;

  return buildProjectTimeline({
    projectPath: paths.project(slug, projectId),
    proposalPath: proposalId ? paths.proposal(slug, proposalId) : null,
    proposalRevisionsPath: proposalId ? (compare) => paths.proposalRevisions(slug, proposalId, compare) : null,
    proposal,
    setUp: { at: project.createdAt, by: personById.get(project.createdById) ?? null },
    updates: project.updates.map((update) => ({
      id: update.id,
      periodSequence: periodSequence.get(update.periodId)!,
      status: update.status,
      submittedAt: update.submittedAt,
      late: update.late,
      author: person(update.authorId),
      reviewedAt: update.reviewedAt,
      reviewedBy: update.reviewedById ? person(update.reviewedById) : null,
    })),
    ledger: ledger.map((row) => ({
      id: row.id,
      kind: row.kind,
      createdAt: row.createdAt,
      committedDelta: row.committedDelta,
      paidDelta: row.paidDelta,
      trancheSequence: row.trancheId ? (trancheSequence.get(row.trancheId) ?? null) : null,
      actor: personById.get(row.actorId) ?? null,
    })),
    evaluation: evaluation && {
      id: evaluation.id,
      submittedAt: evaluation.submittedAt,
      recommendation: evaluation.recommendation,
      author: person(evaluation.authorId),
    },
    decision: decision && {
      id: decision.id,
      decidedAt: decision.decidedAt,
      outcome: decision.outcome,
      reasons: decision.reasons,
      decidedBy: person(decision.decidedById),
    },
  });
}
