import {
  EMPTY_SECTION_CONTENT,
  PROPOSAL_SECTION_KEYS,
  type ProposalSectionKey,
} from "@/lib/schemas/proposals";
import type { MembershipGrant } from "@/server/auth/grants";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import type {
  AwardStatus,
  ProposalAuthorRole,
  ProposalDecisionOutcome,
  ProposalStatus,
  RoundStatus,
  Sector,
} from "@/server/db/generated/enums";
import { displayName } from "@/server/domain/discussions/people";
import { effectiveRoundStatus } from "@/server/domain/funding/rounds";
import { notFound } from "@/server/errors";
import { can } from "@/server/auth/can";
import type { Action } from "@/server/auth/rules";
import { CO_AUTHORS_CHANGE_WHILE, type ProposalAccess } from "./access";
import { missingForSubmission, requiredSectionsOf, roundClosedReason, type MissingItem } from "./completeness";
import { proposalAllows } from "./lifecycle";
import { attachedDocumentsOf } from "./proposals";
import { isSectionKey, parseSectionContent, sectionContents, type PersonRef, type SectionStates } from "./sections";

/** One proposal in a list. */
export type ProposalListItem = {
  id: string;
  title: string;
  status: ProposalStatus;
  requestedPence: number;
  updatedAt: Date;
  revision: number;
  round: { id: string; title: string } | null;
  authors: { userId: string; name: string; role: ProposalAuthorRole }[];
};

/** One of the actor's own proposals (proposal.mine). */
export type MyProposalListItem = ProposalListItem & {
  subGroup: { id: string; name: string };
  myRole: ProposalAuthorRole;
};

const listSelect = {
  id: true,
  title: true,
  status: true,
  requestedPence: true,
  updatedAt: true,
  revision: true,
  round: { select: { id: true, title: true } },
  authors: {
    orderBy: [{ role: "asc" }, { joinedAt: "asc" }],
    select: { userId: true, role: true, user: { select: { name: true } } },
  },
} satisfies Prisma.ProposalSelect;

type ListRow = {
  id: string;
  title: string;
  status: ProposalStatus;
  requestedPence: number;
  updatedAt: Date;
  revision: number;
  round: { id: string; title: string } | null;
  authors: { userId: string; role: ProposalAuthorRole; user: { name: string | null } }[];
};

function shapeListItem(row: ListRow): ProposalListItem {
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    requestedPence: row.requestedPence,
    updatedAt: row.updatedAt,
    revision: row.revision,
    round: row.round,
    authors: row.authors.map((author) => ({ userId: author.userId, name: displayName(author.user), role: author.role })),
  };
}

/** Newest change first; withdrawn proposals after all the others. */
function byListOrder(a: { status: ProposalStatus; updatedAt: Date }, b: { status: ProposalStatus; updatedAt: Date }) {
  const withdrawn = Number(a.status === "WITHDRAWN") - Number(b.status === "WITHDRAWN");
  return withdrawn !== 0 ? withdrawn : b.updatedAt.getTime() - a.updatedAt.getTime();
}

/** The sub-group's proposals. */
export async function listSubGroupProposals(db: Database, subGroupId: string): Promise<ProposalListItem[]> {
  const rows = await db.proposal.findMany({ where: { subGroupId }, select: listSelect, orderBy: { updatedAt: "desc" } });
  return rows.map(shapeListItem).sort(byListOrder);
}

/** The proposals in this partnership the actor writes or co-writes (scoped to the actor in the query). */
export async function listMyProposals(db: Database, actor: Actor, membership: MembershipGrant): Promise<MyProposalListItem[]> {
  const rows = await db.proposal.findMany({
    where: { partnershipId: membership.partnershipId, authors: { some: { userId: actor.userId } } },
    orderBy: { updatedAt: "desc" },
    select: { ...listSelect, subGroup: { select: { id: true, name: true } } },
  });
  return rows
    .map((row) => ({
      ...shapeListItem(row),
      subGroup: row.subGroup,
      myRole: row.authors.find((author) => author.userId === actor.userId)!.role,
    }))
    .sort(byListOrder);
}

export type ProposalComment = { id: string; body: string; createdAt: Date; author: PersonRef };

export type ProposalViewer = {
  /** May change sections now (an author, and the proposal is a draft). */
  canEdit: boolean;
  /** May try to submit now (an author of a draft); `missing` says what would stop it. */
  canSubmit: boolean;
  /** May take the submitted proposal back to draft (the round allows it and is still open). */
  canReturnToDraft: boolean;
  canWithdraw: boolean;
  canComment: boolean;
  canManageCoAuthors: boolean;
  /** The lead author or an officer, while co-authors may change. */
  canChangeLeadAuthor: boolean;
  /** An officer who is not an author, and the proposal is being assessed. */
  canDecide: boolean;
  /** Sits on the panel of the proposal's round. */
  isAssessor: boolean;
};

