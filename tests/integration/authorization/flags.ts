import { cases } from "./cases";
import type { FlagWorld } from "./flag-world";

/*
 * Which procedure each `viewer.can*` flag of a page stands for. A flag must be true exactly
 * when that procedure, called by the same persona with the input given here, is let in
 * (viewer-flags.int.test.ts calls both). An input left out is the matrix case's own.
 *
 * Where a flag also depends on the resource's state (a draft cannot be published, replies
 * close when an event starts...), the page is looked at on a resource whose state lets only
 * authorization decide that flag, and `leftOut` says why a flag is not compared on the others.
 */

export type FlagCheck = { procedure: string; input?: (w: FlagWorld) => unknown };
/** One check; several, each of which must agree with the flag; or "may do at least one of these". */
export type FlagRule = FlagCheck | readonly FlagCheck[] | { anyOf: readonly FlagCheck[] };

export type PageFlags = {
  page: string;
  on: string;
  input: (w: FlagWorld) => unknown;
  flags: Record<string, FlagRule>;
  /** Flags the page returns that are not compared on this resource, and why. */
  leftOut?: Record<string, string>;
};

/** The checks of a rule, each with its input resolved (the matrix case's when not given). */
export function checksOf(rule: FlagRule): { mode: "each" | "any"; checks: Required<FlagCheck>[] } {
  const list = "anyOf" in rule ? rule.anyOf : Array.isArray(rule) ? rule : [rule as FlagCheck];
  return {
    mode: "anyOf" in rule ? "any" : "each",
    checks: list.map(({ procedure, input }) => {
      const matrixCase = cases[procedure];
      if (!input && !matrixCase) throw new Error(`No input for ${procedure}, and no matrix case to take one from`);
      return { procedure, input: input ?? ((w: FlagWorld) => matrixCase?.input?.(w)) };
    }),
  };
}

const check = (procedure: string, input?: (w: FlagWorld) => unknown): FlagCheck => ({ procedure, input });

// --- sub-groups ------------------------------------------------------------------------

function subGroupPage(
  on: string,
  ids: (w: FlagWorld) => { subGroupId: string; joinRequestId: string; memberId: string },
  leftOut: Record<string, string> = {},
): PageFlags {
  const flags: Record<string, FlagRule> = {
    "viewer.canJoin": check("subGroup.join", (w) => ({ subGroupId: ids(w).subGroupId, message: "I would like to help" })),
    "viewer.canLeave": check("subGroup.leave", (w) => ({ subGroupId: ids(w).subGroupId })),
    "viewer.canEdit": check("subGroup.update", (w) => ({
      subGroupId: ids(w).subGroupId,
      name: "Carers group",
      purpose: "Test short breaks and respite",
      joinPolicy: "APPROVAL",
    })),
    "viewer.canArchive": check("subGroup.archive", (w) => ({ subGroupId: ids(w).subGroupId })),
    "viewer.canManageMembers": [
      check("subGroup.setMemberRole", (w) => ({ subGroupId: ids(w).subGroupId, userId: ids(w).memberId, role: "LEAD" })),
      check("subGroup.removeMember", (w) => ({ subGroupId: ids(w).subGroupId, userId: ids(w).memberId })),
    ],
    "viewer.canSeeRequests": [
      check("subGroup.pendingRequests", (w) => ({ subGroupId: ids(w).subGroupId })),
      check("subGroup.decideRequest", (w) => ({ joinRequestId: ids(w).joinRequestId, decision: "APPROVE", note: "Welcome!" })),
    ],
    "viewer.canSeeSharedFiles": [check("file.list", (w) => ({ ownerKind: "SUB_GROUP", ownerId: ids(w).subGroupId }))],
    "viewer.canSeeDiscussions": [
      check("discussion.threads", (w) => ({ subGroupId: ids(w).subGroupId })),
      check("discussion.activity", (w) => ({ subGroupId: ids(w).subGroupId })),
    ],
    "viewer.canPropose": check("proposal.create", (w) => ({ subGroupId: ids(w).subGroupId, title: "Evening respite test", roundId: w.round.id })),
    "viewer.canSeeProposals": check("proposal.forSubGroup", (w) => ({ subGroupId: ids(w).subGroupId })),
    "viewer.canSeeProjects": check("portfolio.subGroup", (w) => ({ subGroupId: ids(w).subGroupId })),
    "viewer.canSeeTrend": check("reflection.trend", (w) => ({ subGroupId: ids(w).subGroupId })),
  };
  return {
    page: "subGroup.get",
    on,
    input: (w) => ({ subGroupId: ids(w).subGroupId }),
    flags: Object.fromEntries(Object.entries(flags).filter(([flag]) => !(flag in leftOut))),
    leftOut,
  };
}

