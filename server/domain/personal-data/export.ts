import JSZip from "jszip";
import { toCsv, type CsvValue } from "@/lib/csv";
import type { Actor } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import { Prisma, type PersonalDataExport } from "@/server/db/generated/client";
import { enqueueJob } from "@/server/jobs/queue";
import { recordAudit } from "@/server/domain/audit/record-audit";
import { notify } from "@/server/domain/notifications/notify";
import { paths } from "@/lib/paths";
import { notFound } from "@/server/errors";
import { dataExportTransition, effectiveDataExportState } from "./export-lifecycle";
import { PERSON_AUDIT_SUBJECTS } from "./inventory";

/**
 * "Download my data" (UK GDPR subject access): everything Tandem holds about one person,
 * across every partnership, read with their id from the tables listed in inventory.ts.
 *
 * What is left out, on purpose: secrets (session tokens, sign-in tokens, the calendar link's
 * hash), other people's email addresses (an invitation's address, a connection's), and
 * anonymous reflection answers, which carry no respondent by design and so are not theirs
 * to retrieve: only the fact that they took part is theirs.
 */

type Cell = string | number | boolean | null | Date | Prisma.JsonValue;
export type PersonalDataRow = Record<string, Cell>;

export const PERSONAL_DATA_SECTIONS = [
  ["profile", "Your profile, directory settings and email choices"],
  ["memberships", "The partnerships you belong to, and your role in each"],
  ["subGroupMemberships", "The sub-groups you belong to"],
  ["joinRequests", "Your requests to join sub-groups"],
  ["threads", "Conversations you started"],
  ["replies", "Replies you posted"],
  ["subGroupNotes", "Notes you pinned in sub-groups"],
  ["activity", "Changes you made, as the activity feeds record them"],
  ["proposals", "Proposals you started, wrote or co-wrote"],
  ["proposalRevisions", "Every save you made of a proposal section"],
  ["proposalComments", "Your comments on proposals"],
  ["proposalEvents", "Steps you took in proposals' timelines"],
  ["assessorAppointments", "Assessment panels you sit on"],
  ["assessments", "Scores you gave as an assessor"],
  ["conflictDeclarations", "Conflicts of interest you declared"],
  ["decisionsMade", "Decisions on proposals you recorded"],
  ["projectTeams", "Project teams you are in"],
  ["progressUpdates", "Progress updates you wrote"],
  ["evaluations", "End-of-test evaluations you wrote"],
  ["filesUploaded", "Files you uploaded (their names and details; download the files themselves where they are attached)"],
  ["stories", "Stories you wrote"],
  ["storyComments", "Your comments on stories"],
  ["libraryResources", "Resources you added to partnerships' libraries"],
  ["eventRsvps", "Your answers to events, and whether you attended"],
  ["networkingSeats", "Speed networking tables you sat at"],
  ["connections", "People you logged meeting, or who logged meeting you"],
  ["reflectionsTakenPart", "Reflections you answered (named or anonymous)"],
  ["reflectionAnswers", "Your answers to named reflections"],
  ["notifications", "Notifications sent to you"],
  ["sessions", "Your signed-in sessions (dates only)"],
  ["signInAccounts", "The ways you sign in"],
  ["calendarFeed", "Your private calendar link (when you made it)"],
  ["invitationsSent", "Invitations you sent (without the address they went to)"],
  ["auditEntries", "Audit trail entries about you or made by you"],
] as const;

export type PersonalDataSection = (typeof PERSONAL_DATA_SECTIONS)[number][0];

export type PersonalData = {
  generatedAt: Date;
  person: { id: string; name: string | null; email: string };
  sections: Record<PersonalDataSection, PersonalDataRow[]>;
};

