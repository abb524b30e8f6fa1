import { sectionToText } from "@/lib/proposals/section-text";
import {
  EMPTY_SECTION_CONTENT,
  PROPOSAL_SECTION_KEYS,
  PROPOSAL_SECTION_LABELS,
  type ProposalSectionKey,
  type SectionContent,
} from "@/lib/schemas/proposals";
import { diffWords, type DiffPart } from "@/lib/text-diff";
import type { Database } from "@/server/db/client";
import type { ProposalEventKind } from "@/server/db/generated/enums";
import { displayName } from "@/server/domain/discussions/people";
import { AppError } from "@/server/errors";
import { isSectionKey, parseSectionContent, type PersonRef } from "./sections";

/** One save of one section. */
export type RevisionListItem = {
  number: number;
  section: ProposalSectionKey;
  sectionLabel: string;
  author: PersonRef;
  createdAt: Date;
};

const sectionLabel = (key: string) => (isSectionKey(key) ? PROPOSAL_SECTION_LABELS[key] : key);

/** Every save of the proposal, newest first. */
export async function listRevisions(db: Database, proposalId: string): Promise<RevisionListItem[]> {
  const revisions = await db.proposalRevision.findMany({
    where: { proposalId },
    orderBy: { number: "desc" },
    select: { number: true, sectionKey: true, createdAt: true, author: { select: { id: true, name: true } } },
  });
  return revisions.flatMap((revision) =>
    isSectionKey(revision.sectionKey)
      ? [
          {
            number: revision.number,
            section: revision.sectionKey,
            sectionLabel: PROPOSAL_SECTION_LABELS[revision.sectionKey],
            author: { id: revision.author.id, name: displayName(revision.author) },
            createdAt: revision.createdAt,
          },
        ]
      : [],
  );
}

/** A point in the proposal's history: revision 0 is the empty proposal before anything was written. */
export type RevisionPoint = { number: number; createdAt: Date | null; author: PersonRef | null };

export type SectionComparison = {
  section: ProposalSectionKey;
  label: string;
  changed: boolean;
  before: string;
  after: string;
  diff: DiffPart[];
};

export type RevisionComparison = { from: RevisionPoint; to: RevisionPoint; sections: SectionComparison[] };

/**
 * The proposal as it stood at two revisions, section by section, as readable text with a
 * word-by-word difference. A section at revision N is its latest save numbered N or less.
 */
export async function compareRevisions(
  db: Database,
  proposalId: string,
  input: { fromRevision: number; toRevision: number },
): Promise<RevisionComparison> {
  const { fromRevision, toRevision } = input;
  if (fromRevision >= toRevision) {
    throw new AppError("BAD_REQUEST", "Choose an earlier revision to compare from.", {
      fromRevision: ["Choose an earlier revision to compare from"],
    });
  }
  const proposal = await db.proposal.findUniqueOrThrow({ where: { id: proposalId }, select: { revision: true, partnershipId: true } });
  if (toRevision > proposal.revision) {
    throw new AppError("BAD_REQUEST", `This proposal has ${proposal.revision} revisions, so revision ${toRevision} does not exist.`, {
      toRevision: [`Choose a revision from 1 to ${proposal.revision}`],
    });
  }
  const revisions = await db.proposalRevision.findMany({
    where: { proposalId, number: { lte: toRevision } },
    orderBy: { number: "asc" },
    select: { number: true, sectionKey: true, content: true, createdAt: true, author: { select: { id: true, name: true } } },
  });

  const stateAt = (number: number): SectionContent => {
    const contents = { ...EMPTY_SECTION_CONTENT } as Record<ProposalSectionKey, unknown>;
    for (const revision of revisions) {
      if (revision.number > number) break;
      if (isSectionKey(revision.sectionKey)) contents[revision.sectionKey] = parseSectionContent(revision.sectionKey, revision.content);
    }
    return contents as SectionContent;
  };
  const before = stateAt(fromRevision);
  const after = stateAt(toRevision);

  const organisationIds = new Set<string>();
  for (const state of [before, after]) {
    state.partners.organisationIds.forEach((id) => organisationIds.add(id));
    if (state.partners.leadOrganisationId) organisationIds.add(state.partners.leadOrganisationId);
    state.budget.lines.forEach((line) => line.organisationId && organisationIds.add(line.organisationId));
  }
  const organisations = await db.organisation.findMany({ where: { id: { in: [...organisationIds] } }, select: { id: true, name: true } });
  const names = new Map(organisations.map((organisation) => [organisation.id, organisation.name]));
  const organisationName = (id: string) => names.get(id) ?? "An organisation no longer in Tandem";

  const point = (number: number): RevisionPoint => {
    const revision = revisions.find((candidate) => candidate.number === number);
    return {
      number,
      createdAt: revision?.createdAt ?? null,
      author: revision ? { id: revision.author.id, name: displayName(revision.author) } : null,
    };
  };

  return {
    from: point(fromRevision),
    to: point(toRevision),
    sections: PROPOSAL_SECTION_KEYS.map((key) => {
      const beforeText = sectionToText(key, before[key], organisationName);
      const afterText = sectionToText(key, after[key], organisationName);
      return {
        section: key,
        label: PROPOSAL_SECTION_LABELS[key],
        changed: beforeText !== afterText,
        before: beforeText,
        after: afterText,
        diff: diffWords(beforeText, afterText),
      };
    }),
  };
}

