import type { MembershipRole } from "@/server/db/generated/enums";
import type { CheckName } from "./checks";
import type { Grant } from "./grants";

/**
 * Who may do what: every procedure of the API has exactly one row here, and a procedure
 * without a row is refused (deny by default; a unit test fails when one is missing). A few
 * more rows ("refinements") name decisions a procedure makes about something its input
 * chooses, such as the sub-group a reflection is run for.
 *
 * A scoped row names the input field that identifies the resource (`via`). The resolver
 * (resolve.ts) reads the resource, the actor's membership of its partnership and their part
 * in the resource, on every request. The row allows:
 *
 * - anyone whose partnership role is in `roles`; and
 * - anyone whose partnership role is in `bound` and for whom one of the named `checks`
 *   holds (sub-group lead, co-author, assessor, project team, event organiser...).
 *
 * `bound` is how the partnership role bounds everything beneath it: for anything that posts,
 * comments, authors, leads, scores or manages, it is the participants (officers, chairs and
 * members), so an observer who is still in a sub-group or on a team reads but never acts.
 * `unless` names a check that refuses even when the rest allows (a conflict of interest),
 * with its own words. `refusal` words a refusal for someone who takes part but lacks the
 * part the row asks for; observers are told what observers may do.
 */

export type PartnershipScopeKey =
  | "partnershipSlug"
  | "localityId"
  | "membershipId"
  | "invitationId"
  | "priorityAreaId"
  | "fundId"
  | "roundId"
  | "awardId"
  | "libraryFolderId";

export type ResourceScopeKey =
  | "subGroupId"
  | "joinRequestId"
  | "threadId"
  | "noteId"
  | "proposalId"
  | "projectId"
  | "updateId"
  | "eventId"
  | "storyId"
  | "surveyId"
  | "connectionId"
  | "answerId"
  | "libraryResourceId";

export type ScopeKey = PartnershipScopeKey | ResourceScopeKey;

export type ScopedRule = {
  kind: "scoped";
  via: ScopeKey;
  roles: readonly MembershipRole[];
  checks: readonly CheckName[];
  bound: readonly MembershipRole[];
  unless?: { check: CheckName; refusal: string };
  /** Plain words for a refusal, when "You do not have permission" would not say why. */
  refusal?: string | ((grant: Grant) => string);
};

export type Rule = { kind: "public" } | { kind: "signedIn" } | ScopedRule;

export const ALL_ROLES: readonly MembershipRole[] = ["OFFICER", "CHAIR", "MEMBER", "OBSERVER"];
/** Everyone who takes an active part; observers read what is shared with them. */
export const PARTICIPANTS: readonly MembershipRole[] = ["OFFICER", "CHAIR", "MEMBER"];
export const STEERING: readonly MembershipRole[] = ["OFFICER", "CHAIR"];
export const OFFICERS: readonly MembershipRole[] = ["OFFICER"];
const NOBODY: readonly MembershipRole[] = [];

/** What an observer is told when they try to take an active part. */
export const OBSERVER_REFUSAL =
  "Observers read what the partnership shares with them, but do not post, comment, write, lead or score. An officer can change your role.";

const anyone: Rule = { kind: "public" };
const signedIn: Rule = { kind: "signedIn" };

/** Reading: observers' parts count too (what is shared with them). */
const reads = (via: ScopeKey, roles: readonly MembershipRole[], ...checks: CheckName[]): ScopedRule => ({
  kind: "scoped",
  via,
  roles,
  checks,
  bound: ALL_ROLES,
});

/** Acting (posting, authoring, leading, scoring, managing): only participants' parts count. */
const acts = (via: ScopeKey, roles: readonly MembershipRole[], ...checks: CheckName[]): ScopedRule => ({
  kind: "scoped",
  via,
  roles: roles.filter((role) => PARTICIPANTS.includes(role)),
  checks,
  bound: PARTICIPANTS,
});

/** The few things observers do as well as read: answer an RSVP or a reflection sent to them, leave a sub-group. */
const observersToo = reads;

const LIBRARY_REFUSAL = "Only the person who added a resource, or an officer or chair, can change, move or remove it.";