/** Everything Tandem holds about the person, one section per kind of record. */
export async function collectPersonalData(db: Database, userId: string, now: Date = new Date()): Promise<PersonalData> {
  const user = await db.user.findUnique({ where: { id: userId }, include: { organisation: { select: { name: true } } } });
  if (!user) throw notFound("That person");
  const byUser = { userId };
  const authored = { authorId: userId };
  const partnership = { select: { name: true } } as const;
  const subGroupWithPartnership = { select: { name: true, partnership } } as const;

  const [
    memberships,
    subGroupMemberships,
    joinRequests,
    threads,
    replies,
    notes,
    activity,
    proposals,
    revisions,
    proposalComments,
    proposalEvents,
    assessorOf,
    assessments,
    conflicts,
    decisions,
    projectTeams,
    progressUpdates,
    evaluations,
    filesUploaded,
    stories,
    storyComments,
    rsvps,
    seats,
    connections,
    participations,
    responses,
    notifications,
    sessions,
    accounts,
    calendarFeed,
    invitations,
  ] = await Promise.all([
    db.membership.findMany({ where: byUser, include: { partnership, locality: { select: { name: true } } }, orderBy: { createdAt: "asc" } }),
    db.subGroupMembership.findMany({ where: byUser, include: { subGroup: subGroupWithPartnership }, orderBy: { joinedAt: "asc" } }),
    db.joinRequest.findMany({ where: byUser, include: { subGroup: subGroupWithPartnership }, orderBy: { createdAt: "asc" } }),
    db.thread.findMany({ where: authored, include: { subGroup: subGroupWithPartnership }, orderBy: { createdAt: "asc" } }),
    db.reply.findMany({ where: authored, include: { thread: { select: { title: true, subGroup: subGroupWithPartnership } } }, orderBy: { createdAt: "asc" } }),
    db.subGroupNote.findMany({ where: authored, include: { subGroup: subGroupWithPartnership }, orderBy: { createdAt: "asc" } }),
    db.activity.findMany({ where: { actorId: userId }, include: { partnership }, orderBy: { createdAt: "asc" } }),
    db.proposal.findMany({
      where: { OR: [{ createdById: userId }, { authors: { some: byUser } }] },
      include: { partnership, subGroup: { select: { name: true } }, authors: { where: byUser } },
      orderBy: { createdAt: "asc" },
    }),
    db.proposalRevision.findMany({ where: authored, include: { proposal: { select: { title: true, partnership } } }, orderBy: { createdAt: "asc" } }),
    db.proposalComment.findMany({ where: authored, include: { proposal: { select: { title: true, partnership } } }, orderBy: { createdAt: "asc" } }),
    db.proposalEvent.findMany({ where: { actorId: userId }, include: { proposal: { select: { title: true, partnership } } }, orderBy: { createdAt: "asc" } }),
    db.roundAssessor.findMany({ where: byUser, include: { round: { select: { title: true, fund: { select: { name: true, partnership } } } } } }),
    db.assessment.findMany({ where: { assessorId: userId }, include: { proposal: { select: { title: true, partnership } } }, orderBy: { createdAt: "asc" } }),
    db.conflictDeclaration.findMany({ where: { assessorId: userId }, include: { proposal: { select: { title: true, partnership } } }, orderBy: { createdAt: "asc" } }),
    db.proposalDecision.findMany({ where: { decidedById: userId }, include: { proposal: { select: { title: true, partnership } } }, orderBy: { decidedAt: "asc" } }),
    db.projectTeamMember.findMany({ where: byUser, include: { project: { select: { name: true, partnership } } }, orderBy: { addedAt: "asc" } }),
    db.progressUpdate.findMany({ where: authored, include: { project: { select: { name: true, partnership } }, period: { select: { sequence: true } } }, orderBy: { createdAt: "asc" } }),
    db.projectEvaluation.findMany({ where: authored, include: { project: { select: { name: true, partnership } } }, orderBy: { submittedAt: "asc" } }),
    db.storedFileVersion.findMany({
      where: { uploadedById: userId },
      include: { file: { select: { ownerKind: true, slot: true, partnership } } },
      orderBy: { uploadedAt: "asc" },
    }),
    db.story.findMany({ where: authored, include: { partnership }, orderBy: { createdAt: "asc" } }),
    db.storyComment.findMany({ where: authored, include: { story: { select: { title: true, partnership } } }, orderBy: { createdAt: "asc" } }),
    db.eventRsvp.findMany({ where: byUser, include: { event: { select: { title: true, startsAt: true, partnership } } }, orderBy: { respondedAt: "asc" } }),
    db.networkingSeat.findMany({
      where: byUser,
      include: { table: { select: { number: true, round: { select: { number: true, event: { select: { title: true, startsAt: true, partnership } } } } } } },
    }),
    db.connection.findMany({
      where: { OR: [{ fromUserId: userId }, { toUserId: userId }] },
      include: { partnership, event: { select: { title: true } }, fromUser: { select: { name: true } }, toUser: { select: { name: true } } },
      orderBy: { createdAt: "asc" },
    }),
    db.surveyParticipant.findMany({ where: byUser, include: { survey: { select: { title: true, anonymity: true, partnership } } }, orderBy: { respondedAt: "asc" } }),
    // Named answers only: an anonymous response has no respondent; the survey's anonymity is checked too.
    db.surveyResponse.findMany({
      where: { respondentId: userId, survey: { anonymity: "NAMED" } },
      include: {
        survey: { select: { title: true, partnership } },
        answers: { include: { question: { select: { prompt: true, position: true } } }, orderBy: { question: { position: "asc" } } },
      },
      orderBy: { submittedOn: "asc" },
    }),
    db.notification.findMany({ where: byUser, include: { partnership }, orderBy: { createdAt: "asc" } }),
    db.session.findMany({ where: byUser, select: { createdAt: true, lastUsedAt: true, expires: true }, orderBy: { createdAt: "asc" } }),
    db.account.findMany({ where: byUser, select: { provider: true, type: true } }),
    db.calendarFeed.findUnique({ where: byUser, select: { createdAt: true } }),
    db.invitation.findMany({
      where: { invitedById: userId },
      select: { id: true, role: true, createdAt: true, expiresAt: true, acceptedAt: true, revokedAt: true, partnership },
      orderBy: { createdAt: "asc" },
    }),
  ]);

  const audit = await db.auditEvent.findMany({
    where: {
      OR: [
        { actorId: userId },
        { subjectType: PERSON_AUDIT_SUBJECTS.user, subjectId: userId },
        { subjectType: PERSON_AUDIT_SUBJECTS.membership, subjectId: { in: memberships.map((m) => m.id) } },
      ],
    },
    include: { partnership },
    orderBy: { createdAt: "asc" },
  });

  const libraryResources = await db.libraryResource.findMany({ where: { addedById: userId }, include: { partnership }, orderBy: { createdAt: "asc" } });

  const sections: PersonalData["sections"] = {
    profile: [
      {
        id: user.id,
        name: user.name,
        email: user.email,
        jobTitle: user.jobTitle,
        organisation: user.organisation?.name ?? null,
        bio: user.bio,
        interests: user.interests.join("; "),
        phone: user.phone,
        listedInDirectory: user.listedInDirectory,
        showEmail: user.showEmail,
        showPhone: user.showPhone,
        emailOnJoinRequests: user.emailOnJoinRequests,
        emailOnDecisions: user.emailOnDecisions,
        emailOnMentions: user.emailOnMentions,
        emailVerified: user.emailVerified,
        createdAt: user.createdAt,
        updatedAt: user.updatedAt,
      },
    ],
    memberships: memberships.map((m) => ({ id: m.id, partnership: m.partnership.name, role: m.role, locality: m.locality?.name ?? null, joinedAt: m.createdAt })),
    subGroupMemberships: subGroupMemberships.map((m) => ({
      id: m.id,
      partnership: m.subGroup.partnership.name,
      subGroup: m.subGroup.name,
      role: m.role,
      joinedAt: m.joinedAt,
    })),
    joinRequests: joinRequests.map((r) => ({
      id: r.id,
      partnership: r.subGroup.partnership.name,
      subGroup: r.subGroup.name,
      message: r.message,
      status: r.status,
      decisionNote: r.decisionNote,
      createdAt: r.createdAt,
      decidedAt: r.decidedAt,
    })),
    threads: threads.map((t) => ({ id: t.id, partnership: t.subGroup.partnership.name, subGroup: t.subGroup.name, title: t.title, body: t.body, createdAt: t.createdAt })),
    replies: replies.map((r) => ({
      id: r.id,
      partnership: r.thread.subGroup.partnership.name,
      subGroup: r.thread.subGroup.name,
      thread: r.thread.title,
      body: r.body,
      createdAt: r.createdAt,
    })),
    subGroupNotes: notes.map((n) => ({ id: n.id, partnership: n.subGroup.partnership.name, subGroup: n.subGroup.name, title: n.title, body: n.body, pinnedAt: n.pinnedAt, createdAt: n.createdAt })),
    activity: activity.map((a) => ({ id: a.id, partnership: a.partnership.name, kind: a.kind, summary: a.summary, createdAt: a.createdAt })),
    proposals: proposals.map((p) => ({
      id: p.id,
      partnership: p.partnership.name,
      subGroup: p.subGroup.name,
      title: p.title,
      status: p.status,
      yourRole: p.authors[0]?.role ?? "STARTED",
      startedByYou: p.createdById === userId,
      createdAt: p.createdAt,
      submittedAt: p.submittedAt,
    })),
    proposalRevisions: revisions.map((r) => ({
      id: r.id,
      partnership: r.proposal.partnership.name,
      proposal: r.proposal.title,
      section: r.sectionKey,
      number: r.number,
      content: r.content,
      createdAt: r.createdAt,
    })),
    proposalComments: proposalComments.map((c) => ({ id: c.id, partnership: c.proposal.partnership.name, proposal: c.proposal.title, section: c.sectionKey, body: c.body, createdAt: c.createdAt })),
    proposalEvents: proposalEvents.map((e) => ({ id: e.id, partnership: e.proposal.partnership.name, proposal: e.proposal.title, kind: e.kind, summary: e.summary, createdAt: e.createdAt })),
    assessorAppointments: assessorOf.map((a) => ({ roundId: a.roundId, partnership: a.round.fund.partnership.name, fund: a.round.fund.name, round: a.round.title, appointedAt: a.appointedAt })),
    assessments: assessments.map((a) => ({
      id: a.id,
      partnership: a.proposal.partnership.name,
      proposal: a.proposal.title,
      status: a.status,
      scores: a.scores,
      comment: a.comment,
      weightedScore: a.weightedScore,
      submittedAt: a.submittedAt,
      createdAt: a.createdAt,
    })),
    conflictDeclarations: conflicts.map((c) => ({ id: c.id, partnership: c.proposal.partnership.name, proposal: c.proposal.title, reason: c.reason, createdAt: c.createdAt })),
    decisionsMade: decisions.map((d) => ({ id: d.id, partnership: d.proposal.partnership.name, proposal: d.proposal.title, outcome: d.outcome, reason: d.reason, overrideReason: d.overrideReason, decidedAt: d.decidedAt })),
    projectTeams: projectTeams.map((t) => ({ projectId: t.projectId, partnership: t.project.partnership.name, project: t.project.name, role: t.role, addedAt: t.addedAt })),
    progressUpdates: progressUpdates.map((u) => ({
      id: u.id,
      partnership: u.project.partnership.name,
      project: u.project.name,
      period: u.period.sequence,
      status: u.status,
      rag: u.rag,
      percentComplete: u.percentComplete,
      narrative: u.narrative,
      risks: u.risks,
      learning: u.learning,
      reviewNote: u.reviewNote,
      submittedAt: u.submittedAt,
      createdAt: u.createdAt,
    })),
    evaluations: evaluations.map((e) => ({
      id: e.id,
      partnership: e.project.partnership.name,
      project: e.project.name,
      whatWorked: e.whatWorked,
      whatDidNot: e.whatDidNot,
      recommendation: e.recommendation,
      costPence: e.costPence,
      measureResults: e.measureResults,
      submittedAt: e.submittedAt,
    })),
    filesUploaded: filesUploaded.map((f) => ({
      id: f.id,
      partnership: f.file.partnership.name,
      attachedTo: f.file.ownerKind,
      document: f.file.slot,
      name: f.name,
      type: f.mimeType,
      sizeBytes: f.sizeBytes,
      version: f.number,
      uploadedAt: f.uploadedAt,
    })),
    stories: stories.map((s) => ({
      id: s.id,
      partnership: s.partnership.name,
      title: s.title,
      summary: s.summary,
      body: s.body,
      themes: s.themes.join("; "),
      status: s.status,
      isPublic: s.isPublic,
      createdAt: s.createdAt,
      publishedAt: s.publishedAt,
    })),
    libraryResources: libraryResources.map((r) => ({
      id: r.id,
      partnership: r.partnership.name,
      kind: r.kind,
      title: r.title,
      description: r.description,
      url: r.url,
      tags: r.tags.join("; "),
      visibility: r.visibility,
      createdAt: r.createdAt,
    })),
    storyComments: storyComments.map((c) => ({ id: c.id, partnership: c.story.partnership.name, story: c.story.title, body: c.body, createdAt: c.createdAt })),
    eventRsvps: rsvps.map((r) => ({
      id: r.id,
      partnership: r.event.partnership.name,
      event: r.event.title,
      startsAt: r.event.startsAt,
      status: r.status,
      attended: r.attended,
      respondedAt: r.respondedAt,
      cancelledAt: r.cancelledAt,
    })),
    networkingSeats: seats.map((s) => ({
      tableId: s.tableId,
      partnership: s.table.round.event.partnership.name,
      event: s.table.round.event.title,
      startsAt: s.table.round.event.startsAt,
      round: s.table.round.number,
      table: s.table.number,
    })),
    connections: connections.map((c) => {
      const mine = c.fromUserId === userId;
      return {
        id: c.id,
        partnership: c.partnership.name,
        direction: mine ? "You logged meeting them" : "They logged meeting you",
        otherPerson: (mine ? c.toUser.name : c.fromUser.name) ?? "A member",
        event: c.event?.title ?? null,
        // The note is its writer's words: yours when you logged it.
        note: mine ? c.note : null,
        createdAt: c.createdAt,
      };
    }),
    reflectionsTakenPart: participations.map((p) => ({
      surveyId: p.surveyId,
      partnership: p.survey.partnership.name,
      reflection: p.survey.title,
      anonymity: p.survey.anonymity,
      respondedAt: p.respondedAt,
    })),
    reflectionAnswers: responses.flatMap((r) =>
      r.answers.map((a) => ({
        id: a.id,
        responseId: r.id,
        partnership: r.survey.partnership.name,
        reflection: r.survey.title,
        question: a.question.prompt,
        answer: a.text,
        score: a.score,
        submittedOn: r.submittedOn,
      })),
    ),
    notifications: notifications.map((n) => ({
      id: n.id,
      partnership: n.partnership?.name ?? null,
      kind: n.kind,
      title: n.title,
      body: n.body,
      createdAt: n.createdAt,
      readAt: n.readAt,
      emailedAt: n.emailedAt,
    })),
    sessions: sessions.map((s) => ({ signedInAt: s.createdAt, lastUsedAt: s.lastUsedAt, expires: s.expires })),
    signInAccounts: accounts.map((a) => ({ provider: a.provider, type: a.type })),
    calendarFeed: calendarFeed ? [{ createdAt: calendarFeed.createdAt }] : [],
    invitationsSent: invitations.map((i) => ({
      id: i.id,
      partnership: i.partnership.name,
      role: i.role,
      createdAt: i.createdAt,
      expiresAt: i.expiresAt,
      acceptedAt: i.acceptedAt,
      revokedAt: i.revokedAt,
    })),
    auditEntries: audit.map((a) => ({
      id: a.id,
      partnership: a.partnership.name,
      action: a.action,
      byYou: a.actorId === userId,
      summary: a.summary,
      amountPence: a.amountPence,
      createdAt: a.createdAt,
    })),
  };

  return { generatedAt: now, person: { id: user.id, name: user.name, email: user.email }, sections };
}

