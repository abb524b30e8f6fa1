import type { Database } from "@/server/db/client";

/** One kind of personal data a partnership holds, counted, with who in the partnership sees it. */
export type PersonalDataHeld = { key: string; what: string; count: number; seenBy: string };

/**
 * What personal data one partnership holds, in summary, for its officers (UK GDPR Article 30
 * records, and answering "what do you hold about our members?"). Counts only: the records
 * themselves are on the pages that use them, and each person can download their own.
 */
export async function personalDataHeld(db: Database, partnershipId: string, now: Date = new Date()): Promise<PersonalDataHeld[]> {
  const inPartnership = { partnershipId };
  const inSubGroups = { subGroup: inPartnership };
  const [
    members,
    listed,
    phones,
    invitations,
    joinRequests,
    threads,
    replies,
    notes,
    proposalComments,
    assessments,
    conflicts,
    updates,
    rsvps,
    seats,
    connections,
    namedAnswers,
    anonymousAnswers,
    stories,
    storyComments,
    audit,
    closing,
  ] = await Promise.all([
    db.membership.count({ where: inPartnership }),
    db.user.count({ where: { listedInDirectory: true, memberships: { some: inPartnership } } }),
    db.user.count({ where: { showPhone: true, phone: { not: null }, memberships: { some: inPartnership } } }),
    db.invitation.count({ where: { ...inPartnership, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } } }),
    db.joinRequest.count({ where: { ...inSubGroups, status: "PENDING" } }),
    db.thread.count({ where: inSubGroups }),
    db.reply.count({ where: { thread: inSubGroups } }),
    db.subGroupNote.count({ where: inSubGroups }),
    db.proposalComment.count({ where: { proposal: inPartnership } }),
    db.assessment.count({ where: { proposal: inPartnership } }),
    db.conflictDeclaration.count({ where: { proposal: inPartnership } }),
    db.progressUpdate.count({ where: { project: inPartnership } }),
    db.eventRsvp.count({ where: { event: inPartnership } }),
    db.networkingSeat.count({ where: { table: { round: { event: inPartnership } } } }),
    db.connection.count({ where: inPartnership }),
    db.surveyResponse.count({ where: { survey: inPartnership, respondentId: { not: null } } }),
    db.surveyResponse.count({ where: { survey: inPartnership, respondentId: null } }),
    db.story.count({ where: inPartnership }),
    db.storyComment.count({ where: { story: inPartnership } }),
    db.auditEvent.count({ where: inPartnership }),
    db.erasureRequest.count({ where: { state: "REQUESTED", user: { memberships: { some: inPartnership } } } }),
  ]);
  return [
    { key: "members", what: "Members: name, email address, organisation, role and locality", count: members, seenBy: "Members see the directory; officers see email addresses" },
    { key: "listed", what: "Members listed in the directory, with their profile", count: listed, seenBy: "Members of the partnership" },
    { key: "phones", what: "Members who show a phone number", count: phones, seenBy: "Members of the partnership" },
    { key: "invitations", what: "Open invitations (the email address of someone not yet a member)", count: invitations, seenBy: "Officers" },
    { key: "joinRequests", what: "Requests to join a sub-group, waiting for a decision", count: joinRequests, seenBy: "The sub-group's leads and officers" },
    { key: "conversations", what: "Conversation posts, replies and pinned notes", count: threads + replies + notes, seenBy: "The sub-group's members" },
    { key: "proposalComments", what: "Comments on proposals", count: proposalComments, seenBy: "The sub-group and the proposal's authors" },
    { key: "assessments", what: "Assessors' scores and declared conflicts of interest", count: assessments + conflicts, seenBy: "Officers and, after scoring, the panel" },
    { key: "updates", what: "Progress updates, naming who wrote them", count: updates, seenBy: "The project team and officers" },
    { key: "events", what: "Replies to events and attendance", count: rsvps, seenBy: "The organisers and officers" },
    { key: "networking", what: "Speed-networking places and the connections people logged", count: seats + connections, seenBy: "The people concerned and the organisers" },
    { key: "namedAnswers", what: "Named reflection answers", count: namedAnswers, seenBy: "The people running the reflection" },
    { key: "anonymousAnswers", what: "Anonymous reflection answers (not linked to anyone, so not personal data)", count: anonymousAnswers, seenBy: "The people running the reflection" },
    { key: "stories", what: "Stories and comments on them, naming their authors", count: stories + storyComments, seenBy: "Members; published stories also publicly" },
    { key: "audit", what: "Entries in the record of changes, naming who made them", count: audit, seenBy: "Officers" },
    { key: "closing", what: "Members who have asked to close their account", count: closing, seenBy: "Officers" },
  ];
}
