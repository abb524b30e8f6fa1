import type { Grant } from "./grants";

/**
 * The named checks a policy row may point to: the actor's part in the resource the input
 * names, as the resolver read it for this request. A check only counts for people whose
 * partnership role the row lets act at all (see `bound` in rules.ts), so the partnership
 * role bounds everything beneath it.
 */

type GrantPart = "subGroup" | "proposal" | "project" | "event" | "story" | "survey" | "connection" | "answer" | "libraryResource";

type Check = { needs: GrantPart; holds: (grant: Grant) => boolean };

const check = (needs: GrantPart, holds: (grant: Grant) => boolean): Check => ({ needs, holds });

export const checks = {
  /** In the sub-group (lead or member). */
  subGroupMember: check("subGroup", (grant) => grant.subGroup?.myRole != null),
  subGroupLead: check("subGroup", (grant) => grant.subGroup?.myRole === "LEAD"),
  /** Writes the proposal (lead author or co-author). */
  proposalAuthor: check("proposal", (grant) => grant.proposal?.myAuthorRole != null),
  leadAuthor: check("proposal", (grant) => grant.proposal?.myAuthorRole === "LEAD"),
  /** Sits on the panel of the proposal's round, once the proposal has reached the panel. */
  assessor: check("proposal", (grant) => grant.proposal?.isAssessor === true),
  projectTeam: check("project", (grant) => grant.project?.myTeamRole != null),
  projectLead: check("project", (grant) => grant.project?.myTeamRole === "LEAD"),
  /** Created the event, or leads the sub-group that a sub-group meeting is for. */
  eventOrganiser: check("event", (grant) => grant.event?.isOrganiser === true),
  wasAtEvent: check("event", (grant) => grant.event?.wasThere === true),
  storyAuthor: check("story", (grant) => grant.story?.isAuthor === true),
  publishedStory: check("story", (grant) => grant.story?.status === "PUBLISHED"),
  /** One of the people a reflection run is for. */
  surveyAudience: check("survey", (grant) => grant.survey?.inAudience === true),
  /** Ran the reflection, or leads the sub-group or project team it is for. */
  surveyRunner: check("survey", (grant) => grant.survey?.isRunner === true),
  surveyRespondent: check("survey", (grant) => grant.survey?.hasAnswered === true),
  /** One of the two people of a "we should talk again" connection. */
  connectionParty: check("connection", (grant) => grant.connection?.isParty === true),
  /** Gave this (named) answer. */
  answerRespondent: check("answer", (grant) => grant.answer?.isRespondent === true),
  /** Added the library resource. */
  resourceAdder: check("libraryResource", (grant) => grant.libraryResource?.isAdder === true),
  /** Added the library resource, and it is not on the public page (where only curators change it). */
  membersOnlyResourceAdder: check("libraryResource", (grant) => grant.libraryResource?.isAdder === true && !grant.libraryResource.isPublic),
} satisfies Record<string, Check>;

export type CheckName = keyof typeof checks;

/** Whether a named check holds; a grant that lacks the part the check reads is a programming error. */
export function holds(name: CheckName, grant: Grant): boolean {
  const { needs, holds: test } = checks[name];
  if (grant[needs] === undefined) {
    throw new Error(`The check "${name}" needs what the policy proved about the ${needs}; it was asked with a grant that has none.`);
  }
  return test(grant);
}