const with_ = (rule: ScopedRule, extra: Pick<ScopedRule, "unless" | "refusal">): ScopedRule => ({ ...rule, ...extra });

export const procedureRules = {
  // --- system and self -----------------------------------------------------------
  "system.ping": anyone,
  "me.profile": signedIn,
  "me.updateProfile": signedIn,
  "me.updateNotificationSettings": signedIn,
  "me.calendarFeed": signedIn,
  "me.replaceCalendarFeed": signedIn,
  "me.revokeCalendarFeed": signedIn,
  "me.accountClosure": signedIn,
  "me.requestAccountClosure": signedIn,
  "me.withdrawAccountClosure": signedIn,
  // Always the signed-in person's own exports: the procedures take no id.
  "me.dataExports": signedIn,
  "me.requestDataExport": signedIn,

  // --- partnerships --------------------------------------------------------------
  "partnership.mine": signedIn,
  "partnership.overview": reads("partnershipSlug", ALL_ROLES),
  /** What the viewer may do in the partnership: the navigation and pages read it. */
  "partnership.viewer": reads("partnershipSlug", ALL_ROLES),
  "partnership.update": acts("partnershipSlug", OFFICERS),
  "partnership.addLocality": acts("partnershipSlug", OFFICERS),
  "partnership.renameLocality": acts("localityId", OFFICERS),
  "partnership.removeLocality": acts("localityId", OFFICERS),

  // --- members and invitations (officers) ------------------------------------------
  "membership.list": acts("partnershipSlug", OFFICERS),
  "membership.exportTable": acts("partnershipSlug", OFFICERS),
  "membership.personalData": acts("partnershipSlug", OFFICERS),
  "job.failing": acts("partnershipSlug", OFFICERS),
  "job.retry": acts("partnershipSlug", OFFICERS),
  "membership.changeRole": acts("membershipId", OFFICERS),
  "membership.remove": acts("membershipId", OFFICERS),
  "invitation.create": acts("partnershipSlug", OFFICERS),
  "invitation.resend": acts("invitationId", OFFICERS),
  "invitation.revoke": acts("invitationId", OFFICERS),
  /** The token itself is the credential: anyone holding it may see whose invitation it is. */
  "invitation.preview": anyone,
  "invitation.accept": signedIn,
  /** Spreadsheet imports: the batch is looked up within the partnership the slug names. */
  "memberImport.upload": acts("partnershipSlug", OFFICERS),
  "memberImport.batch": acts("partnershipSlug", OFFICERS),
  "memberImport.progress": acts("partnershipSlug", OFFICERS),
  "memberImport.confirm": acts("partnershipSlug", OFFICERS),
  "memberImport.cancel": acts("partnershipSlug", OFFICERS),

  // --- priority areas --------------------------------------------------------------
  "priorityArea.list": reads("partnershipSlug", ALL_ROLES),
  "priorityArea.create": acts("partnershipSlug", STEERING),
  "priorityArea.update": acts("priorityAreaId", STEERING),
  "priorityArea.move": acts("priorityAreaId", STEERING),
  "priorityArea.archive": acts("priorityAreaId", STEERING),
  "priorityArea.restore": acts("priorityAreaId", STEERING),
  /** The partnership members a new sub-group's leads are picked from (the create form's list). */
  "priorityArea.candidateLeads": acts("partnershipSlug", STEERING),

  // --- sub-groups ------------------------------------------------------------------
  "subGroup.list": reads("partnershipSlug", ALL_ROLES),
  "subGroup.get": reads("subGroupId", ALL_ROLES),
  "subGroup.create": acts("priorityAreaId", STEERING),
  "subGroup.update": acts("subGroupId", STEERING, "subGroupLead"),
  "subGroup.archive": acts("subGroupId", STEERING),
  "subGroup.join": acts("subGroupId", PARTICIPANTS),
  "subGroup.leave": observersToo("subGroupId", NOBODY, "subGroupMember"),
  "subGroup.withdrawRequest": acts("joinRequestId", PARTICIPANTS),
  "subGroup.pendingRequests": acts("subGroupId", OFFICERS, "subGroupLead"),
  "subGroup.decideRequest": acts("joinRequestId", OFFICERS, "subGroupLead"),
  "subGroup.removeMember": acts("subGroupId", OFFICERS, "subGroupLead"),
  "subGroup.setMemberRole": acts("subGroupId", OFFICERS, "subGroupLead"),

  // --- sub-group space: conversations, notes, activity ---------------------------------
  "discussion.threads": reads("subGroupId", STEERING, "subGroupMember"),
  "discussion.thread": reads("threadId", STEERING, "subGroupMember"),
  "discussion.startThread": acts("subGroupId", STEERING, "subGroupMember"),
  "discussion.reply": acts("threadId", STEERING, "subGroupMember"),
  "discussion.addNote": acts("subGroupId", STEERING, "subGroupLead"),
  "discussion.setNotePinned": acts("noteId", STEERING, "subGroupLead"),
  "discussion.activity": reads("subGroupId", STEERING, "subGroupMember"),
  /** The people an @mention may name (the post form's list). */
  "discussion.mentionable": acts("subGroupId", STEERING, "subGroupMember"),

  // --- directory and map -----------------------------------------------------------
  "directory.people": reads("partnershipSlug", ALL_ROLES),
  "directory.organisations": reads("partnershipSlug", ALL_ROLES),
  "directory.person": reads("partnershipSlug", ALL_ROLES),
  "directory.organisation": reads("partnershipSlug", ALL_ROLES),
  /** The localities, priority areas and interest tags the directory's search form offers. */
  "directory.filterOptions": reads("partnershipSlug", ALL_ROLES),
  "directory.setOrganisationVerified": acts("partnershipSlug", OFFICERS),
  /** Its charity, Scottish charity and company numbers, for open grants data. */
  "directory.setOrganisationNumbers": acts("partnershipSlug", OFFICERS),
  "directory.map": reads("partnershipSlug", ALL_ROLES),

  // --- funding: only officers move money; steering roles read the figures ------------
  "funding.funds": reads("partnershipSlug", STEERING),
  "funding.fund": reads("fundId", STEERING),
  "funding.createFund": acts("partnershipSlug", OFFICERS),
  /** The organisations a new fund's money may come from (the create form's list). */
  "funding.funderOptions": acts("partnershipSlug", OFFICERS),
  "funding.setFundFunder": acts("fundId", OFFICERS),
  "funding.addRingFence": acts("fundId", OFFICERS),
  "funding.createRound": acts("fundId", OFFICERS),
  "funding.changeRoundStatus": acts("roundId", OFFICERS),
  /** The documents a round's proposals must attach ("Constitution", "Latest accounts"...). */
  "funding.setRequiredDocuments": acts("roundId", OFFICERS),
  "funding.awardGrant": acts("fundId", OFFICERS),
  "funding.payTranche": acts("awardId", OFFICERS),
  "funding.varyAward": acts("awardId", OFFICERS),
  "funding.withdrawAward": acts("awardId", OFFICERS),
  "funding.returnUnderspend": acts("awardId", OFFICERS),
  "funding.completeAward": acts("awardId", OFFICERS),
  "funding.setAwardPublished": acts("awardId", OFFICERS),
  /** Everyone sees published awards; members also see their own organisation's. */
  "funding.fundedProjects": reads("partnershipSlug", ALL_ROLES),
  "funding.exportAwards": acts("fundId", OFFICERS),
  "funding.exportLedger": acts("fundId", OFFICERS),
  "funding.exportAwardsTable": acts("fundId", OFFICERS),
  "funding.exportLedgerTable": acts("fundId", OFFICERS),
  "funding.auditLog": acts("partnershipSlug", OFFICERS),
  "funding.exportAuditLogTable": acts("partnershipSlug", OFFICERS),

  // --- proposals: co-written in a sub-group ------------------------------------------
  "proposal.forSubGroup": reads("subGroupId", OFFICERS, "subGroupMember"),
  /** The rounds a sub-group's proposal may be submitted to (the start form's list). */
  "proposal.openRounds": acts("subGroupId", OFFICERS, "subGroupMember"),
  "proposal.create": with_(acts("subGroupId", NOBODY, "subGroupMember"), {
    refusal: (grant) =>
      grant.membership?.role === "OBSERVER"
        ? OBSERVER_REFUSAL
        : "Only members of this sub-group can start a proposal in it: join it first.",
  }),
  /** Proposals the actor writes or co-writes (scoped to the actor in the query). */
  "proposal.mine": reads("partnershipSlug", PARTICIPANTS),
  /** Who may read a proposal: its sub-group, its authors, officers, and (once submitted) its round's panel. */
  "proposal.get": reads("proposalId", OFFICERS, "subGroupMember", "proposalAuthor", "assessor"),
  "proposal.revisions": reads("proposalId", OFFICERS, "subGroupMember", "proposalAuthor", "assessor"),
  "proposal.compare": reads("proposalId", OFFICERS, "subGroupMember", "proposalAuthor", "assessor"),
  "proposal.timeline": reads("proposalId", OFFICERS, "subGroupMember", "proposalAuthor", "assessor"),
  /** The sub-group, the authors and officers comment (assessors score instead). */
  "proposal.comment": acts("proposalId", OFFICERS, "subGroupMember", "proposalAuthor"),
  "proposal.saveSection": acts("proposalId", NOBODY, "proposalAuthor"),
  "proposal.chooseRound": acts("proposalId", NOBODY, "proposalAuthor"),
  "proposal.submit": acts("proposalId", NOBODY, "proposalAuthor"),
  "proposal.returnToDraft": acts("proposalId", NOBODY, "proposalAuthor"),
  "proposal.withdraw": acts("proposalId", NOBODY, "leadAuthor"),
  "proposal.coAuthorCandidates": acts("proposalId", NOBODY, "leadAuthor"),
  "proposal.addCoAuthor": acts("proposalId", NOBODY, "leadAuthor"),
  "proposal.removeCoAuthor": acts("proposalId", NOBODY, "leadAuthor"),
  /** The lead hands the proposal to a co-author; officers may too (e.g. before the lead's role changes). */
  "proposal.changeLeadAuthor": acts("proposalId", OFFICERS, "leadAuthor"),

  // --- assessment: officers run the panel; assessors score; officers decide -------------
  "assessment.overview": acts("roundId", OFFICERS),
  "assessment.panelCandidates": acts("roundId", OFFICERS),
  "assessment.appointAssessor": acts("roundId", OFFICERS),
  "assessment.removeAssessor": acts("roundId", OFFICERS),
  "assessment.startAssessment": acts("roundId", OFFICERS),
  /** The proposals the actor is asked to score (scoped to the actor's panels in the query). */
  "assessment.mine": reads("partnershipSlug", ALL_ROLES),
  "assessment.scoreSheet": acts("proposalId", NOBODY, "assessor"),
  "assessment.saveScores": acts("proposalId", NOBODY, "assessor"),
  "assessment.declareConflict": acts("proposalId", NOBODY, "assessor"),
  "assessment.decide": with_(acts("proposalId", OFFICERS), {
    unless: { check: "proposalAuthor", refusal: "You co-wrote this proposal, so another officer must decide it." },
  }),

  // --- funded projects -----------------------------------------------------------------
  "project.setUp": acts("awardId", OFFICERS),
  "project.list": reads("partnershipSlug", STEERING),
  "project.mine": reads("partnershipSlug", ALL_ROLES),
  "project.get": reads("projectId", STEERING, "projectTeam"),
  "project.saveUpdate": acts("projectId", NOBODY, "projectTeam"),
  "project.submitUpdate": acts("updateId", NOBODY, "projectTeam"),
  "project.reviewUpdate": acts("updateId", OFFICERS),
  "project.submitEvaluation": acts("projectId", NOBODY, "projectLead"),
  "project.decide": acts("projectId", OFFICERS),
  "project.timeline": reads("projectId", STEERING, "projectTeam"),
  "project.teamCandidates": acts("projectId", OFFICERS, "projectLead"),
  "project.addTeamMember": acts("projectId", OFFICERS, "projectLead"),
  "project.removeTeamMember": acts("projectId", OFFICERS, "projectLead"),
  /** Hands the project's lead to someone else on its team. */
  "project.changeLead": acts("projectId", OFFICERS),

  // --- dashboards and transparency --------------------------------------------------------
  "portfolio.overview": reads("partnershipSlug", STEERING),
  "portfolio.subGroup": reads("subGroupId", STEERING, "subGroupMember"),
  "portfolio.myWork": reads("partnershipSlug", ALL_ROLES),
  /** The public page of a partnership that chose to publish: no personal data, no sign-in. */
  "transparency.portfolio": anyone,
  "transparency.openGrants": anyone,
  "transparency.setPublished": acts("partnershipSlug", OFFICERS),

  // --- stories (#PositivePartnerships) ---------------------------------------------------
  "story.list": reads("partnershipSlug", ALL_ROLES),
  "story.mine": reads("partnershipSlug", PARTICIPANTS),
  "story.moderationQueue": acts("partnershipSlug", OFFICERS),
  /** The organisations and projects a story may be linked to (the form's lists). */
  "story.linkOptions": acts("partnershipSlug", PARTICIPANTS),
  /** A story is read by the whole partnership once published; until then by its author and officers. */
  "story.get": reads("storyId", OFFICERS, "storyAuthor", "publishedStory"),
  "story.create": acts("partnershipSlug", PARTICIPANTS),
  "story.update": with_(acts("storyId", NOBODY, "storyAuthor"), { refusal: "Only the story's author can change it." }),
  "story.submit": with_(acts("storyId", NOBODY, "storyAuthor"), { refusal: "Only the story's author can send it for publishing." }),
  "story.withdraw": with_(acts("storyId", NOBODY, "storyAuthor"), { refusal: "Only the story's author can withdraw it." }),
  "story.moderate": acts("storyId", OFFICERS),
  "story.comment": acts("storyId", PARTICIPANTS),
  /** Published stories their authors made public, on a partnership's public page. */
  "story.publicList": anyone,
  "story.publicGet": anyone,

  // --- events: organisers are steering roles, the event's creator and (for a meeting) the sub-group's leads ---
  "event.list": reads("partnershipSlug", ALL_ROLES),
  "event.get": reads("eventId", ALL_ROLES),
  /** The .ics file for calendar apps. */
  "event.calendar": reads("eventId", ALL_ROLES),
  /** Officers and chairs create any kind of event; a sub-group's leads its meetings (see event.hostMeeting). */
  "event.create": acts("partnershipSlug", PARTICIPANTS),
  "event.update": acts("eventId", STEERING, "eventOrganiser"),
  "event.cancel": acts("eventId", STEERING, "eventOrganiser"),
  "event.rsvp": observersToo("eventId", ALL_ROLES),
  "event.cancelRsvp": observersToo("eventId", ALL_ROLES),
  "event.attendees": acts("eventId", STEERING, "eventOrganiser"),
  "event.markAttendance": acts("eventId", STEERING, "eventOrganiser"),
  "event.generateNetworking": acts("eventId", STEERING, "eventOrganiser"),
  "event.networking": acts("eventId", STEERING, "eventOrganiser"),
  /** How the queued planning of the rounds is getting on. */
  "event.networkingPlanning": acts("eventId", STEERING, "eventOrganiser"),
  "event.mySchedule": reads("eventId", ALL_ROLES),
  "event.logConnection": with_(acts("eventId", NOBODY, "wasAtEvent"), {
    refusal: "You can log a connection only from an event you were at.",
  }),
  "event.myConnections": reads("partnershipSlug", ALL_ROLES),
  /** The sub-groups both people of a connection belong to (where a proposal may start). */
  "event.connectionSubGroups": acts("connectionId", NOBODY, "connectionParty"),
  "event.startProposal": acts("connectionId", NOBODY, "connectionParty"),

  // --- reflections and surveys -----------------------------------------------------------
  "reflection.questionSets": acts("partnershipSlug", PARTICIPANTS),
  "reflection.createQuestionSet": acts("partnershipSlug", PARTICIPANTS),
  "reflection.questionSet": with_(acts("partnershipSlug", OFFICERS), { refusal: "Only the partnership's officers can change a question set." }),
  "reflection.updateQuestionSet": with_(acts("partnershipSlug", OFFICERS), {
    refusal: "Only the partnership's officers can change a question set.",
  }),
  "reflection.list": reads("partnershipSlug", ALL_ROLES),
  /** Officers and chairs run one for anyone; leads for their sub-group or project (see the refinements). */
  "reflection.create": acts("partnershipSlug", PARTICIPANTS),
  "reflection.get": reads("surveyId", STEERING, "surveyRunner", "surveyAudience", "surveyRespondent"),
  "reflection.respond": with_(observersToo("surveyId", NOBODY, "surveyAudience"), {
    refusal: "Only the people this reflection was sent to can answer it.",
  }),
  "reflection.results": reads("surveyId", STEERING, "surveyRunner", "surveyAudience", "surveyRespondent"),
  "reflection.exportCsv": acts("surveyId", STEERING, "surveyRunner"),
  "reflection.exportTable": acts("surveyId", STEERING, "surveyRunner"),
  "reflection.close": acts("surveyId", STEERING, "surveyRunner"),
  "reflection.trend": reads("subGroupId", STEERING, "subGroupMember"),
  /** With the respondent's consent (their own act), an answer becomes a draft story. */
  "reflection.answerToStory": with_(acts("answerId", NOBODY, "answerRespondent"), {
    refusal: (grant) =>
      grant.membership?.role === "OBSERVER"
        ? OBSERVER_REFUSAL
        : grant.answer?.anonymous
          ? "Anonymous answers stay anonymous, so they cannot become stories. You can write a story of your own instead."
          : "Only the person who gave an answer can turn it into a story.",
  }),

  // --- files: every decision goes through the owner's own rules (see the refinements) ----
  /** The files of one owner (a proposal, an update...): allowed when the owner's read rule allows. */
  "file.list": signedIn,
  /** Removes a file and all its versions: its uploader while the owner takes changes, or an officer. */
  "file.remove": signedIn,
  /** How much the partnership stores, against its limit (the administration page). */
  "file.storageUse": acts("partnershipSlug", OFFICERS),

  // --- the resource library: officers and chairs curate; members share links -------------
  "library.browse": reads("partnershipSlug", ALL_ROLES),
  "library.get": reads("libraryResourceId", ALL_ROLES),
  "library.createFolder": acts("partnershipSlug", STEERING),
  "library.renameFolder": acts("libraryFolderId", STEERING),
  "library.moveFolder": acts("libraryFolderId", STEERING),
  "library.removeFolder": acts("libraryFolderId", STEERING),
  /** Members share a link with the partnership; only steering roles make one public (library.publish). */
  "library.addLink": acts("partnershipSlug", PARTICIPANTS),
  /** The same for a document; its file is then uploaded to it (file.attachToLibraryResource). */
  "library.addDocument": acts("partnershipSlug", PARTICIPANTS),
  "library.updateResource": with_(acts("libraryResourceId", STEERING, "resourceAdder"), { refusal: LIBRARY_REFUSAL }),
  "library.moveResource": with_(acts("libraryResourceId", STEERING, "resourceAdder"), { refusal: LIBRARY_REFUSAL }),
  "library.removeResource": with_(acts("libraryResourceId", STEERING, "resourceAdder"), { refusal: LIBRARY_REFUSAL }),
  /** The public resources of a partnership that publishes its page: no personal data, no sign-in. */
  "library.publicList": anyone,

  // --- notifications (always the actor's own) -------------------------------------------
  "notification.list": signedIn,
  "notification.unreadCount": signedIn,
  "notification.markRead": signedIn,
  "notification.markAllRead": signedIn,
} as const satisfies Record<string, Rule>;

