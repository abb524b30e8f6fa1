import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/server/db/client";
import { purgeExpired } from "@/server/domain/retention/purge";
import { parseEnv } from "@/server/env";
import { runNextJob } from "@/server/jobs/runner";
import { enqueueDueSchedules, slotKey, slotStart } from "@/server/jobs/schedules";
import { withTestDatabase } from "./support/database";
import { createPartnership, createPerson } from "./support/factories";

const database = withTestDatabase();
const env = parseEnv({ NODE_ENV: "test", NEXTAUTH_URL: "https://tandem.example.org", TANDEM_SESSION_IDLE_MINUTES: "480" });
const NOW = new Date("2026-06-01T12:00:00Z");
const HOUR = 3600_000;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const token = () => randomBytes(12).toString("hex");

/** One of each kind of record on each side of its retention period; names say which should go. */
async function seed(db: Database) {
  const person = await createPerson(db, { name: "Retention Person" });
  const partnership = await createPartnership(db, { name: "Retention SPG" });
  const userId = person.user.id;
  const tokens = { expiredLongAgo: token(), expiredRecently: token(), live: token() };
  await db.verificationToken.createMany({
    data: [
      { identifier: "a@example.org", token: tokens.expiredLongAgo, expires: ago(2 * DAY) },
      { identifier: "a@example.org", token: tokens.expiredRecently, expires: ago(2 * HOUR) },
      { identifier: "a@example.org", token: tokens.live, expires: new Date(NOW.getTime() + HOUR) },
    ],
  });
  const session = (expires: Date, lastUsedAt: Date) => db.session.create({ data: { sessionToken: token(), userId, expires, lastUsedAt } });
  const sessions = {
    expiredLongAgo: await session(ago(31 * DAY), ago(40 * DAY)),
    idleLongAgo: await session(new Date(NOW.getTime() + 5 * DAY), ago(31 * DAY + 8 * HOUR)),
    endedRecently: await session(new Date(NOW.getTime() + 5 * DAY), ago(10 * DAY)),
    live: await session(new Date(NOW.getTime() + 20 * DAY), ago(HOUR)),
  };
  const outbox = (createdAt: Date) => db.outboxEmail.create({ data: { to: "a@example.org", subject: "s", text: "t", createdAt } });
  const emails = { old: await outbox(ago(31 * DAY)), recent: await outbox(ago(29 * DAY)) };
  const notification = (readAt: Date | null, createdAt: Date) =>
    db.notification.create({ data: { userId, kind: "MENTION", title: "t", linkPath: "/", readAt, createdAt } });
  const notifications = {
    readLongAgo: await notification(ago(91 * DAY), ago(100 * DAY)),
    readRecently: await notification(ago(89 * DAY), ago(100 * DAY)),
    unreadOld: await notification(null, ago(400 * DAY)),
  };
  const invitation = (data: { expiresAt: Date; revokedAt?: Date; acceptedAt?: Date }) =>
    db.invitation.create({
      data: { partnershipId: partnership.id, email: `${token()}@example.org`, role: "MEMBER", tokenHash: token(), invitedById: userId, ...data },
    });
  const invitations = {
    expiredLongAgo: await invitation({ expiresAt: ago(91 * DAY) }),
    revokedLongAgo: await invitation({ expiresAt: new Date(NOW.getTime() + DAY), revokedAt: ago(91 * DAY) }),
    expiredRecently: await invitation({ expiresAt: ago(10 * DAY) }),
    acceptedLongAgo: await invitation({ expiresAt: ago(300 * DAY), acceptedAt: ago(310 * DAY) }),
  };
  const job = (state: "SUCCEEDED" | "FAILED", finishedAt: Date) => db.backgroundJob.create({ data: { kind: "projects.reminders", state, finishedAt } });
  const jobs = { succeededLongAgo: await job("SUCCEEDED", ago(31 * DAY)), failedLongAgo: await job("FAILED", ago(100 * DAY)), succeededRecently: await job("SUCCEEDED", ago(5 * DAY)) };
  const zip = new Uint8Array([80, 75, 5, 6]);
  const ready = (readyAt: Date, expiresAt: Date) =>
    db.personalDataExport.create({ data: { userId, state: "READY", archive: zip, byteSize: zip.byteLength, createdAt: readyAt, readyAt, expiresAt } });
  const failed = (createdAt: Date) => db.personalDataExport.create({ data: { userId, state: "FAILED", createdAt, failedAt: createdAt } });
  const dataExports = {
    readyExpired: await ready(ago(7 * DAY + HOUR), ago(HOUR)),
    readyLive: await ready(ago(6 * DAY), new Date(NOW.getTime() + DAY)),
    failedLongAgo: await failed(ago(8 * DAY)),
    failedRecently: await failed(ago(2 * DAY)),
  };
  const blob = (createdAt: Date, complete: boolean) =>
    db.fileBlob.create({ data: { createdAt, complete, sizeBytes: 5, chunks: { create: [{ seq: 0, data: new TextEncoder().encode("Hello") }] } } });
  const fileBlobs = {
    abandonedLongAgo: await blob(ago(2 * DAY), false),
    refusedLongAgo: await blob(ago(2 * DAY), true),
    arrivingNow: await blob(ago(HOUR), false),
    keptLongAgo: await blob(ago(300 * DAY), true),
  };
  const file = await db.storedFile.create({ data: { partnershipId: partnership.id, ownerKind: "PROPOSAL", ownerId: "a-proposal" } });
  await db.storedFileVersion.create({
    data: {
      fileId: file.id,
      number: 1,
      storage: "POSTGRES",
      blobKey: fileBlobs.keptLongAgo.id,
      sizeBytes: 5,
      sha256: "185f8db32271fe25f561a6fc938b2e264306ec304eda518007d1764826381969",
      mimeType: "text/plain",
      name: "kept.txt",
      uploadedById: userId,
      uploadedAt: ago(300 * DAY),
    },
  });
  return { tokens, sessions, emails, notifications, invitations, jobs, dataExports, fileBlobs, userId };
}

