import { z } from "zod";
import type { Database } from "@/server/db/client";
import type { MembershipRole, ProjectTeamRole, ProposalAuthorRole, ProposalStatus, SubGroupRole } from "@/server/db/generated/enums";
import type { ProjectGrant } from "@/server/domain/projects/access";
import { notAllowed, notFound, signInRequired } from "@/server/errors";
import type { Actor } from "./session";

/**
 * Who may call which procedure: every procedure of the API has exactly one row here.
 * A procedure without a row is refused (deny by default), and a unit test fails when a
 * procedure is missing. Decisions read memberships from the database on every request,
 * so a removed member or a changed role takes effect at once.
 *
 * Scoped rules name the input field that identifies the resource (`via`). The resource is
 * looked up, its partnership found, and the actor's membership of that partnership
 * loaded. Anything in a partnership the actor is not in is answered exactly like
 * something that does not exist (NOT_FOUND), so ids cannot be probed across partnerships.
 */

/** Input fields that identify something inside one partnership. */
export type PartnershipScopeKey =
  | "partnershipSlug"
  | "localityId"
  | "membershipId"
  | "invitationId"
  | "priorityAreaId"
  | "fundId"
  | "roundId"
  | "awardId"
  | "storyId"
  | "eventId"
  | "connectionId"
  | "surveyId"
  | "answerId";

/** Input fields that identify something inside one sub-group. */
export type SubGroupScopeKey = "subGroupId" | "joinRequestId" | "threadId" | "noteId";

/** Input fields that identify a proposal. */
export type ProposalScopeKey = "proposalId";

/** Input fields that identify a funded project (an update identifies its project). */
export type ProjectScopeKey = "projectId" | "updateId";

export type Rule =
  | { kind: "public" }
  | { kind: "signedIn" }
  /** The actor is in the partnership of `via`, with one of `roles`. */
  | { kind: "partnership"; via: PartnershipScopeKey; roles: readonly MembershipRole[] }
  /**
   * The actor is in the partnership of the sub-group of `via`, and either has one of
   * `roles` in the partnership or one of `subGroupRoles` in the sub-group.
   */
  | {
      kind: "subGroup";
      via: SubGroupScopeKey;
      roles: readonly MembershipRole[];
      subGroupRoles: readonly SubGroupRole[];
    }
  /**
   * The actor is in the partnership of the proposal of `via`, and has one of `roles` in
   * the partnership, one of `subGroupRoles` in the proposing sub-group, one of
   * `authorRoles` on the proposal, or (when `assessors`) sits on the assessment panel of
   * the proposal's round and the proposal has been submitted.
   */
  | {
      kind: "proposal";
      via: ProposalScopeKey;
      roles: readonly MembershipRole[];
      subGroupRoles: readonly SubGroupRole[];
      authorRoles: readonly ProposalAuthorRole[];
      assessors: boolean;
    }
  /**
   * The actor is in the partnership of the funded project of `via`, and has one of `roles`
   * in the partnership or one of `teamRoles` in the project's team.
   */
  | { kind: "project"; via: ProjectScopeKey; roles: readonly MembershipRole[]; teamRoles: readonly ProjectTeamRole[] };

export const ALL_ROLES: readonly MembershipRole[] = ["OFFICER", "CHAIR", "MEMBER", "OBSERVER"];
/** Everyone who takes an active part (observers only read what is published). */
export const PARTICIPANTS: readonly MembershipRole[] = ["OFFICER", "CHAIR", "MEMBER"];
export const STEERING: readonly MembershipRole[] = ["OFFICER", "CHAIR"];
export const OFFICERS: readonly MembershipRole[] = ["OFFICER"];

const anyone: Rule = { kind: "public" };
const signedIn: Rule = { kind: "signedIn" };
const inPartnership = (via: PartnershipScopeKey, roles: readonly MembershipRole[]): Rule => ({
  kind: "partnership",
  via,
  roles,
});
const inSubGroup = (
  via: SubGroupScopeKey,
  roles: readonly MembershipRole[],
  subGroupRoles: readonly SubGroupRole[],
): Rule => ({ kind: "subGroup", via, roles, subGroupRoles });