const subGroupA = subGroupPage(
  "sub-group A",
  (w) => ({ subGroupId: w.subGroupA.id, joinRequestId: w.joinRequest.id, memberId: w.people.spare.id }),
  { "viewer.canJoin": "false for anyone already in A or waiting on a request there (compared on sub-group C)" },
);
// Compared in full on C: no persona has a place in it (or a request pending).
const subGroupC = subGroupPage("sub-group C", (w) => ({ subGroupId: w.subGroupC.id, joinRequestId: w.joinRequestC.id, memberId: w.people.spare.id }));

// --- discussions -------------------------------------------------------------------------

const discussionThreads: PageFlags = {
  page: "discussion.threads",
  on: "sub-group A",
  input: (w) => ({ subGroupId: w.subGroupA.id }),
  flags: {
    "viewer.canPost": [check("discussion.startThread"), check("discussion.mentionable")],
    "viewer.canManageNotes": [check("discussion.addNote"), check("discussion.setNotePinned")],
  },
};

const discussionThread: PageFlags = {
  page: "discussion.thread",
  on: "the kick-off thread",
  input: (w) => ({ threadId: w.thread.id }),
  flags: { "viewer.canReply": check("discussion.reply") },
};

// --- proposals ---------------------------------------------------------------------------

const comment = (proposalId: (w: FlagWorld) => string) =>
  check("proposal.comment", (w) => ({ proposalId: proposalId(w), section: "need", body: "Can we add the waiting-list figures?" }));
const coAuthors = (proposalId: (w: FlagWorld) => string, coAuthor: (w: FlagWorld) => string) => [
  check("proposal.addCoAuthor", (w) => ({ proposalId: proposalId(w), userId: w.people.requester.id })),
  check("proposal.removeCoAuthor", (w) => ({ proposalId: proposalId(w), userId: coAuthor(w) })),
  check("proposal.coAuthorCandidates", (w) => ({ proposalId: proposalId(w) })),
];
const changeLeadAuthor = (proposalId: (w: FlagWorld) => string, coAuthor: (w: FlagWorld) => string) =>
  check("proposal.changeLeadAuthor", (w) => ({ proposalId: proposalId(w), userId: coAuthor(w) }));

function draftPage(on: string, proposalId: (w: FlagWorld) => string, coAuthor: (w: FlagWorld) => string): PageFlags {
  return {
    page: "proposal.get",
    on,
    input: (w) => ({ proposalId: proposalId(w) }),
    flags: {
      "viewer.canEdit": check("proposal.saveSection", (w) => ({
        proposalId: proposalId(w),
        section: "summary",
        content: { text: "Short breaks for carers" },
        baseVersion: 0,
      })),
      "viewer.canSubmit": check("proposal.submit", (w) => ({ proposalId: proposalId(w) })),
      "viewer.canWithdraw": check("proposal.withdraw", (w) => ({ proposalId: proposalId(w), reason: "Another group is doing this" })),
      "viewer.canComment": comment(proposalId),
      "viewer.canManageCoAuthors": coAuthors(proposalId, coAuthor),
      "viewer.canChangeLeadAuthor": changeLeadAuthor(proposalId, coAuthor),
    },
    leftOut: {
      "viewer.canReturnToDraft": "a draft is already a draft (compared on the submitted proposal)",
      "viewer.canDecide": "only while under assessment (compared on the assessed proposal)",
    },
  };
}