describe("the daily purge of records past their retention period", () => {
  let world: Awaited<ReturnType<typeof seed>>;
  beforeAll(async () => {
    world = await seed(database.db);
  });

  it("deletes only what has expired, one of each kind here, and leaves everything else", async () => {
    const { db } = database;
    const result = await purgeExpired(db, env, NOW);
    expect(result).toEqual({ signInLinks: 1, endedSessions: 2, outbox: 1, readNotifications: 1, endedInvitations: 2, finishedJobs: 1, dataExports: 2, abandonedUploads: 2 });

    const tokens = await db.verificationToken.findMany({ where: { token: { in: Object.values(world.tokens) } } });
    expect(tokens.map((row) => row.token).sort()).toEqual([world.tokens.expiredRecently, world.tokens.live].sort());

    const sessionIds = new Set((await db.session.findMany({ where: { userId: world.userId } })).map((row) => row.id));
    expect(sessionIds).toEqual(new Set([world.sessions.endedRecently.id, world.sessions.live.id]));

    expect(await db.outboxEmail.findUnique({ where: { id: world.emails.old.id } })).toBeNull();
    expect(await db.outboxEmail.findUnique({ where: { id: world.emails.recent.id } })).not.toBeNull();

    const notificationIds = new Set((await db.notification.findMany({ where: { userId: world.userId } })).map((row) => row.id));
    expect(notificationIds).toEqual(new Set([world.notifications.readRecently.id, world.notifications.unreadOld.id]));

    const invitationIds = new Set((await db.invitation.findMany({ where: { invitedById: world.userId } })).map((row) => row.id));
    expect(invitationIds).toEqual(new Set([world.invitations.expiredRecently.id, world.invitations.acceptedLongAgo.id]));

    const jobIds = new Set((await db.backgroundJob.findMany({ where: { id: { in: Object.values(world.jobs).map((job) => job.id) } } })).map((row) => row.id));
    expect(jobIds).toEqual(new Set([world.jobs.failedLongAgo.id, world.jobs.succeededRecently.id]));

    const exportIds = new Set((await db.personalDataExport.findMany({ where: { userId: world.userId } })).map((row) => row.id));
    expect(exportIds).toEqual(new Set([world.dataExports.readyLive.id, world.dataExports.failedRecently.id]));

    const blobIds = new Set((await db.fileBlob.findMany({ where: { id: { in: Object.values(world.fileBlobs).map((blob) => blob.id) } } })).map((row) => row.id));
    expect(blobIds).toEqual(new Set([world.fileBlobs.arrivingNow.id, world.fileBlobs.keptLongAgo.id]));

    // The person themself and their account stay.
    expect(await db.user.findUnique({ where: { id: world.userId } })).not.toBeNull();
    // Nothing left to do: a second run deletes nothing.
    expect(Object.values(await purgeExpired(db, env, NOW)).every((count) => count === 0)).toBe(true);
  });

  it("follows the configured periods", async () => {
    const { db } = database;
    const recent = await db.outboxEmail.create({ data: { to: "b@example.org", subject: "s", text: "t", createdAt: ago(3 * DAY) } });
    const strict = parseEnv({ NODE_ENV: "test", TANDEM_RETAIN_OUTBOX_DAYS: "2" });
    expect((await purgeExpired(db, env, NOW)).outbox).toBe(0);
    expect((await purgeExpired(db, strict, NOW)).outbox).toBeGreaterThanOrEqual(1);
    expect(await db.outboxEmail.findUnique({ where: { id: recent.id } })).toBeNull();
  });

  it("shares a large backlog between instances purging at once, deleting each row once", async () => {
    const { db } = database;
    const backlog = 12_000;
    await db.outboxEmail.createMany({
      data: Array.from({ length: backlog }, (_, index) => ({ to: "c@example.org", subject: `old ${index}`, text: "t", createdAt: ago(60 * DAY) })),
    });
    const runs = await Promise.all([purgeExpired(db, env, NOW), purgeExpired(db, env, NOW), purgeExpired(db, env, NOW)]);
    expect(runs.reduce((sum, run) => sum + run.outbox, 0)).toBe(backlog);
    expect(await db.outboxEmail.count({ where: { createdAt: { lt: ago(30 * DAY) } } })).toBe(0);
  });

  it("runs from the job queue once a day, without a cron line", async () => {
    const { db } = database;
    const old = await db.outboxEmail.create({ data: { to: "d@example.org", subject: "s", text: "t", createdAt: ago(45 * DAY) } });
    const schedules = [{ kind: "retention.purge" as const, everyMinutes: 24 * 60 }];
    expect(await enqueueDueSchedules(db, NOW, schedules)).toBe(1);
    expect(await enqueueDueSchedules(db, new Date(NOW.getTime() + HOUR), schedules)).toBe(0);
    const ran = await runNextJob({ db, env, kinds: undefined, clock: () => NOW });
    expect(ran?.job.kind).toBe("retention.purge");
    expect(ran?.outcome).toBe("succeeded");
    const job = await db.backgroundJob.findUniqueOrThrow({ where: { onceKey: slotKey("retention.purge", slotStart(NOW, 24 * 60)) } });
    expect(job.result).toMatchObject({ outbox: 1 });
    expect(await db.outboxEmail.findUnique({ where: { id: old.id } })).toBeNull();
  });
});