const inProposal = (
  roles: readonly MembershipRole[],
  subGroupRoles: readonly SubGroupRole[],
  authorRoles: readonly ProposalAuthorRole[],
  assessors: boolean,
): Rule => ({ kind: "proposal", via: "proposalId", roles, subGroupRoles, authorRoles, assessors });

const inProject = (via: ProjectScopeKey, roles: readonly MembershipRole[], teamRoles: readonly ProjectTeamRole[]): Rule => ({
  kind: "project",
  via,
  roles,
  teamRoles,
});
const WHOLE_TEAM: readonly ProjectTeamRole[] = ["LEAD", "MEMBER"];
const NO_TEAM: readonly ProjectTeamRole[] = [];

const SUBGROUP_PEOPLE: readonly SubGroupRole[] = ["LEAD", "MEMBER"];
const LEADS: readonly SubGroupRole[] = ["LEAD"];
const NOBODY_IN_SUBGROUP: readonly SubGroupRole[] = [];
const AUTHORS: readonly ProposalAuthorRole[] = ["LEAD", "CO_AUTHOR"];
const LEAD_AUTHOR: readonly ProposalAuthorRole[] = ["LEAD"];
const NO_AUTHORS: readonly ProposalAuthorRole[] = [];
/** Who may read a proposal: its sub-group, its authors, officers, and (once submitted) its round's panel. */
const PROPOSAL_READERS = inProposal(OFFICERS, SUBGROUP_PEOPLE, AUTHORS, true);
/** Who may comment on a section: the sub-group, the authors and officers (assessors score instead). */
const PROPOSAL_COMMENTERS = inProposal(OFFICERS, SUBGROUP_PEOPLE, AUTHORS, false);
const PROPOSAL_AUTHORS = inProposal([], NOBODY_IN_SUBGROUP, AUTHORS, false);
const PROPOSAL_LEAD_AUTHOR = inProposal([], NOBODY_IN_SUBGROUP, LEAD_AUTHOR, false);
const PROPOSAL_ASSESSORS = inProposal([], NOBODY_IN_SUBGROUP, NO_AUTHORS, true);
const PROPOSAL_DECIDERS = inProposal(OFFICERS, NOBODY_IN_SUBGROUP, NO_AUTHORS, false);

