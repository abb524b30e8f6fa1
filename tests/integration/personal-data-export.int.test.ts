import { randomBytes } from "node:crypto";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { createSession } from "@/server/auth/session";
import type { Database } from "@/server/db/client";
import { dataExportDownloadResponse } from "@/server/domain/personal-data/download";
import { DATA_EXPORT_JOB, exportForDataController, failDataExport, PERSONAL_DATA_SECTIONS, type PersonalDataSection } from "@/server/domain/personal-data/export";
import { parseEnv } from "@/server/env";
import { JOB_KINDS } from "@/server/jobs/kinds";
import { runNextJob } from "@/server/jobs/runner";
import { withTestDatabase } from "./support/database";
import { expectFailure } from "./support/expect";
import { addMember } from "./support/factories";
import {
  daysAgo,
  daysFromNow,
  draftProposal,
  fundWorld,
  recordedProject,
  recordedProposal,
  STANDARD_CAST,
  subGroupIn,
  subGroupWorld,
  writeSections,
} from "./support/worlds";

/**
 * "Download my data": one person with at least one record of every kind Tandem keeps about
 * people, another person whose records must stay out, an anonymous reflection answer that is
 * nobody's to retrieve, and secrets (a session token, a calendar link's hash, sign-in tokens)
 * that must never appear.
 */
const database = withTestDatabase();
const env = parseEnv({ NODE_ENV: "test", NEXTAUTH_URL: "https://tandem.example.org" });
const tag = () => randomBytes(4).toString("hex");
const runExportJob = (db: Database) => runNextJob({ db, env, kinds: { [DATA_EXPORT_JOB]: JOB_KINDS[DATA_EXPORT_JOB] } });