export type TimelineEntry = {
  id: string;
  kind: ProposalEventKind | "REVISED";
  at: Date;
  actor: PersonRef | null;
  summary: string;
  /** For "REVISED": the input to `proposal.compare` that shows what the grouped saves changed. */
  compare: { fromRevision: number; toRevision: number } | null;
};

/** Saves by one person this close together read as one entry of the timeline. */
export const REVISION_GROUP_GAP_MS = 30 * 60 * 1000;

type RevisionRow = { number: number; sectionKey: string; createdAt: Date; author: { id: string; name: string | null } };
type EventRow = { id: string; kind: ProposalEventKind; summary: string; createdAt: Date; actor: { id: string; name: string | null } | null };

/** "Budget", "Budget and The need", "Title, Budget and The need". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/**
 * The timeline as a pure function of the proposal's events and revisions: oldest first,
 * with consecutive saves by one person (each within 30 minutes of the one before, and no
 * other event between) grouped into one "REVISED" entry. The first revision is the working
 * title given when the proposal was started, which the CREATED event already tells.
 */
export function buildTimeline(events: readonly EventRow[], revisions: readonly RevisionRow[]): TimelineEntry[] {
  type Item = { at: Date; order: number; number: number; event?: EventRow; revision?: RevisionRow };
  const hasCreated = events.some((event) => event.kind === "CREATED");
  const items: Item[] = [
    ...events.map((event): Item => ({ at: event.createdAt, order: 0, number: 0, event })),
    ...revisions
      .filter((revision) => !(hasCreated && revision.number === 1))
      .map((revision): Item => ({ at: revision.createdAt, order: 1, number: revision.number, revision })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime() || a.order - b.order || a.number - b.number);

  const entries: TimelineEntry[] = [];
  type Group = { entry: TimelineEntry; sections: string[]; saves: number; last: Date; authorId: string; name: string };
  let group: Group | null = null;
  const describe = (current: Group) => {
    const count = current.saves === 1 ? "" : ` (${current.saves} saves)`;
    current.entry.summary = `${current.name} revised ${listInWords(current.sections)}${count}`;
  };
  for (const item of items) {
    if (item.event) {
      group = null;
      const { event } = item;
      entries.push({
        id: event.id,
        kind: event.kind,
        at: event.createdAt,
        actor: event.actor && { id: event.actor.id, name: displayName(event.actor) },
        summary: event.summary,
        compare: null,
      });
      continue;
    }
    const revision = item.revision!;
    const label = sectionLabel(revision.sectionKey);
    if (group && group.authorId === revision.author.id && revision.createdAt.getTime() - group.last.getTime() <= REVISION_GROUP_GAP_MS) {
      group.saves += 1;
      group.last = revision.createdAt;
      if (!group.sections.includes(label)) group.sections.push(label);
      const fromRevision = group.entry.compare!.fromRevision;
      group.entry.compare = { fromRevision, toRevision: revision.number };
      group.entry.id = `revisions-${fromRevision + 1}-${revision.number}`;
    } else {
      const name = displayName(revision.author);
      group = {
        entry: {
          id: `revisions-${revision.number}-${revision.number}`,
          kind: "REVISED",
          at: revision.createdAt,
          actor: { id: revision.author.id, name },
          summary: "",
          compare: { fromRevision: revision.number - 1, toRevision: revision.number },
        },
        sections: [label],
        saves: 1,
        last: revision.createdAt,
        authorId: revision.author.id,
        name,
      };
      entries.push(group.entry);
    }
    describe(group);
  }
  return entries;
}

/** The proposal's timeline: what happened to it and who changed what, oldest first. */
export async function proposalTimeline(db: Database, proposalId: string): Promise<TimelineEntry[]> {
  // Each row names its person in the same statement (one join), not in a statement of its own.
  const [events, revisions] = await Promise.all([
    db.$queryRaw<EventRow[]>`
      SELECT e."id", e."kind"::text AS "kind", e."summary", e."createdAt",
             CASE WHEN u."id" IS NULL THEN NULL ELSE json_build_object('id', u."id", 'name', u."name") END AS "actor"
      FROM "ProposalEvent" e
      LEFT JOIN "User" u ON u."id" = e."actorId"
      WHERE e."proposalId" = ${proposalId}
      ORDER BY e."createdAt" ASC, e."id" ASC`,
    db.$queryRaw<RevisionRow[]>`
      SELECT r."number", r."sectionKey", r."createdAt", json_build_object('id', u."id", 'name', u."name") AS "author"
      FROM "ProposalRevision" r
      JOIN "User" u ON u."id" = r."authorId"
      WHERE r."proposalId" = ${proposalId}
      ORDER BY r."number" ASC`,
  ]);
  return buildTimeline(events, revisions);
}