// ---------------------------------------------------------------------------------------
// The zip

const README = (data: PersonalData) => `Your data from Tandem
=====================

This is a copy of everything Tandem holds about ${data.person.name ?? data.person.email}, across every
partnership you take part in, made on ${data.generatedAt.toISOString()} (UTC).

data.json   Everything, in one file, for computers: one section per kind of record.
csv/        The same records as spreadsheets, one file per section. They open in Excel.

The sections:
${PERSONAL_DATA_SECTIONS.map(([key, what]) => `  ${`${key}.csv`.padEnd(28)} ${what}`).join("\n")}

Dates and times are in UTC. Money is in pence.

What is not here, and why:
- Your answers to anonymous reflections. They are stored without your name by design, so
  nobody, Tandem included, can tell which answers are yours. The reflections you took part
  in are listed in reflectionsTakenPart.csv.
- Secrets: your sign-in session codes, sign-in links and your calendar link are not
  included, so this file cannot be used to sign in as you.
- Other people's email addresses.

If you think something is missing or wrong, ask an officer of your partnership, or see
the privacy notice for how to contact the data protection officer.
`;

function csvValue(value: Cell): CsvValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "string" || typeof value === "number") return value;
  return JSON.stringify(value);
}

/** One section as CSV: its columns are the keys of its rows, in order. */
export function sectionCsv(rows: readonly PersonalDataRow[]): string {
  const header = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  return toCsv(header.length ? header : ["(none)"], rows.map((row) => header.map((key) => csvValue(row[key] ?? null))));
}

