import { z } from "zod";
import type { Database } from "@/server/db/client";
import type { MembershipRole, ProjectStatus, ProjectTeamRole, ProposalStatus, SubGroupRole } from "@/server/db/generated/enums";
import { notAllowed, notFound, signInRequired } from "@/server/errors";
import { allows, can, refusalOf } from "./can";
import type { Grant, MemberGrant, SurveyGrant } from "./grants";
import { ruleFor, type Action, type ScopeKey } from "./rules";
import type { Actor } from "./session";

/**
 * Reads what a decision needs, on every request: the resource the input points into, the
 * partnership it belongs to, the actor's membership there and their part in the resource.
 * Anything in a partnership the actor is not in, or that they may not see at all, is
 * answered exactly like something that does not exist (NOT_FOUND), so ids cannot be probed.
 */

/** Ids and slugs are short and plain; anything else is not looked up at all. */
const scopeValue = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

type Part = Omit<Grant, "actor" | "membership">;
type Resolved = { partnershipId: string; part: Part } | null;
type Resolver = (db: Database, value: string, userId: string) => Promise<Resolved>;

const only = (partnershipId: string | undefined): Resolved =>
  partnershipId ? { partnershipId, part: { subGroup: null } } : null;

async function subGroupPart(db: Database, subGroupId: string | undefined, partnershipId: string | undefined, userId: string): Promise<Resolved> {
  if (!subGroupId || !partnershipId) return null;
  const row = await db.subGroupMembership.findUnique({
    where: { subGroupId_userId: { subGroupId, userId } },
    select: { role: true },
  });
  return { partnershipId, part: { subGroup: { id: subGroupId, partnershipId, myRole: row?.role ?? null } } };
}

/** A panel sees a proposal only once it has been submitted to the panel's round. */
const SEEN_BY_PANEL: readonly ProposalStatus[] = ["SUBMITTED", "UNDER_ASSESSMENT", "APPROVED", "DECLINED"];