export type ProposalView = {
  id: string;
  title: string;
  status: ProposalStatus;
  revision: number;
  requestedPence: number;
  submittedAt: Date | null;
  createdAt: Date;
  partnership: { slug: string; name: string };
  subGroup: { id: string; name: string; priorityAreaTitle: string };
  round: {
    id: string;
    title: string;
    closesAt: Date;
    effectiveStatus: RoundStatus;
    minAwardPence: number;
    maxAwardPence: number;
    requiredSections: ProposalSectionKey[];
    allowsChangesAfterSubmission: boolean;
    fundId: string;
  } | null;
  /** The lead author first, then co-authors in the order they joined. */
  authors: {
    userId: string;
    name: string;
    organisationName: string | null;
    sector: Sector | null;
    role: ProposalAuthorRole;
    isLead: boolean;
    joinedAt: Date;
  }[];
  sections: SectionStates;
  /** The partnership's organisations (for the partner and budget pickers, and names). */
  organisations: { id: string; name: string; sector: Sector }[];
  /** What stops submission now (empty once it is ready, and when it is not a draft). */
  missing: MissingItem[];
  /** Comments on each section, oldest first (only for people who may comment). */
  comments: Record<ProposalSectionKey, ProposalComment[]>;
  decision: { outcome: ProposalDecisionOutcome; reason: string; decidedAt: Date; decidedBy: { name: string } } | null;
  award: { id: string; fundId: string; awardedPence: number; paidPence: number; status: AwardStatus } | null;
  viewer: ProposalViewer;
};