const proposalPages: PageFlags[] = [
  draftPage("the draft", (w) => w.draftProposal.id, (w) => w.people.spare.id),
  draftPage("the demoted lead's draft", (w) => w.demotedDraft.id, (w) => w.people.member.id),
  {
    page: "proposal.get",
    on: "the proposal under assessment",
    input: (w) => ({ proposalId: w.assessedProposal.id }),
    flags: {
      "viewer.canDecide": check("assessment.decide"),
      "viewer.canWithdraw": check("proposal.withdraw", (w) => ({ proposalId: w.assessedProposal.id, reason: "Another group is doing this" })),
      "viewer.canComment": comment((w) => w.assessedProposal.id),
    },
    leftOut: {
      "viewer.canEdit": "not while it is assessed",
      "viewer.canSubmit": "already submitted",
      "viewer.canReturnToDraft": "not once assessment has started",
      "viewer.canManageCoAuthors": "co-authors are fixed once assessment starts",
      "viewer.canChangeLeadAuthor": "the lead is fixed once assessment starts",
    },
  },
  {
    page: "proposal.get",
    on: "the submitted proposal",
    input: (w) => ({ proposalId: w.submittedProposal.id }),
    flags: {
      "viewer.canReturnToDraft": check("proposal.returnToDraft", (w) => ({ proposalId: w.submittedProposal.id })),
      "viewer.canWithdraw": check("proposal.withdraw", (w) => ({ proposalId: w.submittedProposal.id, reason: "Another group is doing this" })),
      "viewer.canComment": comment((w) => w.submittedProposal.id),
      "viewer.canManageCoAuthors": coAuthors((w) => w.submittedProposal.id, (w) => w.people.spare.id),
      "viewer.canChangeLeadAuthor": changeLeadAuthor((w) => w.submittedProposal.id, (w) => w.people.spare.id),
    },
    leftOut: {
      "viewer.canEdit": "submitted: take it back to draft first",
      "viewer.canSubmit": "already submitted",
      "viewer.canDecide": "not under assessment yet",
    },
  },
];

// --- projects ----------------------------------------------------------------------------

function projectFlags(project: (w: FlagWorld) => FlagWorld["project"] | FlagWorld["demotedProject"], award: (w: FlagWorld) => FlagWorld["award"] | FlagWorld["demotedAward"]) {
  return {
    "viewer.canManageTeam": [
      check("project.addTeamMember", (w) => ({ projectId: project(w).id, userId: w.people.requester.id })),
      check("project.teamCandidates", (w) => ({ projectId: project(w).id })),
      check("project.removeTeamMember", (w) => ({ projectId: project(w).id, userId: w.people.demotedLead.id })),
    ],
    "viewer.canChangeLead": check("project.changeLead", (w) => ({ projectId: project(w).id, userId: w.people.requester.id })),
    "viewer.canRunReflection": check("reflection.create", (w) => ({
      partnershipSlug: w.partnership.slug,
      templateKey: "team-chat",
      audience: "PROJECT",
      projectId: project(w).id,
      closesOn: new Date(Date.now() + 10 * 24 * 3600 * 1000).toISOString().slice(0, 10),
      anonymity: "NAMED",
    })),
    "viewer.canWriteStory": check("story.create"),
    "viewer.canMakePayments": check("funding.payTranche", (w) => ({
      awardId: award(w).id,
      trancheId: award(w).tranches[0]!.id,
      paidOn: "2021-04-02",
      reference: "BACS-1",
      idempotencyKey: `pay-${project(w).id}`,
    })),
    "viewer.canPostUpdate": check("project.saveUpdate", (w) => ({
      projectId: project(w).id,
      periodId: project(w).periods[0]!.id,
      rag: "GREEN",
      percentComplete: 15,
      narrative: "First breaks booked",
      spend: [{ budgetLineId: "line-1", spentPence: 5_000 }],
      measureValues: [],
      milestoneChanges: [],
      risks: "",
      learning: "",
    })),
  } satisfies Record<string, FlagRule>;
}