const resolvers: Record<ScopeKey, Resolver> = {
  partnershipSlug: async (db, slug) => only((await db.partnership.findUnique({ where: { slug }, select: { id: true } }))?.id),
  localityId: async (db, id) => only((await db.locality.findUnique({ where: { id }, select: { partnershipId: true } }))?.partnershipId),
  membershipId: async (db, id) => only((await db.membership.findUnique({ where: { id }, select: { partnershipId: true } }))?.partnershipId),
  invitationId: async (db, id) => only((await db.invitation.findUnique({ where: { id }, select: { partnershipId: true } }))?.partnershipId),
  priorityAreaId: async (db, id) =>
    only((await db.priorityArea.findUnique({ where: { id }, select: { partnershipId: true } }))?.partnershipId),
  fundId: async (db, id) => only((await db.fund.findUnique({ where: { id }, select: { partnershipId: true } }))?.partnershipId),
  roundId: async (db, id) =>
    only((await db.fundingRound.findUnique({ where: { id }, select: { fund: { select: { partnershipId: true } } } }))?.fund.partnershipId),
  awardId: async (db, id) =>
    only((await db.award.findUnique({ where: { id }, select: { fund: { select: { partnershipId: true } } } }))?.fund.partnershipId),
  libraryFolderId: async (db, id) =>
    only((await db.libraryFolder.findUnique({ where: { id }, select: { partnershipId: true } }))?.partnershipId),

  subGroupId: async (db, id, userId) => {
    const row = await db.subGroup.findUnique({ where: { id }, select: { id: true, partnershipId: true } });
    return subGroupPart(db, row?.id, row?.partnershipId, userId);
  },
  joinRequestId: async (db, id, userId) => {
    const row = await db.joinRequest.findUnique({ where: { id }, select: { subGroup: { select: { id: true, partnershipId: true } } } });
    return subGroupPart(db, row?.subGroup.id, row?.subGroup.partnershipId, userId);
  },
  threadId: async (db, id, userId) => {
    const row = await db.thread.findUnique({ where: { id }, select: { subGroup: { select: { id: true, partnershipId: true } } } });
    return subGroupPart(db, row?.subGroup.id, row?.subGroup.partnershipId, userId);
  },
  noteId: async (db, id, userId) => {
    const row = await db.subGroupNote.findUnique({ where: { id }, select: { subGroup: { select: { id: true, partnershipId: true } } } });
    return subGroupPart(db, row?.subGroup.id, row?.subGroup.partnershipId, userId);
  },

  proposalId: async (db, id, userId) => {
    const proposal = await db.proposal.findUnique({
      where: { id },
      select: {
        id: true,
        partnershipId: true,
        subGroupId: true,
        roundId: true,
        status: true,
        authors: { where: { userId }, select: { role: true } },
        subGroup: { select: { members: { where: { userId }, select: { role: true } } } },
        round: { select: { assessors: { where: { userId }, select: { userId: true } } } },
      },
    });
    if (!proposal) return null;
    const mySubGroupRole = proposal.subGroup.members[0]?.role ?? null;
    return {
      partnershipId: proposal.partnershipId,
      part: {
        subGroup: { id: proposal.subGroupId, partnershipId: proposal.partnershipId, myRole: mySubGroupRole },
        proposal: {
          id: proposal.id,
          partnershipId: proposal.partnershipId,
          subGroupId: proposal.subGroupId,
          roundId: proposal.roundId,
          status: proposal.status,
          myAuthorRole: proposal.authors[0]?.role ?? null,
          mySubGroupRole,
          isAssessor: (proposal.round?.assessors.length ?? 0) > 0 && SEEN_BY_PANEL.includes(proposal.status),
        },
      },
    };
  },

  projectId: async (db, id, userId) => {
    const project = await db.fundedProject.findUnique({ where: { id }, select: projectSelect(userId) });
    return project && projectPart(project, null);
  },
  updateId: async (db, id, userId) => {
    const update = await db.progressUpdate.findUnique({
      where: { id },
      select: { id: true, status: true, periodId: true, authorId: true, project: { select: projectSelect(userId) } },
    });
    return update && projectPart(update.project, { id: update.id, status: update.status, periodId: update.periodId, authorId: update.authorId });
  },

  eventId: async (db, id, userId) => {
    const event = await db.event.findUnique({
      where: { id },
      select: {
        id: true,
        partnershipId: true,
        kind: true,
        subGroupId: true,
        createdById: true,
        rsvps: { where: { userId }, select: { status: true, attended: true } },
        subGroup: { select: { members: { where: { userId }, select: { role: true } } } },
      },
    });
    if (!event) return null;
    const rsvp = event.rsvps[0];
    const seated = await db.networkingSeat.count({ where: { userId, table: { round: { eventId: event.id } } } });
    const leadsHost = event.kind === "SUB_GROUP_MEETING" && event.subGroup?.members[0]?.role === "LEAD";
    return {
      partnershipId: event.partnershipId,
      part: {
        subGroup: null,
        event: {
          id: event.id,
          kind: event.kind,
          subGroupId: event.subGroupId,
          isOrganiser: event.createdById === userId || leadsHost,
          wasThere: seated > 0 || rsvp?.attended === true || (rsvp?.status === "GOING" && rsvp.attended === null),
        },
      },
    };
  },

  storyId: async (db, id, userId) => {
    const story = await db.story.findUnique({ where: { id }, select: { id: true, partnershipId: true, authorId: true, status: true } });
    if (!story) return null;
    return {
      partnershipId: story.partnershipId,
      part: { subGroup: null, story: { id: story.id, status: story.status, isAuthor: story.authorId === userId } },
    };
  },

  surveyId: async (db, id, userId) => {
    const survey = await db.survey.findUnique({
      where: { id },
      select: {
        id: true,
        partnershipId: true,
        createdById: true,
        subGroupId: true,
        projectId: true,
        participants: { where: { userId }, select: { userId: true } },
        subGroup: { select: { members: { where: { userId }, select: { role: true } } } },
        project: { select: { team: { where: { userId }, select: { role: true } } } },
      },
    });
    if (!survey) return null;
    return {
      partnershipId: survey.partnershipId,
      part: {
        subGroup: null,
        survey: surveyGrant(survey, userId, {
          subGroupRole: survey.subGroup?.members[0]?.role ?? null,
          teamRole: survey.project?.team[0]?.role ?? null,
          answered: survey.participants.length > 0,
        }),
      },
    };
  },

  connectionId: async (db, id, userId) => {
    const connection = await db.connection.findUnique({
      where: { id },
      select: { id: true, partnershipId: true, fromUserId: true, toUserId: true },
    });
    if (!connection) return null;
    return {
      partnershipId: connection.partnershipId,
      part: { subGroup: null, connection: { id: connection.id, isParty: connection.fromUserId === userId || connection.toUserId === userId } },
    };
  },

  answerId: async (db, id, userId) => {
    const answer = await db.surveyAnswer.findUnique({
      where: { id },
      select: { id: true, response: { select: { respondentId: true, survey: { select: { partnershipId: true, anonymity: true } } } } },
    });
    if (!answer) return null;
    const { respondentId, survey } = answer.response;
    const anonymous = survey.anonymity === "ANONYMOUS" || respondentId === null;
    return {
      partnershipId: survey.partnershipId,
      part: { subGroup: null, answer: { id: answer.id, anonymous, isRespondent: !anonymous && respondentId === userId } },
    };
  },

  libraryResourceId: async (db, id, userId) => {
    const resource = await db.libraryResource.findUnique({
      where: { id },
      select: { id: true, partnershipId: true, addedById: true, visibility: true },
    });
    if (!resource) return null;
    return {
      partnershipId: resource.partnershipId,
      part: {
        subGroup: null,
        libraryResource: { id: resource.id, isAdder: resource.addedById === userId, isPublic: resource.visibility === "PUBLIC" },
      },
    };
  },
};