/** The zip: data.json, one CSV per section and a README. */
export async function personalDataArchive(data: PersonalData): Promise<Buffer> {
  const zip = new JSZip();
  const date = new Date(data.generatedAt);
  zip.file("README.txt", README(data), { date });
  zip.file("data.json", JSON.stringify(data, null, 2), { date });
  for (const [key] of PERSONAL_DATA_SECTIONS) zip.file(`csv/${key}.csv`, sectionCsv(data.sections[key]), { date });
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

/** "tandem-my-data-2026-12-03.zip" */
export function dataExportFilename(readyAt: Date): string {
  return `tandem-my-data-${readyAt.toISOString().slice(0, 10)}.zip`;
}

// ---------------------------------------------------------------------------------------
// Requests, the background build, and what the account page shows

export const DATA_EXPORT_JOB = "people.data-export";

export type DataExportView = {
  id: string;
  state: PersonalDataExport["state"];
  byteSize: number | null;
  createdAt: Date;
  readyAt: Date | null;
  expiresAt: Date | null;
};

function view(row: Omit<PersonalDataExport, "archive">, now: Date): DataExportView {
  return {
    id: row.id,
    state: effectiveDataExportState(row, now),
    byteSize: row.byteSize,
    createdAt: row.createdAt,
    readyAt: row.readyAt,
    expiresAt: row.expiresAt,
  };
}

const withoutArchive = { id: true, userId: true, state: true, byteSize: true, createdAt: true, readyAt: true, expiresAt: true, failedAt: true } as const;

/** The person's exports, newest first (never the zip itself), and how many days a copy is kept. */
export async function listDataExports(
  db: Database,
  actor: Actor,
  options: { keepDays: number; now?: Date },
): Promise<{ keepDays: number; exports: DataExportView[] }> {
  const now = options.now ?? new Date();
  const rows = await db.personalDataExport.findMany({ where: { userId: actor.userId }, select: withoutArchive, orderBy: { createdAt: "desc" }, take: 10 });
  return { keepDays: options.keepDays, exports: rows.map((row) => view(row, now)) };
}

/**
 * Asks for an export: queues the background build and writes the request to the audit trail
 * of every partnership the person belongs to. While one is being built, asking again returns
 * that one (the database allows one BUILDING export per person).
 */
export async function requestDataExport(db: Database, actor: Actor, now: Date = new Date()): Promise<DataExportView & { created: boolean }> {
  const building = () => db.personalDataExport.findFirst({ where: { userId: actor.userId, state: "BUILDING" }, select: withoutArchive });
  const existing = await building();
  if (existing) return { ...view(existing, now), created: false };
  try {
    const row = await db.$transaction(async (tx) => {
      const created = await tx.personalDataExport.create({ data: { userId: actor.userId, createdAt: now }, select: withoutArchive });
      await enqueueJob(tx, { kind: DATA_EXPORT_JOB, payload: { exportId: created.id }, onceKey: `${DATA_EXPORT_JOB}:${created.id}`, maxAttempts: 3 });
      const memberships = await tx.membership.findMany({ where: { userId: actor.userId }, select: { partnershipId: true } });
      for (const { partnershipId } of memberships) {
        await recordAudit(tx, {
          partnershipId,
          actorId: actor.userId,
          action: "personal-data.exported",
          subjectType: PERSON_AUDIT_SUBJECTS.user,
          subjectId: actor.userId,
          summary: `${actor.name ?? "A member"} asked for a copy of their personal data`,
        });
      }
      return created;
    });
    return { ...view(row, now), created: true };
  } catch (error) {
    // Two requests at once: the other one made the export; return it.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const other = await building();
      if (other) return { ...view(other, now), created: false };
    }
    throw error;
  }
}