/** Everything the proposal's pages show, and what the viewer may do with it. */
export async function getProposal(db: Database, access: ProposalAccess, now = new Date()): Promise<ProposalView> {
  const grant = access.proposal;
  const canComment = can("proposal.comment", access);
  const proposal = await db.proposal.findUnique({
    where: { id: grant.id },
    select: {
      id: true,
      title: true,
      status: true,
      revision: true,
      requestedPence: true,
      submittedAt: true,
      createdAt: true,
      partnership: { select: { slug: true, name: true } },
      subGroup: { select: { id: true, name: true, priorityArea: { select: { title: true } } } },
      round: {
        select: {
          id: true,
          title: true,
          status: true,
          closesAt: true,
          closedAt: true,
          minAwardPence: true,
          maxAwardPence: true,
          requiredSections: true,
          requiredPartnerSectors: true,
          requiredDocuments: true,
          allowsChangesAfterSubmission: true,
          fundId: true,
        },
      },
      authors: {
        orderBy: [{ role: "asc" }, { joinedAt: "asc" }],
        select: {
          userId: true,
          role: true,
          joinedAt: true,
          user: { select: { name: true, organisation: { select: { name: true, sector: true } } } },
        },
      },
      sections: {
        select: { key: true, content: true, version: true, updatedAt: true, updatedById: true },
      },
      decision: { select: { outcome: true, reason: true, decidedAt: true, decidedBy: { select: { name: true } } } },
      award: { select: { id: true, fundId: true, awardedPence: true, paidPence: true, status: true } },
    },
  });
  if (!proposal) throw notFound("That proposal");

  const [organisations, editors, commentRows, attachedDocuments] = await Promise.all([
    db.partnershipOrganisation.findMany({
      where: { partnershipId: grant.partnershipId },
      select: { organisation: { select: { id: true, name: true, sector: true } } },
      orderBy: { organisation: { name: "asc" } },
    }),
    db.user.findMany({
      where: { id: { in: proposal.sections.flatMap((section) => (section.updatedById ? [section.updatedById] : [])) } },
      select: { id: true, name: true },
    }),
    canComment
      ? db.proposalComment.findMany({
          where: { proposalId: proposal.id },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          select: { id: true, sectionKey: true, body: true, createdAt: true, author: { select: { id: true, name: true } } },
        })
      : [],
    attachedDocumentsOf(db, proposal.id),
  ]);
  const editorById = new Map(editors.map((editor) => [editor.id, { id: editor.id, name: displayName(editor) }]));

  const sections = Object.fromEntries(
    PROPOSAL_SECTION_KEYS.map((key) => [key, { content: EMPTY_SECTION_CONTENT[key], version: 0, updatedAt: null, updatedBy: null }]),
  ) as SectionStates;
  for (const row of proposal.sections) {
    if (!isSectionKey(row.key)) continue;
    (sections as Record<ProposalSectionKey, unknown>)[row.key] = {
      content: parseSectionContent(row.key, row.content),
      version: row.version,
      updatedAt: row.updatedAt,
      updatedBy: row.updatedById ? (editorById.get(row.updatedById) ?? null) : null,
    };
  }

  const comments = Object.fromEntries(PROPOSAL_SECTION_KEYS.map((key) => [key, [] as ProposalComment[]])) as Record<
    ProposalSectionKey,
    ProposalComment[]
  >;
  for (const comment of commentRows) {
    if (!isSectionKey(comment.sectionKey)) continue;
    comments[comment.sectionKey].push({
      id: comment.id,
      body: comment.body,
      createdAt: comment.createdAt,
      author: { id: comment.author.id, name: displayName(comment.author) },
    });
  }

  const round = proposal.round;
  const roundView = round && {
    id: round.id,
    title: round.title,
    closesAt: round.closesAt,
    effectiveStatus: effectiveRoundStatus(round, now),
    minAwardPence: round.minAwardPence,
    maxAwardPence: round.maxAwardPence,
    requiredSections: requiredSectionsOf(round),
    requiredDocuments: round.requiredDocuments,
    allowsChangesAfterSubmission: round.allowsChangesAfterSubmission,
    fundId: round.fundId,
  };
  const status = proposal.status;
  const missing =
    status === "DRAFT"
      ? missingForSubmission(sectionContents(proposal.sections), round, now, {
          sectorByOrganisationId: new Map(organisations.map(({ organisation }) => [organisation.id, organisation.sector])),
          authorSectors: proposal.authors.flatMap((author) => (author.user.organisation ? [author.user.organisation.sector] : [])),
        }, attachedDocuments)
      : [];

  return {
    id: proposal.id,
    title: proposal.title,
    status,
    revision: proposal.revision,
    requestedPence: proposal.requestedPence,
    submittedAt: proposal.submittedAt,
    createdAt: proposal.createdAt,
    partnership: proposal.partnership,
    subGroup: { id: proposal.subGroup.id, name: proposal.subGroup.name, priorityAreaTitle: proposal.subGroup.priorityArea.title },
    round: roundView,
    authors: proposal.authors.map((author) => ({
      userId: author.userId,
      name: displayName(author.user),
      organisationName: author.user.organisation?.name ?? null,
      sector: author.user.organisation?.sector ?? null,
      role: author.role,
      isLead: author.role === "LEAD",
      joinedAt: author.joinedAt,
    })),
    sections,
    organisations: organisations.map((row) => row.organisation),
    missing,
    comments,
    decision: proposal.decision && {
      outcome: proposal.decision.outcome,
      reason: proposal.decision.reason,
      decidedAt: proposal.decision.decidedAt,
      decidedBy: { name: displayName(proposal.decision.decidedBy) },
    },
    award: proposal.award,
    viewer: proposalViewer(access, { status, round, now }),
  };
}

/**
 * What the viewer may do, from what the policy proved (ctx.proposal), the lifecycle table
 * and the round's rules: the same checks the procedures make, so the screens offer only
 * what would succeed.
 */
export function proposalViewer(
  access: ProposalAccess,
  context: {
    status: ProposalStatus;
    round: { title: string; status: RoundStatus; closesAt: Date; allowsChangesAfterSubmission: boolean } | null;
    now: Date;
  },
): ProposalViewer {
  const { status, round, now } = context;
  const allows = (action: Action) => can(action, access);
  return {
    canEdit: allows("proposal.saveSection") && proposalAllows(status, "EDIT"),
    canSubmit: allows("proposal.submit") && proposalAllows(status, "SUBMIT"),
    canReturnToDraft:
      allows("proposal.returnToDraft") &&
      proposalAllows(status, "RETURN_TO_DRAFT") &&
      round !== null &&
      round.allowsChangesAfterSubmission &&
      roundClosedReason(round, now) === null,
    canWithdraw: allows("proposal.withdraw") && proposalAllows(status, "WITHDRAW"),
    canComment: allows("proposal.comment"),
    canManageCoAuthors: allows("proposal.addCoAuthor") && CO_AUTHORS_CHANGE_WHILE.includes(status),
    canChangeLeadAuthor: allows("proposal.changeLeadAuthor") && CO_AUTHORS_CHANGE_WHILE.includes(status),
    canDecide: allows("assessment.decide") && status === "UNDER_ASSESSMENT",
    isAssessor: access.proposal.isAssessor,
  };
}