const projectPages: PageFlags[] = [
  {
    page: "project.get",
    on: "the project",
    input: (w) => ({ projectId: w.project.id }),
    flags: {
      ...projectFlags((w) => w.project, (w) => w.award),
      "viewer.canReview": check("project.reviewUpdate"),
      "viewer.canEvaluate": check("project.submitEvaluation"),
    },
    leftOut: { "viewer.canDecide": "needs the lead's evaluation first (compared on the demoted lead's project, which has one)" },
  },
  {
    page: "project.get",
    on: "the demoted lead's evaluated project",
    input: (w) => ({ projectId: w.demotedProject.id }),
    flags: {
      ...projectFlags((w) => w.demotedProject, (w) => w.demotedAward),
      "viewer.canDecide": check("project.decide", (w) => ({
        projectId: w.demotedProject.id,
        outcome: "SUSTAIN",
        reasons: "Worked well for the carers who used it",
        nextStep: "",
      })),
    },
    leftOut: {
      "viewer.canReview": "it has no submitted update to review",
      "viewer.canEvaluate": "already evaluated",
    },
  },
];

// --- stories -----------------------------------------------------------------------------

const moderate = (story: (w: FlagWorld) => { id: string }, action: "PUBLISH" | "RETURN" | "UNPUBLISH") =>
  check("story.moderate", (w) => ({ storyId: story(w).id, action, note: action === "PUBLISH" ? "" : "Please add who took part" }));
const withdrawStory = (story: (w: FlagWorld) => { id: string }) => check("story.withdraw", (w) => ({ storyId: story(w).id }));
/** The moderation history is shown to those who take part in it: the author (who may withdraw) and moderators. */
const seeModeration = (story: (w: FlagWorld) => { id: string }) => ({ anyOf: [withdrawStory(story), moderate(story, "PUBLISH")] });

const storyPages: PageFlags[] = [
  {
    page: "story.get",
    on: "the draft story",
    input: (w) => ({ storyId: w.draftStory.id }),
    flags: {
      "viewer.canEdit": check("story.update"),
      "viewer.canSubmit": check("story.submit"),
      "viewer.canWithdraw": withdrawStory((w) => w.draftStory),
      "viewer.canSeeModeration": seeModeration((w) => w.draftStory),
    },
    leftOut: {
      "viewer.canPublish": "a draft has not been submitted",
      "viewer.canReturn": "a draft has not been submitted",
      "viewer.canUnpublish": "a draft is not published",
      "viewer.canComment": "comments open once it is published",
    },
  },
  {
    page: "story.get",
    on: "the submitted story",
    input: (w) => ({ storyId: w.submittedStory.id }),
    flags: {
      "viewer.canWithdraw": withdrawStory((w) => w.submittedStory),
      "viewer.canSeeModeration": seeModeration((w) => w.submittedStory),
      "viewer.canPublish": moderate((w) => w.submittedStory, "PUBLISH"),
      "viewer.canReturn": moderate((w) => w.submittedStory, "RETURN"),
    },
    leftOut: {
      "viewer.canEdit": "waiting for an officer",
      "viewer.canSubmit": "already submitted",
      "viewer.canUnpublish": "not published",
      "viewer.canComment": "comments open once it is published",
    },
  },
  {
    page: "story.get",
    on: "the published story",
    input: (w) => ({ storyId: w.publishedStory.id }),
    flags: {
      "viewer.canWithdraw": withdrawStory((w) => w.publishedStory),
      "viewer.canSeeModeration": seeModeration((w) => w.publishedStory),
      "viewer.canUnpublish": moderate((w) => w.publishedStory, "UNPUBLISH"),
      "viewer.canComment": check("story.comment"),
    },
    leftOut: {
      "viewer.canEdit": "published stories do not change",
      "viewer.canSubmit": "already published",
      "viewer.canPublish": "already published",
      "viewer.canReturn": "unpublish it first",
    },
  },
];

// --- events ------------------------------------------------------------------------------

