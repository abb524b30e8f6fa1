import type {
  EventKind,
  MembershipRole,
  ProgressUpdateStatus,
  ProjectStatus,
  ProjectTeamRole,
  ProposalAuthorRole,
  ProposalStatus,
  StoryStatus,
  SubGroupRole,
} from "@/server/db/generated/enums";
import type { Actor } from "./session";

/**
 * What the policy proved about the actor for one request, read from the database on that
 * request: their membership of the partnership the input points into, and their part in
 * the resource it names (sub-group, proposal, project, event, story, reflection run...).
 * Every decision (the API's and the pages' `viewer.can*` flags) is `can(action, grant)`.
 */

export type MembershipGrant = { id: string; partnershipId: string; role: MembershipRole };

export type SubGroupGrant = { id: string; partnershipId: string; myRole: SubGroupRole | null };

export type ProposalGrant = {
  id: string;
  partnershipId: string;
  subGroupId: string;
  roundId: string | null;
  status: ProposalStatus;
  /** The actor's part in the proposal, sub-group and panel. */
  myAuthorRole: ProposalAuthorRole | null;
  mySubGroupRole: SubGroupRole | null;
  /** Sits on the panel of the proposal's round, and the proposal has reached the panel. */
  isAssessor: boolean;
};

export type ProjectGrant = {
  id: string;
  partnershipId: string;
  status: ProjectStatus;
  myTeamRole: ProjectTeamRole | null;
  /** When the input named an update: that update. */
  update: { id: string; status: ProgressUpdateStatus; periodId: string; authorId: string } | null;
};

export type EventGrant = {
  id: string;
  kind: EventKind;
  subGroupId: string | null;
  /** Created the event, or leads the sub-group a sub-group meeting is for. */
  isOrganiser: boolean;
  /** Was there: going (attendance not yet marked), marked as attended, or seated at a networking table. */
  wasThere: boolean;
};

export type StoryGrant = { id: string; status: StoryStatus; isAuthor: boolean };

export type SurveyGrant = {
  id: string;
  /** The people the run is for: the whole partnership, the sub-group's members or the project's team. */
  inAudience: boolean;
  /** Ran it, or leads the sub-group or project team it is for. */
  isRunner: boolean;
  hasAnswered: boolean;
};

export type ConnectionGrant = { id: string; isParty: boolean };

export type AnswerGrant = { id: string; isRespondent: boolean; anonymous: boolean };

/** A library resource: whether the actor added it, and whether it is on the public page. */
export type LibraryResourceGrant = { id: string; isAdder: boolean; isPublic: boolean };

export type Grant = {
  actor: Actor | null;
  membership: MembershipGrant | null;
  subGroup: SubGroupGrant | null;
  proposal?: ProposalGrant | null;
  project?: ProjectGrant | null;
  event?: EventGrant | null;
  story?: StoryGrant | null;
  survey?: SurveyGrant | null;
  connection?: ConnectionGrant | null;
  answer?: AnswerGrant | null;
  libraryResource?: LibraryResourceGrant | null;
};

/** A grant for a signed-in member of a partnership (what partnership-scoped procedures receive). */
export type MemberGrant = Grant & { actor: Actor; membership: MembershipGrant };

/** Only the partnership membership, for decisions that need nothing else. */
export function membershipOnly(actor: Actor, membership: MembershipGrant): MemberGrant {
  return { actor, membership, subGroup: null };
}

/** What sub-group-scoped procedures receive (ctx): the actor, their membership and their place in the sub-group. */
export type SubGroupAccess = MemberGrant & { subGroup: SubGroupGrant };

/** What proposal-scoped procedures receive (ctx): also the actor's parts in the proposal. */
export type ProposalAccess = SubGroupAccess & { proposal: ProposalGrant };

/** What project-scoped procedures receive (ctx): also the actor's part in the project's team. */
export type ProjectAccess = MemberGrant & { project: ProjectGrant };
