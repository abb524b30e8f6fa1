import { formatPence } from "@/lib/money";
import type { ProjectGrant } from "@/server/auth/grants";
import type { Database } from "@/server/db/client";
import type { LedgerKind, ProgressUpdateStatus, ProjectOutcome } from "@/server/db/generated/enums";
import { displayName } from "@/server/domain/discussions/people";
import { proposalTimeline, type TimelineEntry } from "@/server/domain/proposals/history";
import type { PersonRef } from "@/server/domain/proposals/sections";
import { OUTCOME_LABELS } from "./evaluation";
import { paths } from "@/lib/paths";
import { projectRows } from "./rows";

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

/**
 * The project's timeline from idea to decision, oldest first: from the rows the project's
 * page has already read for this request (./rows.ts), its ledger and its proposal's history.
 */
export async function projectTimeline(db: Database, grant: ProjectGrant): Promise<ProjectTimelineEntry[]> {
  const rows = await projectRows(db, grant);
  const { project } = rows;
  const [proposal, ledger] = await Promise.all([
    project.proposalId ? proposalTimeline(db, project.proposalId) : Promise.resolve([]),
    db.$queryRaw<(ProjectHistory["ledger"][number] & { trancheId: string | null })[]>`
      SELECT l."id", l."kind"::text AS "kind", l."createdAt", l."committedDelta", l."paidDelta", l."trancheId",
             CASE WHEN u."id" IS NULL THEN NULL ELSE json_build_object('id', u."id", 'name', u."name") END AS "actor"
      FROM "LedgerEntry" l
      LEFT JOIN "User" u ON u."id" = l."actorId"
      WHERE l."awardId" = ${project.award.id} AND l."kind" IN ('COMMIT', 'PAY')
      ORDER BY l."createdAt" ASC, l."id" ASC`,
  ]);
  const periodSequence = new Map(rows.periods.map((period) => [period.id, period.sequence]));
  const trancheSequence = new Map(rows.tranches.map((tranche) => [tranche.id, tranche.sequence]));
  const slug = project.partnership.slug;
  const proposalId = project.proposalId;
  const { evaluation, decision } = project;

  return buildProjectTimeline({
    projectPath: paths.project(slug, project.id),
    proposalPath: proposalId ? paths.proposal(slug, proposalId) : null,
    proposalRevisionsPath: proposalId ? (compare) => paths.proposalRevisions(slug, proposalId, compare) : null,
    proposal,
    setUp: { at: project.createdAt, by: project.createdBy },
    // Oldest first, as they were written.
    updates: rows.updates
      .filter((update) => update.submittedAt !== null)
      .reverse()
      .map((update) => ({
        id: update.id,
        periodSequence: periodSequence.get(update.periodId)!,
        status: update.status,
        submittedAt: update.submittedAt,
        late: update.late,
        author: update.author,
        reviewedAt: update.reviewedAt,
        reviewedBy: update.reviewedBy,
      })),
    ledger: ledger.map(({ trancheId, ...row }) => ({
      ...row,
      trancheSequence: trancheId ? (trancheSequence.get(trancheId) ?? null) : null,
    })),
    evaluation: evaluation && {
      id: evaluation.id,
      submittedAt: evaluation.submittedAt,
      recommendation: evaluation.recommendation,
      author: evaluation.author,
    },
    decision: decision && {
      id: decision.id,
      decidedAt: decision.decidedAt,
      outcome: decision.outcome,
      reasons: decision.reasons,
      decidedBy: decision.decidedBy,
    },
  });
}