async function seed(db: Database) {
  const w = await subGroupWorld(db, { cast: STANDARD_CAST, tagNames: true, leads: ["chair"], members: ["member", "colleague"] });
  const me = w.people.member;
  const other = w.people.colleague;
  const t = tag();
  const text = (what: string) => `${what} ${t}`;

  // Memberships in two partnerships, a sub-group, a request to join another.
  await addMember(db, w.elsewhere.id, me.userId, "OBSERVER");
  const closedGroup = await subGroupIn(db, w.area, { name: "Closed group", joinPolicy: "APPROVAL", leads: [w.people.chair] });
  const joinRequest = await db.joinRequest.create({ data: { subGroupId: closedGroup.id, userId: me.userId, message: text("Please let me join") } });

  // The sub-group space.
  const thread = await db.thread.create({ data: { subGroupId: w.subGroup.id, authorId: me.userId, title: text("My thread"), body: text("My thread body") } });
  const reply = await db.reply.create({ data: { threadId: thread.id, authorId: me.userId, body: text("My reply") } });
  const note = await db.subGroupNote.create({ data: { subGroupId: w.subGroup.id, authorId: me.userId, title: text("My note"), body: "Next meeting" } });
  const activity = await db.activity.create({ data: { partnershipId: w.partnership.id, actorId: me.userId, kind: "THREAD_STARTED", summary: text("Started a thread") } });
  const othersThread = await db.thread.create({ data: { subGroupId: w.subGroup.id, authorId: other.userId, title: text("Someone else's thread"), body: "Not mine" } });

  // A proposal co-written with the chair, with a section saved, a comment and a timeline step.
  const { fund, round } = await fundWorld(w, { by: w.people.officer });
  const coWritten = await draftProposal(w, { lead: w.people.chair, coAuthors: [me], title: text("Co-written proposal") });
  await writeSections(w, me, coWritten, { summary: { text: text("My summary words") } });
  const revision = await db.proposalRevision.findFirstOrThrow({ where: { proposalId: coWritten, authorId: me.userId } });
  const comment = await db.proposalComment.create({ data: { proposalId: coWritten, sectionKey: "summary", authorId: me.userId, body: text("My proposal comment") } });
  const proposalEvent = await db.proposalEvent.create({ data: { proposalId: coWritten, kind: "ROUND_CHOSEN", actorId: me.userId, summary: text("Chose a round") } });

  // Assessing someone else's proposal: on the panel, a score and a declared conflict.
  const assessed = await recordedProposal(w, { status: "UNDER_ASSESSMENT", lead: other, requestedPence: 500_000, round: round!, title: text("Assessed proposal") });
  await db.roundAssessor.create({ data: { roundId: round!.id, userId: me.userId, appointedById: w.people.officer.userId } });
  const assessment = await db.assessment.create({
    data: { proposalId: assessed.id, assessorId: me.userId, status: "DRAFT", scores: [{ criterion: "Partnership", score: 4, comment: text("Strong partners") }] },
  });
  const conflict = await db.conflictDeclaration.create({ data: { roundId: round!.id, proposalId: assessed.id, assessorId: me.userId, reason: text("I know the lead") } });

  // A project: on its team, a progress update and the evaluation written.
  const project = await recordedProject(w, { by: w.people.officer, fund, name: text("My project"), lead: me });
  const period = await db.reportingPeriod.create({
    data: { projectId: project.id, sequence: 1, startsOn: new Date("2021-04-01"), endsOn: new Date("2021-04-30"), dueOn: new Date("2021-05-07") },
  });
  const update = await db.progressUpdate.create({ data: { projectId: project.id, periodId: period.id, authorId: me.userId, narrative: text("My progress narrative"), rag: "GREEN" } });
  const evaluation = await db.projectEvaluation.create({
    data: { projectId: project.id, authorId: me.userId, costPence: 123_400, whatWorked: text("What worked"), whatDidNot: "Recruiting", recommendation: "SUSTAIN" },
  });

  // Stories.
  const story = await db.story.create({ data: { partnershipId: w.partnership.id, authorId: me.userId, title: text("My story"), body: text("My story body") } });
  const storyComment = await db.storyComment.create({ data: { storyId: story.id, authorId: me.userId, body: text("My story comment") } });
  const libraryResource = await db.libraryResource.create({
    data: { partnershipId: w.partnership.id, title: text("My shared link"), url: "https://example.org/shared", addedById: me.userId },
  });

  // An event: going, attended, a speed networking seat, connections both ways.
  const event = await db.event.create({
    data: { partnershipId: w.partnership.id, kind: "NETWORKING_BREAKFAST", title: text("Breakfast"), startsAt: daysAgo(3), endsAt: new Date(daysAgo(3).getTime() + 2 * 3600_000), createdById: w.people.officer.userId },
  });
  const rsvp = await db.eventRsvp.create({ data: { eventId: event.id, userId: me.userId, status: "GOING", attended: true } });
  const networkingRound = await db.networkingRound.create({ data: { eventId: event.id, number: 1 } });
  const table = await db.networkingTable.create({ data: { roundId: networkingRound.id, number: 3 } });
  await db.networkingSeat.createMany({ data: [{ tableId: table.id, userId: me.userId }, { tableId: table.id, userId: other.userId }] });
  const connectionMade = await db.connection.create({
    data: { partnershipId: w.partnership.id, eventId: event.id, fromUserId: me.userId, toUserId: other.userId, note: text("My connection note") },
  });
  await db.connection.create({
    data: { partnershipId: w.partnership.id, eventId: event.id, fromUserId: other.userId, toUserId: me.userId, note: text("Their private note") },
  });

  // Reflections: a named answer (mine to retrieve) and an anonymous one (nobody's).
  const questionSet = await db.questionSet.create({
    data: { partnershipId: w.partnership.id, title: "Team chat", questions: { create: [{ position: 0, prompt: text("What went well?") }] } },
    include: { questions: true },
  });
  const question = questionSet.questions[0]!;
  const survey = (anonymity: "NAMED" | "ANONYMOUS") =>
    db.survey.create({
      data: { partnershipId: w.partnership.id, questionSetId: questionSet.id, title: text(`${anonymity} reflection`), anonymity, closesAt: daysFromNow(5), createdById: w.people.officer.userId },
    });
  const named = await survey("NAMED");
  const anonymous = await survey("ANONYMOUS");
  await db.surveyParticipant.createMany({ data: [{ surveyId: named.id, userId: me.userId }, { surveyId: anonymous.id, userId: me.userId }] });
  const namedResponse = await db.surveyResponse.create({
    data: { surveyId: named.id, respondentId: me.userId, submittedOn: new Date(), answers: { create: [{ questionId: question.id, text: text("My named answer") }] } },
    include: { answers: true },
  });
  await db.surveyResponse.create({
    data: { surveyId: anonymous.id, respondentId: null, submittedOn: new Date(), answers: { create: [{ questionId: question.id, text: text("An anonymous answer") }] } },
  });

  // Notifications, sign-in, the calendar link, an invitation sent.
  const notification = await db.notification.create({ data: { userId: me.userId, partnershipId: w.partnership.id, kind: "MENTION", title: text("You were mentioned"), linkPath: "/" } });
  const session = await createSession(db, me.userId);
  const accountTokens = { access: `access-${tag()}${tag()}`, refresh: `refresh-${tag()}${tag()}`, id: `idtoken-${tag()}${tag()}` };
  await db.account.create({
    data: {
      userId: me.userId,
      type: "oidc",
      provider: "council-sso",
      providerAccountId: `sub-${tag()}`,
      access_token: accountTokens.access,
      refresh_token: accountTokens.refresh,
      id_token: accountTokens.id,
    },
  });
  const feedHash = randomBytes(32).toString("hex");
  await db.calendarFeed.create({ data: { userId: me.userId, tokenHash: feedHash } });
  const inviteeEmail = `invitee-${tag()}@example.org`;
  const invitation = await db.invitation.create({
    data: { partnershipId: w.partnership.id, email: inviteeEmail, role: "MEMBER", tokenHash: randomBytes(32).toString("hex"), invitedById: me.userId, expiresAt: daysFromNow(7) },
  });

  // A file I uploaded to the co-written proposal (its details are exported, not its bytes).
  const blob = await db.fileBlob.create({ data: { complete: true, sizeBytes: 4, chunks: { create: [{ seq: 0, data: new TextEncoder().encode("plan") }] } } });
  const storedFile = await db.storedFile.create({ data: { partnershipId: w.partnership.id, ownerKind: "PROPOSAL", ownerId: coWritten, slot: null } });
  const fileVersion = await db.storedFileVersion.create({
    data: { fileId: storedFile.id, number: 1, storage: "POSTGRES", blobKey: blob.id, sizeBytes: 4, sha256: "0".repeat(64), mimeType: "text/plain", name: text("plan") + ".txt", uploadedById: me.userId },
  });

  // The audit trail: an officer changed my role (I am the subject).
  const roleChange = await db.auditEvent.create({
    data: {
      partnershipId: w.partnership.id,
      actorId: w.people.officer.userId,
      action: "membership.role_changed",
      subjectType: "Membership",
      subjectId: w.memberships.member!,
      summary: text("Changed a member's role"),
    },
  });

  return {
    w,
    me,
    other,
    t,
    secrets: { sessionToken: session.sessionToken, feedHash, ...accountTokens },
    othersEmails: [other.email, w.people.chair.email, w.people.officer.email, inviteeEmail],
    expected: {
      profile: me.userId,
      memberships: w.memberships.member!,
      subGroupMemberships: w.subGroup.name,
      joinRequests: joinRequest.id,
      threads: thread.id,
      replies: reply.id,
      subGroupNotes: note.id,
      activity: activity.id,
      proposals: coWritten,
      proposalRevisions: revision.id,
      proposalComments: comment.id,
      proposalEvents: proposalEvent.id,
      assessorAppointments: round!.id,
      assessments: assessment.id,
      conflictDeclarations: conflict.id,
      projectTeams: project.id,
      progressUpdates: update.id,
      evaluations: evaluation.id,
      filesUploaded: fileVersion.id,
      stories: story.id,
      storyComments: storyComment.id,
      libraryResources: libraryResource.id,
      eventRsvps: rsvp.id,
      networkingSeats: table.id,
      connections: connectionMade.id,
      reflectionsTakenPart: anonymous.id,
      reflectionAnswers: namedResponse.answers[0]!.id,
      notifications: notification.id,
      sessions: null,
      signInAccounts: "council-sso",
      calendarFeed: null,
      invitationsSent: invitation.id,
      auditEntries: roleChange.id,
    } satisfies Partial<Record<PersonalDataSection, string | null>>,
    notMine: { othersThread: othersThread.id, connectionReceivedNote: text("Their private note"), anonymousAnswer: text("An anonymous answer") },
  };
}