/**
 * The background job: collects the data, writes the zip and tells the person it is ready.
 * An export no longer being built (already finished, or purged) is left alone.
 */
export async function buildDataExport(
  db: Database,
  exportId: string,
  options: { now?: Date; keepDays: number },
): Promise<{ exportId: string; state: string; byteSize?: number }> {
  const now = options.now ?? new Date();
  const row = await db.personalDataExport.findUnique({ where: { id: exportId }, select: withoutArchive });
  if (!row || row.state !== "BUILDING") return { exportId, state: row?.state ?? "GONE" };
  const data = await collectPersonalData(db, row.userId, now);
  const archive = await personalDataArchive(data);
  const state = dataExportTransition(row.state, "FINISH");
  const expiresAt = new Date(now.getTime() + options.keepDays * 24 * 60 * 60_000);
  await db.$transaction(async (tx) => {
    const { count } = await tx.personalDataExport.updateMany({
      where: { id: exportId, state: "BUILDING" },
      data: { state, archive: new Uint8Array(archive), byteSize: archive.byteLength, readyAt: now, expiresAt },
    });
    if (count !== 1) return;
    await notify(tx, {
      userIds: [row.userId],
      partnershipId: null,
      kind: "DATA_EXPORT_READY",
      title: "Your data is ready to download",
      body: "The copy of your data you asked for is on your account page until it expires.",
      linkPath: paths.accountDataExport(),
    });
  });
  return { exportId, state, byteSize: archive.byteLength };
}