export const policy: Readonly<Record<string, Rule>> = {
  // --- system and self -----------------------------------------------------------
  "system.ping": anyone,
  "me.profile": signedIn,
  "me.updateProfile": signedIn,
  "me.updateNotificationSettings": signedIn,

  // --- partnerships --------------------------------------------------------------
  "partnership.mine": signedIn,
  "partnership.overview": inPartnership("partnershipSlug", ALL_ROLES),
  "partnership.update": inPartnership("partnershipSlug", OFFICERS),
  "partnership.addLocality": inPartnership("partnershipSlug", OFFICERS),
  "partnership.renameLocality": inPartnership("localityId", OFFICERS),
  "partnership.removeLocality": inPartnership("localityId", OFFICERS),

  // --- members and invitations (officers) ------------------------------------------
  "membership.list": inPartnership("partnershipSlug", OFFICERS),
  "membership.changeRole": inPartnership("membershipId", OFFICERS),
  "membership.remove": inPartnership("membershipId", OFFICERS),
  "invitation.create": inPartnership("partnershipSlug", OFFICERS),
  "invitation.resend": inPartnership("invitationId", OFFICERS),
  "invitation.revoke": inPartnership("invitationId", OFFICERS),
  /** The token itself is the credential: anyone holding it may see whose invitation it is. */
  "invitation.preview": anyone,
  "invitation.accept": signedIn,

  // --- priority areas --------------------------------------------------------------
  "priorityArea.list": inPartnership("partnershipSlug", ALL_ROLES),
  "priorityArea.create": inPartnership("partnershipSlug", STEERING),
  "priorityArea.update": inPartnership("priorityAreaId", STEERING),
  "priorityArea.move": inPartnership("priorityAreaId", STEERING),
  "priorityArea.archive": inPartnership("priorityAreaId", STEERING),
  "priorityArea.restore": inPartnership("priorityAreaId", STEERING),
  /** The partnership members a new sub-group's leads are picked from (the create form's list). */
  "priorityArea.candidateLeads": inPartnership("partnershipSlug", STEERING),

  // --- sub-groups ------------------------------------------------------------------
  "subGroup.list": inPartnership("partnershipSlug", ALL_ROLES),
  "subGroup.get": inSubGroup("subGroupId", ALL_ROLES, SUBGROUP_PEOPLE),
  "subGroup.create": inPartnership("priorityAreaId", STEERING),
  "subGroup.update": inSubGroup("subGroupId", STEERING, LEADS),
  "subGroup.archive": inSubGroup("subGroupId", STEERING, NOBODY_IN_SUBGROUP),
  "subGroup.join": inSubGroup("subGroupId", PARTICIPANTS, NOBODY_IN_SUBGROUP),
  "subGroup.leave": inSubGroup("subGroupId", [], SUBGROUP_PEOPLE),
  "subGroup.withdrawRequest": inSubGroup("joinRequestId", PARTICIPANTS, NOBODY_IN_SUBGROUP),
  "subGroup.pendingRequests": inSubGroup("subGroupId", OFFICERS, LEADS),
  "subGroup.decideRequest": inSubGroup("joinRequestId", OFFICERS, LEADS),
  "subGroup.removeMember": inSubGroup("subGroupId", OFFICERS, LEADS),
  "subGroup.setMemberRole": inSubGroup("subGroupId", OFFICERS, LEADS),

  // --- sub-group space: conversations, notes, activity ---------------------------------
  "discussion.threads": inSubGroup("subGroupId", STEERING, SUBGROUP_PEOPLE),
  "discussion.thread": inSubGroup("threadId", STEERING, SUBGROUP_PEOPLE),
  "discussion.startThread": inSubGroup("subGroupId", STEERING, SUBGROUP_PEOPLE),
  "discussion.reply": inSubGroup("threadId", STEERING, SUBGROUP_PEOPLE),
  "discussion.addNote": inSubGroup("subGroupId", STEERING, LEADS),
  "discussion.setNotePinned": inSubGroup("noteId", STEERING, LEADS),
  "discussion.activity": inSubGroup("subGroupId", STEERING, SUBGROUP_PEOPLE),
  "discussion.mentionable": inSubGroup("subGroupId", STEERING, SUBGROUP_PEOPLE),

  // --- directory and map -----------------------------------------------------------
  "directory.people": inPartnership("partnershipSlug", ALL_ROLES),
  "directory.organisations": inPartnership("partnershipSlug", ALL_ROLES),
  "directory.person": inPartnership("partnershipSlug", ALL_ROLES),
  "directory.organisation": inPartnership("partnershipSlug", ALL_ROLES),
  /** The localities, priority areas and interest tags the directory's search form offers. */
  "directory.filterOptions": inPartnership("partnershipSlug", ALL_ROLES),
  "directory.setOrganisationVerified": inPartnership("partnershipSlug", OFFICERS),
  "directory.map": inPartnership("partnershipSlug", ALL_ROLES),

  // --- funding: only officers move money; steering roles read the figures ------------
  "funding.funds": inPartnership("partnershipSlug", STEERING),
  "funding.fund": inPartnership("fundId", STEERING),
  "funding.createFund": inPartnership("partnershipSlug", OFFICERS),
  "funding.addRingFence": inPartnership("fundId", OFFICERS),
  "funding.createRound": inPartnership("fundId", OFFICERS),
  "funding.changeRoundStatus": inPartnership("roundId", OFFICERS),
  "funding.awardGrant": inPartnership("fundId", OFFICERS),
  "funding.payTranche": inPartnership("awardId", OFFICERS),
  "funding.varyAward": inPartnership("awardId", OFFICERS),
  "funding.withdrawAward": inPartnership("awardId", OFFICERS),
  "funding.returnUnderspend": inPartnership("awardId", OFFICERS),
  "funding.completeAward": inPartnership("awardId", OFFICERS),
  "funding.setAwardPublished": inPartnership("awardId", OFFICERS),
  /** Everyone sees published awards; members also see their own organisation's. */
  "funding.fundedProjects": inPartnership("partnershipSlug", ALL_ROLES),
  "funding.exportAwards": inPartnership("fundId", OFFICERS),
  "funding.exportLedger": inPartnership("fundId", OFFICERS),
  "funding.auditLog": inPartnership("partnershipSlug", OFFICERS),

  // --- proposals: co-written in a sub-group ------------------------------------------
  "proposal.forSubGroup": inSubGroup("subGroupId", OFFICERS, SUBGROUP_PEOPLE),
  /** The rounds a sub-group's proposal may be submitted to (the start form's list). */
  "proposal.openRounds": inSubGroup("subGroupId", OFFICERS, SUBGROUP_PEOPLE),
  "proposal.create": inSubGroup("subGroupId", [], SUBGROUP_PEOPLE),
  /** Proposals the actor writes or co-writes (scoped to the actor in the query). */
  "proposal.mine": inPartnership("partnershipSlug", PARTICIPANTS),
  "proposal.get": PROPOSAL_READERS,
  "proposal.revisions": PROPOSAL_READERS,
  "proposal.compare": PROPOSAL_READERS,
  "proposal.timeline": PROPOSAL_READERS,
  "proposal.comment": PROPOSAL_COMMENTERS,
  "proposal.saveSection": PROPOSAL_AUTHORS,
  "proposal.chooseRound": PROPOSAL_AUTHORS,
  "proposal.submit": PROPOSAL_AUTHORS,
  "proposal.returnToDraft": PROPOSAL_AUTHORS,
  "proposal.withdraw": PROPOSAL_LEAD_AUTHOR,
  "proposal.coAuthorCandidates": PROPOSAL_LEAD_AUTHOR,
  "proposal.addCoAuthor": PROPOSAL_LEAD_AUTHOR,
  "proposal.removeCoAuthor": PROPOSAL_LEAD_AUTHOR,

  // --- assessment: officers run the panel; assessors score; officers decide -------------
  "assessment.overview": inPartnership("roundId", OFFICERS),
  "assessment.panelCandidates": inPartnership("roundId", OFFICERS),
  "assessment.appointAssessor": inPartnership("roundId", OFFICERS),
  "assessment.removeAssessor": inPartnership("roundId", OFFICERS),
  "assessment.startAssessment": inPartnership("roundId", OFFICERS),
  /** The proposals the actor is asked to score (scoped to the actor's panels in the query). */
  "assessment.mine": inPartnership("partnershipSlug", ALL_ROLES),
  "assessment.scoreSheet": PROPOSAL_ASSESSORS,
  "assessment.saveScores": PROPOSAL_ASSESSORS,
  "assessment.declareConflict": PROPOSAL_ASSESSORS,
  "assessment.decide": PROPOSAL_DECIDERS,

  // --- funded projects -----------------------------------------------------------------
  "project.setUp": inPartnership("awardId", OFFICERS),
  "project.list": inPartnership("partnershipSlug", STEERING),
  "project.mine": inPartnership("partnershipSlug", ALL_ROLES),
  "project.get": inProject("projectId", STEERING, WHOLE_TEAM),
  "project.saveUpdate": inProject("projectId", [], WHOLE_TEAM),
  "project.submitUpdate": inProject("updateId", [], WHOLE_TEAM),
  "project.reviewUpdate": inProject("updateId", OFFICERS, NO_TEAM),
  "project.submitEvaluation": inProject("projectId", [], ["LEAD"]),
  "project.decide": inProject("projectId", OFFICERS, NO_TEAM),
  "project.timeline": inProject("projectId", STEERING, WHOLE_TEAM),
  "project.teamCandidates": inProject("projectId", OFFICERS, ["LEAD"]),
  "project.addTeamMember": inProject("projectId", OFFICERS, ["LEAD"]),
  "project.removeTeamMember": inProject("projectId", OFFICERS, ["LEAD"]),

  // --- dashboards and transparency --------------------------------------------------------
  "portfolio.overview": inPartnership("partnershipSlug", STEERING),
  "portfolio.subGroup": inSubGroup("subGroupId", STEERING, SUBGROUP_PEOPLE),
  "portfolio.myWork": inPartnership("partnershipSlug", ALL_ROLES),
  /** The public page of a partnership that chose to publish: no personal data, no sign-in. */
  "transparency.portfolio": anyone,
  "transparency.setPublished": inPartnership("partnershipSlug", OFFICERS),

  // --- stories (#PositivePartnerships): authorship and visibility are refined in server/domain/stories ---
  "story.list": inPartnership("partnershipSlug", ALL_ROLES),
  "story.mine": inPartnership("partnershipSlug", PARTICIPANTS),
  "story.moderationQueue": inPartnership("partnershipSlug", OFFICERS),
  /** The organisations and projects a story may be linked to (the form's lists). */
  "story.linkOptions": inPartnership("partnershipSlug", PARTICIPANTS),
  "story.get": inPartnership("storyId", ALL_ROLES),
  "story.create": inPartnership("partnershipSlug", PARTICIPANTS),
  "story.update": inPartnership("storyId", PARTICIPANTS),
  "story.submit": inPartnership("storyId", PARTICIPANTS),
  "story.withdraw": inPartnership("storyId", PARTICIPANTS),
  "story.moderate": inPartnership("storyId", OFFICERS),
  "story.comment": inPartnership("storyId", PARTICIPANTS),
  /** Published stories their authors made public, on a partnership's public page. */
  "story.publicList": anyone,
  "story.publicGet": anyone,

  // --- events: organisers (steering, the creator, a hosting sub-group's leads) are refined in server/domain/events ---
  "event.list": inPartnership("partnershipSlug", ALL_ROLES),
  "event.get": inPartnership("eventId", ALL_ROLES),
  /** The .ics file for calendar apps. */
  "event.calendar": inPartnership("eventId", ALL_ROLES),
  "event.create": inPartnership("partnershipSlug", PARTICIPANTS),
  "event.update": inPartnership("eventId", PARTICIPANTS),
  "event.cancel": inPartnership("eventId", PARTICIPANTS),
  "event.rsvp": inPartnership("eventId", ALL_ROLES),
  "event.cancelRsvp": inPartnership("eventId", ALL_ROLES),
  "event.attendees": inPartnership("eventId", PARTICIPANTS),
  "event.markAttendance": inPartnership("eventId", PARTICIPANTS),
  "event.generateNetworking": inPartnership("eventId", PARTICIPANTS),
  "event.networking": inPartnership("eventId", PARTICIPANTS),
  "event.mySchedule": inPartnership("eventId", ALL_ROLES),
  "event.logConnection": inPartnership("eventId", ALL_ROLES),
  "event.myConnections": inPartnership("partnershipSlug", ALL_ROLES),
  /** The sub-groups both people of a connection belong to (where a proposal may start). */
  "event.connectionSubGroups": inPartnership("connectionId", PARTICIPANTS),
  "event.startProposal": inPartnership("connectionId", PARTICIPANTS),

  // --- reflections and surveys: who runs and who answers is refined in server/domain/reflections ---
  "reflection.questionSets": inPartnership("partnershipSlug", PARTICIPANTS),
  "reflection.createQuestionSet": inPartnership("partnershipSlug", PARTICIPANTS),
  "reflection.list": inPartnership("partnershipSlug", ALL_ROLES),
  "reflection.create": inPartnership("partnershipSlug", PARTICIPANTS),
  "reflection.get": inPartnership("surveyId", ALL_ROLES),
  "reflection.respond": inPartnership("surveyId", ALL_ROLES),
  "reflection.results": inPartnership("surveyId", ALL_ROLES),
  "reflection.exportCsv": inPartnership("surveyId", PARTICIPANTS),
  "reflection.close": inPartnership("surveyId", PARTICIPANTS),
  "reflection.trend": inSubGroup("subGroupId", STEERING, SUBGROUP_PEOPLE),
  /** With the respondent's consent (their own act), an answer becomes a draft story. */
  "reflection.answerToStory": inPartnership("answerId", PARTICIPANTS),

  // --- notifications (always the actor's own) -------------------------------------------
  "notification.list": signedIn,
  "notification.unreadCount": signedIn,
  "notification.markRead": signedIn,
  "notification.markAllRead": signedIn,
};