/**
 * Decisions a procedure makes about something its input chooses (not a procedure of their
 * own): the domain asks them through `authorize` with the chosen id, so they are decided
 * here like everything else.
 */
export const refinementRules = {
  /** Any kind of event (officers and chairs); others arrange meetings of sub-groups they lead. */
  "event.createAnyKind": with_(acts("partnershipSlug", STEERING), {
    refusal: "Only officers and chairs arrange events for the whole partnership; a sub-group's leads arrange its meetings.",
  }),
  "event.hostMeeting": with_(acts("subGroupId", STEERING, "subGroupLead"), {
    refusal: "Only the sub-group's leads (or an officer or chair) can arrange its meetings.",
  }),
  "reflection.runForPartnership": with_(acts("partnershipSlug", STEERING), {
    refusal: "Only officers and chairs can run a reflection for the whole partnership.",
  }),
  "reflection.runForSubGroup": with_(acts("subGroupId", STEERING, "subGroupLead"), {
    refusal: "Only the sub-group's leads (or an officer or chair) can run a reflection for it.",
  }),
  "reflection.runForProject": with_(acts("projectId", STEERING, "projectLead"), {
    refusal: "Only the project's lead (or an officer or chair) can run a reflection for its team.",
  }),
  /** Members (not observers) also see the awards to their own organisation, published or not. */
  "funding.ownOrganisationsAwards": reads("partnershipSlug", PARTICIPANTS),
  /**
   * Attaching files: each owner kind's row (server/domain/files/owners.ts) names one. The
   * file procedures and the upload and download routes first ask the owner's read rule.
   */
  "file.attachToProposal": with_(acts("proposalId", NOBODY, "proposalAuthor"), { refusal: "Only the proposal's authors can attach files to it." }),
  "file.attachToUpdate": with_(acts("updateId", NOBODY, "projectTeam"), { refusal: "Only the project's team can add evidence to its updates." }),
  "file.attachToEvaluation": with_(acts("projectId", NOBODY, "projectLead"), { refusal: "Only the project's lead can add evidence to its evaluation." }),
  "file.attachToStory": with_(acts("storyId", NOBODY, "storyAuthor"), { refusal: "Only the story's author can add images to it." }),
  /** A library document's file (and its new versions): whoever may change the resource. */
  "file.attachToLibraryResource": with_(acts("libraryResourceId", STEERING, "membersOnlyResourceAdder"), {
    refusal: "Only the person who added a document, or an officer or chair, can upload a new version of it; once it is on the public page, only officers and chairs.",
  }),
  /** A sub-group's shared folder: read by its members (observers in it too) and by officers and chairs. */
  "file.readSubGroup": reads("subGroupId", STEERING, "subGroupMember"),
  "file.attachToSubGroup": with_(acts("subGroupId", STEERING, "subGroupMember"), {
    refusal: (grant) =>
      grant.membership?.role === "OBSERVER" ? OBSERVER_REFUSAL : "Only the sub-group's members (and officers and chairs) can add files to its shared folder: join it first.",
  }),
  /** Organisers (whoever may change the event) add its flyer and slides. */
  "file.attachToEvent": with_(acts("eventId", STEERING, "eventOrganiser"), { refusal: "Only the event's organisers (or an officer or chair) can add its flyer and slides." }),
  /** Whoever may reply in a discussion may attach files to it. */
  "file.attachToThread": with_(acts("threadId", STEERING, "subGroupMember"), { refusal: "Only the sub-group's members can add files to its discussions." }),
  /** Officers remove any file in their partnership (e.g. personal data attached by mistake); others only what they uploaded. */
  "file.removeAny": acts("partnershipSlug", OFFICERS),
  /** Putting a library resource on the public page, or changing one that is there. */
  "library.publish": with_(acts("partnershipSlug", STEERING), {
    refusal: "Only officers and chairs put resources on the public page or change one that is there; members share resources with the partnership.",
  }),
  /** A connection between two other people is theirs alone. */
  "event.seeConnection": reads("connectionId", NOBODY, "connectionParty"),
} as const satisfies Record<string, Rule>;

export type ProcedurePath = keyof typeof procedureRules;
export type Action = ProcedurePath | keyof typeof refinementRules;

export const rules: Readonly<Record<Action, Rule>> = { ...procedureRules, ...refinementRules };

export function ruleFor(path: string): Rule | undefined {
  return Object.hasOwn(rules, path) ? rules[path as Action] : undefined;
}