function eventFlags(event: (w: FlagWorld) => { id: string; startsAt: Date; endsAt: Date }) {
  return {
    canOrganise: [
      check("event.update", (w) => ({
        eventId: event(w).id,
        title: "Moved",
        startsAt: event(w).startsAt,
        endsAt: event(w).endsAt,
        venueName: "Library",
        capacity: 30,
      })),
      check("event.cancel", (w) => ({ eventId: event(w).id, reason: "The venue is closed" })),
    ],
    canSeeAttendees: [
      check("event.attendees", (w) => ({ eventId: event(w).id })),
      check("event.markAttendance", (w) => ({ eventId: event(w).id, attendance: [{ userId: w.people.member.id, attended: true }] })),
    ],
    canPlanNetworking: [
      check("event.generateNetworking", (w) => ({ eventId: event(w).id, rounds: 2 })),
      check("event.networking", (w) => ({ eventId: event(w).id })),
    ],
  } satisfies Record<string, FlagRule>;
}
const reply = (event: (w: FlagWorld) => { id: string }) => [
  check("event.rsvp", (w) => ({ eventId: event(w).id })),
  check("event.cancelRsvp", (w) => ({ eventId: event(w).id })),
];

const eventPages: PageFlags[] = [
  {
    page: "event.get",
    on: "the breakfast",
    input: (w) => ({ eventId: w.breakfast.id }),
    flags: { ...eventFlags((w) => w.breakfast), "my.canReply": reply((w) => w.breakfast) },
    leftOut: { "my.canLogConnections": "only once it has started (compared on the breakfast under way)" },
  },
  {
    page: "event.get",
    on: "the demoted lead's meeting",
    input: (w) => ({ eventId: w.demotedMeeting.id }),
    flags: { ...eventFlags((w) => w.demotedMeeting), "my.canReply": reply((w) => w.demotedMeeting) },
    leftOut: { "my.canLogConnections": "only once it has started (compared on the breakfast under way)" },
  },
  {
    page: "event.get",
    on: "the breakfast under way",
    input: (w) => ({ eventId: w.startedEvent.id }),
    flags: {
      ...eventFlags((w) => w.startedEvent),
      "my.canLogConnections": check("event.logConnection", (w) => ({ eventId: w.startedEvent.id, userId: w.people.spare.id })),
    },
    leftOut: { "my.canReply": "replies close once it has started" },
  },
];

// --- reflections -------------------------------------------------------------------------

const manage = (survey: (w: FlagWorld) => { id: string }) => [
  check("reflection.close", (w) => ({ surveyId: survey(w).id })),
  check("reflection.exportCsv", (w) => ({ surveyId: survey(w).id })),
];

const reflectionPages: PageFlags[] = [
  {
    page: "reflection.get",
    on: "the run nobody has answered",
    input: (w) => ({ surveyId: w.unansweredSurvey.id }),
    flags: {
      canAnswer: check("reflection.respond", (w) => ({
        surveyId: w.unansweredSurvey.id,
        answers: [{ questionId: w.questionSet.questions[1]!.id, score: 3 }],
      })),
      canManage: manage((w) => w.unansweredSurvey),
    },
    leftOut: { canSeeResults: "while it is open, the audience sees results once they have answered (compared on the closed run)" },
  },
  {
    page: "reflection.get",
    on: "the closed run",
    input: (w) => ({ surveyId: w.closedSurvey.id }),
    flags: {
      canSeeResults: check("reflection.results", (w) => ({ surveyId: w.closedSurvey.id })),
      canManage: manage((w) => w.closedSurvey),
    },
    leftOut: { canAnswer: "closed" },
  },
  {
    page: "reflection.get",
    on: "the run `member` has answered",
    input: (w) => ({ surveyId: w.survey.id }),
    flags: { canManage: manage((w) => w.survey) },
    leftOut: {
      canAnswer: "`member` has answered already (compared on the run nobody has answered)",
      canSeeResults: "open, so it depends on having answered (compared on the closed run)",
    },
  },
];

// --- partnership-wide ----------------------------------------------------------------------