export type MembershipGrant = { id: string; partnershipId: string; role: MembershipRole };
export type SubGroupGrant = { id: string; partnershipId: string; myRole: SubGroupRole | null };
export type ProposalGrant = {
  id: string;
  partnershipId: string;
  subGroupId: string;
  roundId: string | null;
  status: ProposalStatus;
  /** The actor's part in the proposal, sub-group and panel: what the policy proved. */
  myAuthorRole: ProposalAuthorRole | null;
  mySubGroupRole: SubGroupRole | null;
  isAssessor: boolean;
};

export type Grant = {
  actor: Actor | null;
  membership: MembershipGrant | null;
  subGroup: SubGroupGrant | null;
  proposal?: ProposalGrant | null;
  project?: ProjectGrant | null;
};

const id = z.string().min(1).max(64);

type Resolved = { partnershipId: string; subGroupId?: string } | null;

/** Loads what a proposal rule needs: the proposal and the actor's parts in it. */
async function resolveProposal(db: Database, proposalId: string, userId: string) {
  return db.proposal.findUnique({
    where: { id: proposalId },
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
}

/** Finds the partnership (and sub-group) that an input field points into. */
const resolvers: Record<PartnershipScopeKey | SubGroupScopeKey, (db: Database, value: string) => Promise<Resolved>> = {
  partnershipSlug: async (db, slug) => {
    const row = await db.partnership.findUnique({ where: { slug }, select: { id: true } });
    return row && { partnershipId: row.id };
  },
  localityId: async (db, value) =>
    db.locality.findUnique({ where: { id: value }, select: { partnershipId: true } }),
  membershipId: async (db, value) =>
    db.membership.findUnique({ where: { id: value }, select: { partnershipId: true } }),
  invitationId: async (db, value) =>
    db.invitation.findUnique({ where: { id: value }, select: { partnershipId: true } }),
  priorityAreaId: async (db, value) =>
    db.priorityArea.findUnique({ where: { id: value }, select: { partnershipId: true } }),
  fundId: async (db, value) => db.fund.findUnique({ where: { id: value }, select: { partnershipId: true } }),
  roundId: async (db, value) => {
    const row = await db.fundingRound.findUnique({ where: { id: value }, select: { fund: { select: { partnershipId: true } } } });
    return row && { partnershipId: row.fund.partnershipId };
  },
  awardId: async (db, value) => {
    const row = await db.award.findUnique({ where: { id: value }, select: { fund: { select: { partnershipId: true } } } });
    return row && { partnershipId: row.fund.partnershipId };
  },
  storyId: async (db, value) => db.story.findUnique({ where: { id: value }, select: { partnershipId: true } }),
  eventId: async (db, value) => db.event.findUnique({ where: { id: value }, select: { partnershipId: true } }),
  connectionId: async (db, value) => db.connection.findUnique({ where: { id: value }, select: { partnershipId: true } }),
  surveyId: async (db, value) => db.survey.findUnique({ where: { id: value }, select: { partnershipId: true } }),
  answerId: async (db, value) => {
    const row = await db.surveyAnswer.findUnique({
      where: { id: value },
      select: { response: { select: { survey: { select: { partnershipId: true } } } } },
    });
    return row && { partnershipId: row.response.survey.partnershipId };
  },
  subGroupId: async (db, value) => {
    const row = await db.subGroup.findUnique({ where: { id: value }, select: { id: true, partnershipId: true } });
    return row && { partnershipId: row.partnershipId, subGroupId: row.id };
  },
  joinRequestId: async (db, value) => {
    const row = await db.joinRequest.findUnique({
      where: { id: value },
      select: { subGroup: { select: { id: true, partnershipId: true } } },
    });
    return row && { partnershipId: row.subGroup.partnershipId, subGroupId: row.subGroup.id };
  },
  threadId: async (db, value) => {
    const row = await db.thread.findUnique({
      where: { id: value },
      select: { subGroup: { select: { id: true, partnershipId: true } } },
    });
    return row && { partnershipId: row.subGroup.partnershipId, subGroupId: row.subGroup.id };
  },
  noteId: async (db, value) => {
    const row = await db.subGroupNote.findUnique({
      where: { id: value },
      select: { subGroup: { select: { id: true, partnershipId: true } } },
    });
    return row && { partnershipId: row.subGroup.partnershipId, subGroupId: row.subGroup.id };
  },
};

function readScopeValue(rawInput: unknown, key: string): string | null {
  if (typeof rawInput !== "object" || rawInput === null) return null;
  const parsed = id.safeParse((rawInput as Record<string, unknown>)[key]);
  return parsed.success ? parsed.data : null;
}

/** Decides one request. Throws an AppError on denial; returns what was proven on success. */
export async function authorize(
  db: Database,
  actor: Actor | null,
  path: string,
  rawInput: unknown,
): Promise<Grant> {
  const rule = Object.hasOwn(policy, path) ? policy[path] : undefined;
  if (!rule) throw notAllowed();

  if (rule.kind === "public") return { actor, membership: null, subGroup: null };
  if (!actor) throw signInRequired();
  if (rule.kind === "signedIn") return { actor, membership: null, subGroup: null };
  if (rule.kind === "proposal") return authorizeProposal(db, actor, rule, rawInput);
  if (rule.kind === "project") return authorizeProject(db, actor, rule, rawInput);

  const value = readScopeValue(rawInput, rule.via);
  const scope = value ? await resolvers[rule.via](db, value) : null;
  if (!scope) throw notFound();
  const membership = await db.membership.findUnique({
    where: { partnershipId_userId: { partnershipId: scope.partnershipId, userId: actor.userId } },
    select: { id: true, partnershipId: true, role: true },
  });
  // Something in a partnership the actor is not in looks exactly like nothing at all.
  if (!membership) throw notFound();

  if (rule.kind === "partnership") {
    if (!rule.roles.includes(membership.role)) throw notAllowed();
    return { actor, membership, subGroup: null };
  }

  const subGroupId = scope.subGroupId!;
  const subGroupMembership = await db.subGroupMembership.findUnique({
    where: { subGroupId_userId: { subGroupId, userId: actor.userId } },
    select: { role: true },
  });
  const myRole = subGroupMembership?.role ?? null;
  const allowed = rule.roles.includes(membership.role) || (myRole !== null && rule.subGroupRoles.includes(myRole));
  if (!allowed) throw notAllowed();
  return { actor, membership, subGroup: { id: subGroupId, partnershipId: scope.partnershipId, myRole } };
}

const SEEN_BY_PANEL: readonly ProposalStatus[] = ["SUBMITTED", "UNDER_ASSESSMENT", "APPROVED", "DECLINED"];

async function authorizeProposal(
  db: Database,
  actor: Actor,
  rule: Extract<Rule, { kind: "proposal" }>,
  rawInput: unknown,
): Promise<Grant> {
  const value = readScopeValue(rawInput, rule.via);
  const proposal = value ? await resolveProposal(db, value, actor.userId) : null;
  if (!proposal) throw notFound();
  const membership = await db.membership.findUnique({
    where: { partnershipId_userId: { partnershipId: proposal.partnershipId, userId: actor.userId } },
    select: { id: true, partnershipId: true, role: true },
  });
  if (!membership) throw notFound();

  const myAuthorRole = proposal.authors[0]?.role ?? null;
  const mySubGroupRole = proposal.subGroup.members[0]?.role ?? null;
  // A panel sees a proposal only once it has been submitted to the panel's round.
  const isAssessor = (proposal.round?.assessors.length ?? 0) > 0 && SEEN_BY_PANEL.includes(proposal.status);
  const allowed =
    rule.roles.includes(membership.role) ||
    (mySubGroupRole !== null && rule.subGroupRoles.includes(mySubGroupRole)) ||
    (myAuthorRole !== null && rule.authorRoles.includes(myAuthorRole)) ||
    (rule.assessors && isAssessor);
  if (!allowed) {
    // Someone with no part in the proposal at all cannot tell it exists.
    const hasAnyPart = membership.role === "OFFICER" || myAuthorRole !== null || mySubGroupRole !== null || isAssessor;
    throw hasAnyPart ? notAllowed() : notFound();
  }
  return {
    actor,
    membership,
    subGroup: { id: proposal.subGroupId, partnershipId: proposal.partnershipId, myRole: mySubGroupRole },
    proposal: {
      id: proposal.id,
      partnershipId: proposal.partnershipId,
      subGroupId: proposal.subGroupId,
      roundId: proposal.roundId,
      status: proposal.status,
      myAuthorRole,
      mySubGroupRole,
      isAssessor,
    },
  };
}

/** Loads what a project rule needs: the project (through an update when the input names one) and the actor's team role. */
async function resolveProject(db: Database, via: ProjectScopeKey, value: string, userId: string) {
  const select = {
    id: true,
    partnershipId: true,
    status: true,
    team: { where: { userId }, select: { role: true } },
  } as const;
  if (via === "projectId") {
    const project = await db.fundedProject.findUnique({ where: { id: value }, select });
    return project && { project, update: null };
  }
  const update = await db.progressUpdate.findUnique({
    where: { id: value },
    select: { id: true, status: true, periodId: true, authorId: true, project: { select } },
  });
  return update && { project: update.project, update: { id: update.id, status: update.status, periodId: update.periodId, authorId: update.authorId } };
}

async function authorizeProject(
  db: Database,
  actor: Actor,
  rule: Extract<Rule, { kind: "project" }>,
  rawInput: unknown,
): Promise<Grant> {
  const value = readScopeValue(rawInput, rule.via);
  const found = value ? await resolveProject(db, rule.via, value, actor.userId) : null;
  if (!found) throw notFound();
  const { project, update } = found;
  const membership = await db.membership.findUnique({
    where: { partnershipId_userId: { partnershipId: project.partnershipId, userId: actor.userId } },
    select: { id: true, partnershipId: true, role: true },
  });
  if (!membership) throw notFound();
  const myTeamRole = project.team[0]?.role ?? null;
  const allowed = rule.roles.includes(membership.role) || (myTeamRole !== null && rule.teamRoles.includes(myTeamRole));
  if (!allowed) throw notAllowed();
  return {
    actor,
    membership,
    subGroup: null,
    project: { id: project.id, partnershipId: project.partnershipId, status: project.status, myTeamRole, update },
  };
}