/**
 * The actor's part in one reflection run, from their places in its sub-group or team: the
 * resolver and the reflection lists (which read many runs at once) both decide from this.
 */
export function surveyGrant(
  survey: { id: string; createdById: string; subGroupId: string | null; projectId: string | null },
  userId: string,
  places: { subGroupRole: SubGroupRole | null; teamRole: ProjectTeamRole | null; answered: boolean },
): SurveyGrant {
  const { subGroupRole, teamRole } = places;
  return {
    id: survey.id,
    inAudience: survey.subGroupId ? subGroupRole !== null : survey.projectId ? teamRole !== null : true,
    isRunner: survey.createdById === userId || subGroupRole === "LEAD" || teamRole === "LEAD",
    hasAnswered: places.answered,
  };
}

function projectSelect(userId: string) {
  return { id: true, partnershipId: true, status: true, team: { where: { userId }, select: { role: true } } } as const;
}

function projectPart(
  project: { id: string; partnershipId: string; status: ProjectStatus; team: { role: ProjectTeamRole }[] },
  update: NonNullable<Grant["project"]>["update"],
): Resolved {
  return {
    partnershipId: project.partnershipId,
    part: {
      subGroup: null,
      project: { id: project.id, partnershipId: project.partnershipId, status: project.status, myTeamRole: project.team[0]?.role ?? null, update },
    },
  };
}

/**
 * The rule that says whether someone may see a resource at all. Someone who may not is
 * told it does not exist, whatever they tried to do with it.
 */
const SEEN_THROUGH: Partial<Record<keyof Part, Action>> = {
  proposal: "proposal.get",
  story: "story.get",
  survey: "reflection.get",
  connection: "event.seeConnection",
};

function readScopeValue(rawInput: unknown, key: string): string | null {
  if (typeof rawInput !== "object" || rawInput === null) return null;
  const parsed = scopeValue.safeParse((rawInput as Record<string, unknown>)[key]);
  return parsed.success ? parsed.data : null;
}

/**
 * What the actor may be shown about the resource `via` = `value` points into, or NOT_FOUND
 * when it does not exist, is in a partnership they are not in, or is hidden from them.
 */