/** A CSV file's records (RFC 4180 quoting), without the byte-order mark. */
function parseCsv(csv: string): string[][] {
  const input = csv.replace(/^\uFEFF/, "");
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < input.length; i++) {
    const char = input[i]!;
    if (quoted) {
      if (char === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      record.push(field);
      field = "";
    } else if (char === "\r" && input[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i++;
    } else field += char;
  }
  if (field || record.length) records.push([...record, field]);
  return records;
}

type World = Awaited<ReturnType<typeof seed>>;

describe("Download my data", () => {
  let world: World;
  let exportId: string;
  let zip: JSZip;
  let bytes: Uint8Array;
  let everything: string;
  beforeAll(async () => {
    world = await seed(database.db);
  });

  it("asks for an export: a second request while it is being built returns the same one", async () => {
    const api = world.w.api(world.me);
    const first = await api.me.requestDataExport({});
    expect(first).toMatchObject({ state: "BUILDING", created: true, byteSize: null });
    const second = await api.me.requestDataExport({});
    expect(second).toMatchObject({ id: first.id, state: "BUILDING", created: false });
    // The database holds the same rule, whatever the code does.
    await expect(database.db.personalDataExport.create({ data: { userId: world.me.userId } })).rejects.toThrow();
    expect(await database.db.personalDataExport.count({ where: { userId: world.me.userId } })).toBe(1);
    exportId = first.id;
    expect((await api.me.dataExports()).exports.map((row) => [row.id, row.state])).toEqual([[first.id, "BUILDING"]]);
  });

  it("makes one export and one job when two requests arrive at once", async () => {
    const person = await world.w.person({ name: "Two Tabs" });
    const api = world.w.api(person);
    const [a, b] = await Promise.all([api.me.requestDataExport({}), api.me.requestDataExport({})]);
    expect(a.id).toBe(b.id);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(await database.db.personalDataExport.count({ where: { userId: person.userId } })).toBe(1);
    expect(await database.db.backgroundJob.count({ where: { kind: DATA_EXPORT_JOB, payload: { equals: { exportId: a.id } } } })).toBe(1);
  });

  it("writes the request to the audit trail of each of the person's partnerships", async () => {
    const entries = await database.db.auditEvent.findMany({ where: { action: "personal-data.exported", actorId: world.me.userId } });
    expect(entries.map((entry) => entry.partnershipId).sort()).toEqual([world.w.partnership.id, world.w.elsewhere.id].sort());
    expect(entries.every((entry) => entry.subjectType === "User" && entry.subjectId === world.me.userId)).toBe(true);
  });

  it("builds the zip in the background and tells the person it is ready", async () => {
    for (;;) {
      const ran = await runExportJob(database.db);
      if (!ran) break;
      expect(ran.job.kind).toBe(DATA_EXPORT_JOB);
      expect(ran.outcome).toBe("succeeded");
    }
    const { exports: [row], keepDays } = await world.w.api(world.me).me.dataExports();
    expect(keepDays).toBe(7);
    expect(row).toMatchObject({ id: exportId, state: "READY" });
    expect(row!.byteSize).toBeGreaterThan(1000);
    expect(row!.expiresAt!.getTime() - row!.readyAt!.getTime()).toBe(7 * 24 * 3600_000);
    const told = await database.db.notification.findMany({ where: { userId: world.me.userId, kind: "DATA_EXPORT_READY" } });
    expect(told).toHaveLength(1);
    expect(told[0]!.linkPath).toBe("/account#download-your-data");
  });

  it("serves the zip only to its owner, as an attachment that is never cached", async () => {
    const { db } = database;
    expect((await dataExportDownloadResponse(db, null, exportId)).status).toBe(401);
    expect((await dataExportDownloadResponse(db, world.other, exportId)).status).toBe(404);
    expect((await dataExportDownloadResponse(db, world.me, "no-such-export")).status).toBe(404);
    const response = await dataExportDownloadResponse(db, world.me, exportId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="tandem-my-data-\d{4}-\d{2}-\d{2}\.zip"$/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("cache-control")).toBe("no-store");
    bytes = new Uint8Array(await response.arrayBuffer());
    zip = await JSZip.loadAsync(bytes);
    const names = Object.keys(zip.files).filter((name) => !zip.files[name]!.dir).sort();
    expect(names).toEqual(["README.txt", "data.json", ...PERSONAL_DATA_SECTIONS.map(([key]) => `csv/${key}.csv`)].sort());
    everything = (await Promise.all(names.map((name) => zip.file(name)!.async("string")))).join("\n");
    const downloads = await db.auditEvent.count({ where: { action: "personal-data.downloaded", actorId: world.me.userId } });
    expect(downloads).toBe(2);
  });

  it("holds a record of every kind, in data.json and in its CSV", async () => {
    const data = JSON.parse(await zip.file("data.json")!.async("string")) as { person: { email: string }; sections: Record<string, Record<string, unknown>[]> };
    expect(data.person.email).toBe(world.me.email);
    for (const [section] of PERSONAL_DATA_SECTIONS) {
      const rows = data.sections[section];
      const csv = parseCsv(await zip.file(`csv/${section}.csv`)!.async("string"));
      expect(csv.length - 1, `${section}.csv has as many rows as data.json`).toBe(rows?.length ?? 0);
      const wanted = world.expected[section as keyof World["expected"]];
      if (section === "decisionsMade") continue; // the person made no decisions here
      expect(rows?.length, `${section} holds a record`).toBeGreaterThan(0);
      if (wanted) expect(JSON.stringify(rows), `${section} holds ${wanted}`).toContain(wanted);
    }
    const s = data.sections;
    expect(s.memberships!.map((m) => m.partnership).sort()).toEqual([world.w.partnership.name, world.w.elsewhere.name].sort());
    expect(s.proposals![0]).toMatchObject({ yourRole: "CO_AUTHOR", title: `Co-written proposal ${world.t}` });
    expect(s.proposalRevisions![0]!.content).toEqual({ text: `My summary words ${world.t}` });
    expect(s.eventRsvps![0]).toMatchObject({ status: "GOING", attended: true });
    expect(s.reflectionAnswers!.map((a) => a.answer)).toEqual([`My named answer ${world.t}`]);
    expect(s.reflectionsTakenPart!.map((p) => p.anonymity).sort()).toEqual(["ANONYMOUS", "NAMED"]);
    expect(s.sessions).toHaveLength(1);
    expect(Object.keys(s.sessions![0]!).sort()).toEqual(["expires", "lastUsedAt", "signedInAt"]);
    expect(s.calendarFeed).toHaveLength(1);
    expect(s.auditEntries!.map((a) => a.action)).toEqual(expect.arrayContaining(["membership.role_changed", "personal-data.exported"]));
    expect(s.connections!.map((c) => c.direction).sort()).toEqual(["They logged meeting you", "You logged meeting them"]);
  });

  it("holds no secrets, no anonymous answers and nobody else's email or records", async () => {
    const raw = Buffer.from(bytes).toString("latin1");
    for (const secret of Object.values(world.secrets)) {
      expect(everything).not.toContain(secret);
      expect(raw).not.toContain(secret);
    }
    for (const email of world.othersEmails) expect(everything, email).not.toContain(email);
    expect(everything).toContain(world.me.email);
    expect(everything).not.toContain(world.notMine.othersThread);
    expect(everything).not.toContain(world.notMine.connectionReceivedNote);
    expect(everything).not.toContain(world.notMine.anonymousAnswer);
    expect(await zip.file("README.txt")!.async("string")).toMatch(/anonymous reflections/);
  });

  it("marks an export failed when its job gives up, and the person can ask again", async () => {
    const person = await world.w.person({ name: "Unlucky" });
    const api = world.w.api(person);
    const first = await api.me.requestDataExport({});
    await failDataExport(database.db, first.id);
    const { exports } = await api.me.dataExports();
    expect(exports.map((row) => row.state)).toEqual(["FAILED"]);
    expect((await dataExportDownloadResponse(database.db, person, first.id)).status).toBe(404);
    const again = await api.me.requestDataExport({});
    expect(again).toMatchObject({ created: true, state: "BUILDING" });
    // The old job finds its export no longer being built and leaves it alone.
    const stale = await database.db.backgroundJob.findFirstOrThrow({ where: { kind: DATA_EXPORT_JOB, payload: { equals: { exportId: first.id } } } });
    await database.db.backgroundJob.update({ where: { id: stale.id }, data: { runAfter: new Date(0) } });
    const ran = await runExportJob(database.db);
    expect(ran?.outcome).toBe("succeeded");
    expect((await database.db.personalDataExport.findUniqueOrThrow({ where: { id: first.id } })).state).toBe("FAILED");
  });

  it("lets the person ask again once it is ready, and refuses an expired copy", async () => {
    const api = world.w.api(world.me);
    const again = await api.me.requestDataExport({});
    expect(again).toMatchObject({ created: true, state: "BUILDING" });
    expect(again.id).not.toBe(exportId);
    const later = new Date(Date.now() + 8 * 24 * 3600_000);
    expect((await dataExportDownloadResponse(database.db, world.me, exportId, later)).status).toBe(404);
    // Someone else sees only their own exports (none).
    expect((await world.w.api(world.other).me.dataExports()).exports).toEqual([]);
    await expectFailure(world.w.api(null).me.requestDataExport({}), "UNAUTHORIZED");
  });

  it("gives the data controller the same copy at once for someone who asked by email, and audits it", async () => {
    const { db } = database;
    const before = await db.auditEvent.count({ where: { subjectId: world.me.userId, action: "personal-data.exported" } });
    const archive = await exportForDataController(db, world.me.userId);
    const copy = await JSZip.loadAsync(archive);
    const data = JSON.parse(await copy.file("data.json")!.async("string")) as { profile: { email: string }[] | { email: string } };
    expect(JSON.stringify(data)).toContain(world.me.email);
    expect(Object.keys(copy.files)).toContain("README.txt");
    expect(await db.auditEvent.count({ where: { subjectId: world.me.userId, action: "personal-data.exported" } })).toBeGreaterThan(before);
  });
});
