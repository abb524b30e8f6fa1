/**
 * Where Tandem keeps personal data: for every table, the columns that point at a person
 * (a User id), what the row is, and which section of "Download my data" carries it. The
 * export (export.ts) reads every table listed here; erasure can walk the same list to find
 * every row that names a person. A test checks that every User relation in the schema is
 * listed, so a new table that names people cannot be forgotten by either.
 *
 * `section: null` marks rows that name the person but are not theirs to retrieve or hold
 * nothing about them beyond the link (e.g. who last edited a proposal section, which the
 * revisions already carry).
 */
export type PersonalDataTable = {
  /** The Prisma model. */
  table: string;
  /** Columns holding a User id. */
  personColumns: readonly string[];
  /** The export section that carries these rows, or null. */
  section: string | null;
  note: string;
};

export const PERSONAL_DATA_INVENTORY: readonly PersonalDataTable[] = [
  { table: "User", personColumns: ["id"], section: "profile", note: "The person's profile, directory settings and email choices." },
  { table: "Account", personColumns: ["userId"], section: "signInAccounts", note: "Sign-in providers; tokens are never exported." },
  { table: "Session", personColumns: ["userId"], section: "sessions", note: "Signed-in sessions: dates only, never the session token." },
  { table: "CalendarFeed", personColumns: ["userId"], section: "calendarFeed", note: "When the calendar link was made; never its hash." },
  { table: "Membership", personColumns: ["userId"], section: "memberships", note: "Partnerships and roles." },
  { table: "SubGroupMembership", personColumns: ["userId"], section: "subGroupMemberships", note: "Sub-groups and roles." },
  { table: "JoinRequest", personColumns: ["userId", "decidedById"], section: "joinRequests", note: "Requests to join a sub-group (the person's own)." },
  { table: "Invitation", personColumns: ["invitedById", "acceptedById"], section: "invitationsSent", note: "Invitations the person sent; the invitee's email is not exported." },
  { table: "Thread", personColumns: ["authorId"], section: "threads", note: "Conversations started." },
  { table: "Reply", personColumns: ["authorId"], section: "replies", note: "Replies posted." },
  { table: "SubGroupNote", personColumns: ["authorId"], section: "subGroupNotes", note: "Pinned notes written." },
  { table: "Activity", personColumns: ["actorId"], section: "activity", note: "Changes the person made, as the activity feed records them." },
  { table: "Notification", personColumns: ["userId"], section: "notifications", note: "Notifications sent to the person." },
  { table: "Proposal", personColumns: ["createdById"], section: "proposals", note: "Proposals started." },
  { table: "ProposalAuthor", personColumns: ["userId", "addedById"], section: "proposals", note: "Proposals written or co-written." },
  { table: "ProposalSection", personColumns: ["updatedById"], section: null, note: "Who saved a section last; the revisions carry the person's words." },
  { table: "ProposalRevision", personColumns: ["authorId"], section: "proposalRevisions", note: "Every save of a proposal section." },
  { table: "ProposalComment", personColumns: ["authorId"], section: "proposalComments", note: "Comments on proposals." },
  { table: "ProposalEvent", personColumns: ["actorId"], section: "proposalEvents", note: "Steps in a proposal's timeline the person took." },
  { table: "RoundAssessor", personColumns: ["userId", "appointedById"], section: "assessorAppointments", note: "Assessment panels the person sits on." },
  { table: "Assessment", personColumns: ["assessorId"], section: "assessments", note: "Scores given as an assessor." },
  { table: "ConflictDeclaration", personColumns: ["assessorId"], section: "conflictDeclarations", note: "Conflicts of interest declared." },
  { table: "ProposalDecision", personColumns: ["decidedById"], section: "decisionsMade", note: "Decisions on proposals the person made." },
  { table: "FundedProject", personColumns: ["createdById"], section: null, note: "Projects set up (an officer's act; in the audit trail)." },
  { table: "ProjectTeamMember", personColumns: ["userId"], section: "projectTeams", note: "Project teams." },
  { table: "ProgressUpdate", personColumns: ["authorId", "reviewedById"], section: "progressUpdates", note: "Progress updates written." },
  { table: "ProjectEvaluation", personColumns: ["authorId"], section: "evaluations", note: "End-of-test evaluations written." },
  { table: "ProjectDecision", personColumns: ["decidedById"], section: null, note: "A partnership decision, recorded in the audit trail." },
  {
    table: "StoredFileVersion",
    personColumns: ["uploadedById"],
    section: "filesUploaded",
    note: "Files uploaded: their details are exported; the files stay with what they are attached to, shown as uploaded by \"Former member\" after erasure.",
  },
  { table: "Story", personColumns: ["authorId"], section: "stories", note: "Stories written." },
  { table: "StoryComment", personColumns: ["authorId"], section: "storyComments", note: "Comments on stories." },
  { table: "StoryModeration", personColumns: ["actorId"], section: null, note: "An officer's moderation step; the author sees their story's status." },
  { table: "LibraryResource", personColumns: ["addedById"], section: "libraryResources", note: "Links shared in a partnership's library; they stay the partnership's, shown as added by \"Former member\" after erasure." },
  { table: "EventSeries", personColumns: ["createdById"], section: null, note: "Event series organised." },
  { table: "Event", personColumns: ["createdById"], section: null, note: "Events organised." },
  { table: "EventRsvp", personColumns: ["userId"], section: "eventRsvps", note: "Answers to events, and attendance." },
  { table: "NetworkingSeat", personColumns: ["userId"], section: "networkingSeats", note: "Speed networking tables sat at." },
  { table: "Connection", personColumns: ["fromUserId", "toUserId"], section: "connections", note: "People met and logged; a note only when the person wrote it." },
  { table: "QuestionSet", personColumns: ["createdById"], section: null, note: "Reflection question sets written." },
  { table: "Survey", personColumns: ["createdById"], section: null, note: "Reflections run (an organiser's act; in the audit trail)." },
  { table: "SurveyParticipant", personColumns: ["userId"], section: "reflectionsTakenPart", note: "Reflections answered, named or anonymous (not which answers)." },
  {
    table: "SurveyResponse",
    personColumns: ["respondentId"],
    section: "reflectionAnswers",
    note: "Named reflection answers only: an anonymous response has no respondent, so it cannot be traced back to anyone.",
  },
  { table: "PersonalDataExport", personColumns: ["userId"], section: null, note: "Copies of this data, kept for a few days." },
  { table: "ErasureRequest", personColumns: ["userId"], section: null, note: "A request to close the account: shown on the account page; erased with the rest." },
  { table: "ImportBatch", personColumns: ["createdById"], section: null, note: "Spreadsheets of other people an officer imported: their rows are about the people invited, not the officer." },
  {
    table: "AuditEvent",
    personColumns: ["actorId", "subjectId (when subjectType is User, or Membership of the person)"],
    section: "auditEntries",
    note: "Audit entries where the person acted or was the subject.",
  },
];

/** Audit subject types whose subjectId names a person directly (a User) or through one of their rows. */
export const PERSON_AUDIT_SUBJECTS = { user: "User", membership: "Membership" } as const;