export async function grantFor(db: Database, actor: Actor, via: ScopeKey, value: unknown): Promise<MemberGrant> {
  const id = scopeValue.safeParse(value);
  if (!id.success) throw notFound();
  const select = { id: true, partnershipId: true, role: true } as const;
  let grant: MemberGrant;
  if (via === "partnershipSlug") {
    // The partnership and the actor's membership of it in one statement.
    const membership = await db.membership.findFirst({ where: { userId: actor.userId, partnership: { slug: id.data } }, select });
    if (!membership) throw notFound();
    grant = { actor, membership, subGroup: null };
  } else if (via === "projectId") {
    // The project, the actor's place in its team and their membership of its partnership in
    // one statement: every project page and call starts here.
    const [row] = await db.$queryRaw<
      { id: string; partnershipId: string; status: ProjectStatus; myTeamRole: ProjectTeamRole | null; membershipId: string | null; role: MembershipRole | null }[]
    >`
      SELECT fp."id", fp."partnershipId", fp."status"::text AS "status", t."role"::text AS "myTeamRole",
             m."id" AS "membershipId", m."role"::text AS "role"
      FROM "FundedProject" fp
      LEFT JOIN "ProjectTeamMember" t ON t."projectId" = fp."id" AND t."userId" = ${actor.userId}
      LEFT JOIN "Membership" m ON m."partnershipId" = fp."partnershipId" AND m."userId" = ${actor.userId}
      WHERE fp."id" = ${id.data}`;
    if (!row?.membershipId || !row.role) throw notFound();
    const project = { id: row.id, partnershipId: row.partnershipId, status: row.status, team: row.myTeamRole ? [{ role: row.myTeamRole }] : [] };
    grant = { actor, membership: { id: row.membershipId, partnershipId: row.partnershipId, role: row.role }, ...projectPart(project, null)!.part };
  } else {
    const resolved = await resolvers[via](db, id.data, actor.userId);
    if (!resolved) throw notFound();
    const membership = await db.membership.findUnique({
      where: { partnershipId_userId: { partnershipId: resolved.partnershipId, userId: actor.userId } },
      select,
    });
    if (!membership) throw notFound();
    grant = { actor, membership, ...resolved.part };
  }
  for (const [part, action] of Object.entries(SEEN_THROUGH) as [keyof Part, Action][]) {
    if (grant[part] && !can(action, grant)) throw notFound();
  }
  return grant;
}

/**
 * What one request has already resolved, by scope and value ("projectId:…"), so that a page
 * making several calls about the same partnership or project reads the actor's part in it
 * once. Only reads use and fill it; a change empties it, so nothing read before a change is
 * trusted after it.
 */
export type GrantMemo = Map<string, Promise<MemberGrant>>;

/** Decides one request (or one refinement a procedure asks about). Throws an AppError on denial; returns the grant on success. */
export async function authorize(
  db: Database,
  actor: Actor | null,
  path: string,
  rawInput: unknown,
  memo?: { grants: GrantMemo; reading: boolean },
): Promise<Grant> {
  const rule = ruleFor(path);
  if (!rule) throw notAllowed();
  if (rule.kind === "public") return { actor, membership: null, subGroup: null };
  if (!actor) throw signInRequired();
  if (rule.kind === "signedIn") return { actor, membership: null, subGroup: null };

  const value = readScopeValue(rawInput, rule.via);
  if (value === null) throw notFound();
  let grant: MemberGrant;
  if (memo?.reading) {
    const key = `${actor.userId}:${rule.via}:${value}`;
    let pending = memo.grants.get(key);
    if (!pending) {
      pending = grantFor(db, actor, rule.via, value);
      memo.grants.set(key, pending);
    }
    grant = await pending;
  } else {
    memo?.grants.clear();
    grant = await grantFor(db, actor, rule.via, value);
  }
  const decision = allows(rule, grant);
  if (decision !== true) throw refusalOf(rule, grant, decision);
  return grant;
}

/** As `authorize`, for a refinement asked inside a procedure about an id its input chose. */
export async function authorizeFor(db: Database, actor: Actor, action: Action, id: string): Promise<MemberGrant> {
  const rule = ruleFor(action);
  if (rule?.kind !== "scoped") throw notAllowed();
  return (await authorize(db, actor, action, { [rule.via]: id })) as MemberGrant;
}