const slug = (w: FlagWorld) => ({ partnershipSlug: w.partnership.slug });
const inTwoWeeks = () => new Date(Date.now() + 14 * 24 * 3600 * 1000);
const newEvent = (kind: "NETWORKING_BREAKFAST" | "SUB_GROUP_MEETING", subGroupId?: (w: FlagWorld) => string) =>
  check("event.create", (w) => ({
    ...slug(w),
    kind,
    subGroupId: subGroupId?.(w),
    title: "Get-together",
    startsAt: inTwoWeeks(),
    endsAt: new Date(inTwoWeeks().getTime() + 3600 * 1000),
    venueName: "Carers centre",
  }));
const newReflection = (audience: (w: FlagWorld) => Record<string, unknown>) =>
  check("reflection.create", (w) => ({
    ...slug(w),
    templateKey: "team-chat",
    closesOn: new Date(Date.now() + 10 * 24 * 3600 * 1000).toISOString().slice(0, 10),
    anonymity: "NAMED",
    ...audience(w),
  }));

const partnershipViewer: PageFlags = {
  page: "partnership.viewer",
  on: "the partnership",
  input: slug,
  flags: {
    canAdminister: check("membership.list"),
    canSeeFunding: check("funding.funds"),
    canSeeDashboard: check("portfolio.overview"),
    canSeeProjectList: check("project.list"),
    canModerateStories: check("story.moderationQueue"),
    canWriteStories: check("story.create"),
    // "Create an event": any kind, or a meeting of a sub-group (A or B) the viewer leads.
    canCreateEvents: {
      anyOf: [newEvent("NETWORKING_BREAKFAST"), newEvent("SUB_GROUP_MEETING", (w) => w.subGroupA.id), newEvent("SUB_GROUP_MEETING", (w) => w.subGroupB.id)],
    },
    canCreateAnyEvent: newEvent("NETWORKING_BREAKFAST"),
    // "Run a reflection": for everyone, for a sub-group or for a project team.
    canRunReflections: {
      anyOf: [
        newReflection(() => ({ audience: "PARTNERSHIP" })),
        newReflection((w) => ({ audience: "SUB_GROUP", subGroupId: w.subGroupA.id })),
        newReflection((w) => ({ audience: "SUB_GROUP", subGroupId: w.subGroupB.id })),
        newReflection((w) => ({ audience: "PROJECT", projectId: w.project.id })),
        newReflection((w) => ({ audience: "PROJECT", projectId: w.demotedProject.id })),
      ],
    },
    // The server's own mapping (server/domain/partnerships/viewer.ts): the connections page
    // offers "start a proposal" to those who take part (and so write proposals).
    canSeeAuditLog: check("funding.auditLog"),
    canPublishPortfolio: check("transparency.setPublished"),
    canCreateFund: check("funding.createFund"),
  },
};

const fundPage: PageFlags = {
  page: "funding.fund",
  on: "the fund",
  input: (w) => ({ fundId: w.fund.id }),
  flags: {
    "viewer.canManageMoney": [check("funding.awardGrant"), check("funding.payTranche"), check("funding.varyAward")],
    "viewer.canCreateRound": check("funding.createRound"),
    "viewer.canChangeRounds": check("funding.changeRoundStatus"),
    "viewer.canRunAssessment": [check("assessment.overview"), check("assessment.appointAssessor"), check("assessment.startAssessment")],
    "viewer.canSetUpProjects": check("project.setUp"),
    "viewer.canExport": [check("funding.exportAwards"), check("funding.exportLedger")],
    "viewer.canNameFunder": check("funding.setFundFunder"),
  },
};

const myWork: PageFlags = {
  page: "portfolio.myWork",
  on: "the partnership",
  input: slug,
  flags: {
    "viewer.canReviewUpdates": check("project.reviewUpdate"),
    "viewer.canModerateStories": check("story.moderationQueue"),
    "viewer.canSeeDashboard": check("portfolio.overview"),
  },
};

export const PAGE_FLAGS: readonly PageFlags[] = [
  subGroupA,
  subGroupC,
  discussionThreads,
  discussionThread,
  ...proposalPages,
  ...projectPages,
  ...storyPages,
  ...eventPages,
  ...reflectionPages,
  partnershipViewer,
  fundPage,
  myWork,
];