/** The job gave up on its last attempt: the export is marked failed, so the person can ask again. */
export async function failDataExport(db: Database, exportId: string, now: Date = new Date()): Promise<void> {
  await db.personalDataExport.updateMany({
    where: { id: exportId, state: "BUILDING" },
    data: { state: dataExportTransition("BUILDING", "FAIL"), failedAt: now },
  });
}

/**
 * The zip for the download route: only the person's own export, only while it is ready and
 * not expired. Anything else is "not found", so nobody learns whether someone else's exists.
 * The download is written to the audit trail of each of the person's partnerships.
 */
export async function downloadDataExport(
  db: Database,
  actor: Actor,
  exportId: string,
  now: Date = new Date(),
): Promise<{ filename: string; archive: Uint8Array }> {
  const row = await db.personalDataExport.findFirst({ where: { id: exportId, userId: actor.userId } });
  if (!row || !row.archive || !row.readyAt || effectiveDataExportState(row, now) !== "READY") throw notFound("That copy of your data");
  dataExportTransition(row.state, "DOWNLOAD");
  await db.$transaction(async (tx) => {
    const memberships = await tx.membership.findMany({ where: { userId: actor.userId }, select: { partnershipId: true } });
    for (const { partnershipId } of memberships) {
      await recordAudit(tx, {
        partnershipId,
        actorId: actor.userId,
        action: "personal-data.downloaded",
        subjectType: PERSON_AUDIT_SUBJECTS.user,
        subjectId: actor.userId,
        summary: `${actor.name ?? "A member"} downloaded a copy of their personal data`,
      });
    }
  });
  return { filename: dataExportFilename(row.readyAt), archive: row.archive };
}

/**
 * For the installation's data controller answering a request that arrived by email: the same
 * zip the person would download, made at once, and written to each of their partnerships'
 * audit trails as made on their behalf.
 */
export async function exportForDataController(db: Database, userId: string, now: Date = new Date()): Promise<Buffer> {
  const person = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, memberships: { select: { partnershipId: true } } } });
  const archive = await personalDataArchive(await collectPersonalData(db, userId, now));
  await db.$transaction(async (tx) => {
    for (const { partnershipId } of person.memberships) {
      await recordAudit(tx, {
        partnershipId,
        actorId: userId,
        action: "personal-data.exported",
        subjectType: PERSON_AUDIT_SUBJECTS.user,
        subjectId: userId,
        summary: `The data controller made a copy of ${person.name ?? "a member"}'s personal data at their request`,
      });
    }
  });
  return archive;
}
