/**
 * Every address in Tandem, built in one place. Pages, emails and notifications link with
 * these instead of writing `/p/${slug}/…` by hand, so a route that moves moves everywhere.
 */

const q = (params: Record<string, string | number | undefined | null>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : "";
};

export const paths = {
  home: () => "/",
  signIn: (callbackUrl?: string) => `/signin${q({ callbackUrl })}`,
  checkEmail: () => "/signin/check-email",
  account: () => "/account",
  /** The account page's calendar feed section. */
  accountCalendarFeed: () => "/account#calendar-feed",
  /** The account page's "Download your data" section, and one export's zip. */
  accountDataExport: () => "/account#download-your-data",
  dataExportDownload: (exportId: string) => `/account/data-export/${encodeURIComponent(exportId)}`,
  /** Uploads (POST, the file as the body): what it is attached to, in the query. */
  fileUpload: (target: { ownerKind: string; ownerId: string; slot?: string | null; fileId?: string | null }) =>
    `/api/files${q({ ownerKind: target.ownerKind, ownerId: target.ownerId, slot: target.slot ?? undefined, fileId: target.fileId ?? undefined })}`,
  /** A file: its current version, or `version`; `inline` shows an image or PDF in the browser. */
  fileDownload: (fileId: string, options: { version?: number; inline?: boolean } = {}) =>
    `/api/files/${encodeURIComponent(fileId)}${q({ version: options.version ? String(options.version) : undefined, inline: options.inline ? "1" : undefined })}`,
  fileThumbnail: (fileId: string, version?: number) =>
    `/api/files/${encodeURIComponent(fileId)}/thumbnail${q({ version: version ? String(version) : undefined })}`,
  notifications: () => "/notifications",
  notificationsPage: (search: { unreadOnly?: boolean; after?: string } = {}) =>
    `/notifications${q({ show: search.unreadOnly ? "unread" : undefined, after: search.after })}`,
  openNotification: (notificationId: string) => `/notifications/${notificationId}/open`,
  invitation: (token: string) => `/invite/${token}`,
  outbox: () => "/dev/outbox",
  accessibilityStatement: () => "/accessibility",
  privacyNotice: () => "/privacy",
  cookies: () => "/cookies",

  publicPage: (slug: string) => `/public/${slug}`,
  publicStories: (slug: string) => `/public/${slug}/stories`,
  publicStoriesOfTheme: (slug: string, theme: string) => `/public/${slug}/stories${q({ theme })}`,
  publicStory: (slug: string, storyId: string) => `/public/${slug}/stories/${storyId}`,
  /** The public page's list of the partnership's public resources. */
  publicLibrary: (slug: string) => `/public/${slug}#resources`,
  publicPortfolioCsv: (slug: string) => `/public/${slug}/portfolio.csv`,
  publicPortfolioXlsx: (slug: string) => `/public/${slug}/portfolio.xlsx`,
  openGrantsJson: (slug: string) => `/public/${slug}/grants.json`,
  openGrantsCsv: (slug: string) => `/public/${slug}/grants.csv`,

  partnership: (slug: string) => `/p/${slug}`,
  admin: (slug: string) => `/p/${slug}/admin`,
  membersCsv: (slug: string) => `/p/${slug}/admin/members.csv`,
  membersXlsx: (slug: string) => `/p/${slug}/admin/members.xlsx`,
  /** Importing members from a spreadsheet; with a batch, its preview or progress. */
  memberImport: (slug: string, batchId?: string) => `/p/${slug}/admin/import${q({ batch: batchId })}`,
  memberImportUpload: (slug: string) => `/p/${slug}/admin/import/upload`,
  memberImportTemplate: (slug: string, format: "csv" | "xlsx") => `/p/${slug}/admin/import/template.${format}`,
  myWork: (slug: string) => `/p/${slug}/my-work`,
  priorities: (slug: string) => `/p/${slug}/priorities`,
  priorityArea: (slug: string, priorityAreaId: string) => `/p/${slug}/priorities#area-${priorityAreaId}`,
  map: (slug: string) => `/p/${slug}/map`,
  dashboard: (slug: string, search?: Record<string, string | undefined>) => `/p/${slug}/dashboard${q(search ?? {})}`,

  subGroup: (slug: string, groupId: string) => `/p/${slug}/groups/${groupId}`,
  subGroupDiscussions: (slug: string, groupId: string) => `/p/${slug}/groups/${groupId}/discussions`,
  discussion: (slug: string, groupId: string, threadId: string) => `/p/${slug}/groups/${groupId}/discussions/${threadId}`,
  /** The sub-group's activity feed on its conversations page, from the newest or after a page cursor. */
  subGroupActivity: (slug: string, groupId: string, after?: string) =>
    `/p/${slug}/groups/${groupId}/discussions${q({ activityAfter: after })}#activity-heading`,
  subGroupProjects: (slug: string, groupId: string, search?: Record<string, string | undefined>) =>
    `/p/${slug}/groups/${groupId}/projects${q(search ?? {})}`,
  subGroupProposals: (slug: string, groupId: string) => `/p/${slug}/groups/${groupId}/proposals`,
  subGroupReflections: (slug: string, groupId: string) => `/p/${slug}/groups/${groupId}/reflections`,
  subGroupRequests: (slug: string, groupId: string) => `/p/${slug}/groups/${groupId}/requests`,

  directory: (slug: string, search?: Record<string, string | undefined>) => `/p/${slug}/directory${q(search ?? {})}`,
  person: (slug: string, userId: string) => `/p/${slug}/directory/people/${userId}`,
  organisation: (slug: string, organisationId: string) => `/p/${slug}/directory/organisations/${organisationId}`,
  connections: (slug: string) => `/p/${slug}/connections`,
  connection: (slug: string, connectionId: string) => `/p/${slug}/connections/${connectionId}`,

  proposals: (slug: string) => `/p/${slug}/proposals`,
  proposal: (slug: string, proposalId: string) => `/p/${slug}/proposals/${proposalId}`,
  editProposal: (slug: string, proposalId: string) => `/p/${slug}/proposals/${proposalId}/edit`,
  proposalSection: (slug: string, proposalId: string, section: string) => `/p/${slug}/proposals/${proposalId}#section-${section}`,
  proposalRevisions: (slug: string, proposalId: string, compare?: { from: number; to: number }) =>
    `/p/${slug}/proposals/${proposalId}/revisions${q({ from: compare?.from, to: compare?.to })}`,

  assessments: (slug: string) => `/p/${slug}/assess`,
  scoreSheet: (slug: string, proposalId: string) => `/p/${slug}/assess/${proposalId}`,

  funding: (slug: string) => `/p/${slug}/funding`,
  fund: (slug: string, fundId: string) => `/p/${slug}/funding/${fundId}`,
  award: (slug: string, fundId: string, awardId: string) => `/p/${slug}/funding/${fundId}/awards/${awardId}`,
  awardsCsv: (slug: string, fundId: string) => `/p/${slug}/funding/${fundId}/awards.csv`,
  ledgerCsv: (slug: string, fundId: string) => `/p/${slug}/funding/${fundId}/ledger.csv`,
  awardsXlsx: (slug: string, fundId: string) => `/p/${slug}/funding/${fundId}/awards.xlsx`,
  ledgerXlsx: (slug: string, fundId: string) => `/p/${slug}/funding/${fundId}/ledger.xlsx`,
  fundWholeLedger: (slug: string, fundId: string) => `/p/${slug}/funding/${fundId}?ledger=all#ledger`,
  fundingAudit: (slug: string) => `/p/${slug}/funding/audit`,
  fundingAuditFiltered: (slug: string, filter: { action?: string; from?: string; to?: string; page?: number }) =>
    `/p/${slug}/funding/audit${q(filter)}`,
  /** The audit log's downloads, with the page's filter (every page of entries, not only the one shown). */
  fundingAuditCsv: (slug: string, filter: { action?: string; from?: string; to?: string } = {}) =>
    `/p/${slug}/funding/audit.csv${q(filter)}`,
  fundingAuditXlsx: (slug: string, filter: { action?: string; from?: string; to?: string } = {}) =>
    `/p/${slug}/funding/audit.xlsx${q(filter)}`,
  roundAssessment: (slug: string, roundId: string) => `/p/${slug}/funding/rounds/${roundId}/assessment`,
  decide: (slug: string, roundId: string, proposalId: string) =>
    `/p/${slug}/funding/rounds/${roundId}/assessment/${proposalId}/decide`,

  projects: (slug: string, search?: Record<string, string | undefined>) => `/p/${slug}/projects${q(search ?? {})}`,
  fundedProjects: (slug: string) => `/p/${slug}/funded-projects`,
  project: (slug: string, projectId: string) => `/p/${slug}/projects/${projectId}`,
  newProgressUpdate: (slug: string, projectId: string, draftId?: string) =>
    `/p/${slug}/projects/${projectId}/updates/new${q({ draft: draftId })}`,

  events: (slug: string) => `/p/${slug}/events`,
  newEvent: (slug: string) => `/p/${slug}/events/new`,
  event: (slug: string, eventId: string) => `/p/${slug}/events/${eventId}`,
  editEvent: (slug: string, eventId: string) => `/p/${slug}/events/${eventId}/edit`,
  eventCalendar: (slug: string, eventId: string) => `/p/${slug}/events/${eventId}/calendar.ics`,
  /** A person's private calendar feed (a secret link for calendar apps, no session). */
  calendarFeed: (token: string) => `/calendar/${encodeURIComponent(token)}.ics`,

  stories: (slug: string) => `/p/${slug}/stories`,
  newStory: (slug: string) => `/p/${slug}/stories/new`,
  newStoryAboutProject: (slug: string, projectId: string) => `/p/${slug}/stories/new${q({ projectId })}`,
  myStories: (slug: string) => `/p/${slug}/stories/mine`,
  storyModeration: (slug: string) => `/p/${slug}/stories/moderation`,
  story: (slug: string, storyId: string) => `/p/${slug}/stories/${storyId}`,
  library: (slug: string, view: { folderId?: string; tag?: string; search?: string } = {}) =>
    `/p/${slug}/library${q({ folder: view.folderId, tag: view.tag, q: view.search })}`,
  newLibraryLink: (slug: string, folderId?: string) => `/p/${slug}/library/new${q({ folder: folderId })}`,
  newLibraryDocument: (slug: string, folderId?: string) => `/p/${slug}/library/new${q({ kind: "document", folder: folderId })}`,
  editLibraryResource: (slug: string, resourceId: string) => `/p/${slug}/library/${resourceId}/edit`,
  editStory: (slug: string, storyId: string) => `/p/${slug}/stories/${storyId}/edit`,

  reflections: (slug: string) => `/p/${slug}/reflections`,
  newReflection: (slug: string, search?: Record<string, string | undefined>) => `/p/${slug}/reflections/new${q(search ?? {})}`,
  newQuestionSet: (slug: string, templateKey?: string) => `/p/${slug}/reflections/question-sets/new${q({ template: templateKey })}`,
  editQuestionSet: (slug: string, questionSetId: string) => `/p/${slug}/reflections/question-sets/${questionSetId}/edit`,
  reflection: (slug: string, surveyId: string) => `/p/${slug}/reflections/${surveyId}`,
  reflectionResults: (slug: string, surveyId: string) => `/p/${slug}/reflections/${surveyId}/results`,
  reflectionResultsCsv: (slug: string, surveyId: string) => `/p/${slug}/reflections/${surveyId}/results.csv`,
  reflectionResultsXlsx: (slug: string, surveyId: string) => `/p/${slug}/reflections/${surveyId}/results.xlsx`,
} as const;

/** An address on this site made absolute, for emails and calendar entries. */
export function absoluteUrl(origin: string, path: string): string {
  return new URL(path, origin.endsWith("/") ? origin : `${origin}/`).toString();
}

/**
 * A stored link is only followed when it stays on this site: a path starting with a
 * single "/" (not "//host" or "/\\host", which browsers treat as another site).
 */
export function safeLinkPath(path: string | null | undefined): string | null {
  if (!path || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return null;
  return path;
}
