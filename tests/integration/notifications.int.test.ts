import { execFile } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import type { Database } from "@/server/db/client";
import type { NotificationKind } from "@/server/db/generated/enums";
import { DIGEST_INTERVAL_MS, sendDueDigests } from "@/server/domain/notifications/digest";
import { notify } from "@/server/domain/notifications/notify";
import { parseEnv } from "@/server/env";
import { callerFor } from "./support/caller";
import { withTestDatabase } from "./support/database";
import { expectFailure } from "./support/expect";
import { createPartnership, createPerson, unique } from "./support/factories";

const database = withTestDatabase();
const env = parseEnv({ NODE_ENV: "test", NEXTAUTH_URL: "https://tandem.example.org" });
const MINUTE = 60_000;

async function tell(db: Database, userId: string, kind: NotificationKind, title: string, createdAt?: Date) {
  return db.notification.create({
    data: { userId, kind, title, body: `About ${title}`, linkPath: `/somewhere/${unique()}`, ...(createdAt ? { createdAt } : {}) },
  });
}

const outboxFor = (db: Database, to: string) => db.outboxEmail.findMany({ where: { to }, orderBy: { createdAt: "asc" } });

describe("the notification list", () => {
  it("shows only the actor's own notifications, newest first, with unread counts and filter", async () => {
    const { db } = database;
    const partnership = await createPartnership(db);
    const { actor: sam } = await createPerson(db, { name: "Sam" });
    const { actor: kit } = await createPerson(db, { name: "Kit" });
    const start = Date.now() - 10 * MINUTE;
    const older = await tell(db, sam.userId, "JOIN_REQUEST", "Older", new Date(start));
    const newer = await db.notification.create({
      data: { userId: sam.userId, partnershipId: partnership.id, kind: "MENTION", title: "Newer", linkPath: "/p/x", createdAt: new Date(start + MINUTE) },
    });
    const read = await db.notification.create({
      data: { userId: sam.userId, kind: "ROLE_CHANGED", title: "Read", linkPath: "//evil.example.com", readAt: new Date(), createdAt: new Date(start + 2 * MINUTE) },
    });
    await tell(db, kit.userId, "MENTION", "Kit's");

    const api = callerFor(db, sam);
    const list = await api.notification.list();
    expect(list.items.map((n) => n.title)).toEqual(["Read", "Newer", "Older"]);
    expect(list.items[1]).toMatchObject({ id: newer.id, read: false, partnership: { name: partnership.name, slug: partnership.slug } });
    expect(list.items[0]).toMatchObject({ id: read.id, read: true, linkPath: "/notifications" }); // an off-site link is never followed
    expect(list.nextCursor).toBeNull();
    expect((await api.notification.list({ unreadOnly: true })).items.map((n) => n.id)).toEqual([newer.id, older.id]);
    expect(await api.notification.unreadCount()).toBe(2);
    expect(await callerFor(db, kit).notification.unreadCount()).toBe(1);
  });

  it("pages through many notifications, 30 at a time", async () => {
    const { db } = database;
    const { actor } = await createPerson(db);
    const start = Date.now() - 60 * MINUTE;
    await db.notification.createMany({
      data: Array.from({ length: 35 }, (_, i) => ({
        userId: actor.userId,
        kind: "MENTION" as const,
        title: `N${i}`,
        linkPath: "/",
        createdAt: new Date(start + Math.floor(i / 3) * MINUTE),
      })),
    });
    const api = callerFor(db, actor);
    const first = await api.notification.list({});
    const second = await api.notification.list({ cursor: first.nextCursor });
    expect(first.items).toHaveLength(30);
    expect(second.items).toHaveLength(5);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.items, ...second.items].map((n) => n.id)).size).toBe(35);
    expect(first.items[0]!.title).toBe("N34");
    expect(second.items.at(-1)!.title).toBe("N0");
  });

  it("marks only the actor's own notification read; someone else's behaves as if it did not exist", async () => {
    const { db } = database;
    const { actor: sam } = await createPerson(db);
    const { actor: kit } = await createPerson(db);
    const mine = await tell(db, sam.userId, "MENTION", "Mine");
    const theirs = await tell(db, kit.userId, "MENTION", "Theirs");
    const api = callerFor(db, sam);

    await expectFailure(api.notification.markRead({ notificationId: theirs.id }), "NOT_FOUND");
    expect((await db.notification.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toBeNull();

    const opened = await api.notification.markRead({ notificationId: mine.id });
    expect(opened.linkPath).toBe(mine.linkPath);
    const readAt = (await db.notification.findUniqueOrThrow({ where: { id: mine.id } })).readAt;
    expect(readAt).not.toBeNull();
    // Opening it again keeps the first time it was read.
    await api.notification.markRead({ notificationId: mine.id });
    expect((await db.notification.findUniqueOrThrow({ where: { id: mine.id } })).readAt).toEqual(readAt);
  });

  it("marks all of the actor's notifications read, and nobody else's", async () => {
    const { db } = database;
    const { actor: sam } = await createPerson(db);
    const { actor: kit } = await createPerson(db);
    await tell(db, sam.userId, "MENTION", "One");
    await tell(db, sam.userId, "JOIN_DECISION", "Two");
    await tell(db, kit.userId, "MENTION", "Kit's");
    expect(await callerFor(db, sam).notification.markAllRead()).toEqual({ count: 2 });
    expect(await callerFor(db, sam).notification.unreadCount()).toBe(0);
    expect(await callerFor(db, kit).notification.unreadCount()).toBe(1);
  });
});

describe("the email digest", () => {
  it("sends one email listing every pending notification, and records it", async () => {
    const { db } = database;
    const partnership = await createPartnership(db, { name: `Leeds LCP ${unique()}` });
    const { user } = await createPerson(db, { name: "Dee Digest" });
    const { user: author } = await createPerson(db, { name: "Ann Author" });
    // Through notify(), as the rest of the app creates them.
    await db.$transaction((tx) =>
      notify(tx, { userIds: [user.id], actorId: author.id, partnershipId: partnership.id, kind: "MENTION", title: "Ann mentioned you in “Kick-off”", body: "When shall we meet?", linkPath: "/p/x" }),
    );
    const join = await tell(db, user.id, "JOIN_REQUEST", "Sam asked to join Carers");
    const role = await tell(db, user.id, "ROLE_CHANGED", "You are now a chair");

    const now = new Date(Date.now() + MINUTE);
    const run = await sendDueDigests(db, now, env);
    expect(run.failed).toBe(0);

    const emails = await outboxFor(db, user.email);
    expect(emails).toHaveLength(1);
    expect(emails[0]!.subject).toBe("Tandem: 3 updates");
    const text = emails[0]!.text;
    expect(text).toContain("Hello Dee Digest,");
    expect(text).toContain("Ann mentioned you in “Kick-off”");
    expect(text).toContain(`${partnership.name} · When shall we meet?`);
    expect(text).toContain("Sam asked to join Carers");
    expect(text).toContain("You are now a chair");
    expect(text).toContain(`https://tandem.example.org/notifications/${join.id}/open`);
    expect(text).toContain(`https://tandem.example.org/notifications/${role.id}/open`);
    expect(text).toContain("https://tandem.example.org/account");

    const pending = await db.notification.findMany({ where: { userId: user.id } });
    expect(pending.every((n) => n.emailedAt?.getTime() === now.getTime())).toBe(true);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lastDigestSentAt).toEqual(now);
    expect(await outboxFor(db, author.email)).toHaveLength(0);
  });

  it("sends nothing more within 15 minutes, then one email with what waited", async () => {
    const { db } = database;
    const { user } = await createPerson(db);
    await tell(db, user.id, "MENTION", "First");
    const t0 = new Date(Date.now() + MINUTE);
    await sendDueDigests(db, t0, env);
    expect(await outboxFor(db, user.email)).toHaveLength(1);

    const later = await tell(db, user.id, "JOIN_DECISION", "You joined Carers");
    await tell(db, user.id, "MENTION", "Second mention");
    const soon = await sendDueDigests(db, new Date(t0.getTime() + 5 * MINUTE), env);
    expect(soon.waiting).toBeGreaterThanOrEqual(1);
    await sendDueDigests(db, new Date(t0.getTime() + DIGEST_INTERVAL_MS - 1), env);
    expect(await outboxFor(db, user.email)).toHaveLength(1);
    expect((await db.notification.findUniqueOrThrow({ where: { id: later.id } })).emailedAt).toBeNull();

    await sendDueDigests(db, new Date(t0.getTime() + DIGEST_INTERVAL_MS), env);
    const emails = await outboxFor(db, user.email);
    expect(emails).toHaveLength(2);
    expect(emails[1]!.subject).toBe("Tandem: 2 updates");
    expect(emails[1]!.text).toContain("You joined Carers");
    expect(emails[1]!.text).not.toContain("First");
  });

  it("does not email kinds the person opted out of (or already read), but marks them done", async () => {
    const { db } = database;
    const { user } = await createPerson(db);
    await db.user.update({ where: { id: user.id }, data: { emailOnMentions: false, emailOnJoinRequests: false, emailOnDecisions: true } });
    const mention = await tell(db, user.id, "MENTION", "Muted mention");
    const request = await tell(db, user.id, "JOIN_REQUEST", "Muted request");
    const decision = await tell(db, user.id, "JOIN_DECISION", "Your request was approved");
    const invitation = await tell(db, user.id, "INVITATION", "You are invited to Renfrewshire");
    const alreadyRead = await db.notification.create({
      data: { userId: user.id, kind: "JOIN_DECISION", title: "Seen already", linkPath: "/", readAt: new Date() },
    });

    await sendDueDigests(db, new Date(Date.now() + MINUTE), env);
    const emails = await outboxFor(db, user.email);
    expect(emails).toHaveLength(1);
    expect(emails[0]!.subject).toBe("Tandem: 2 updates");
    expect(emails[0]!.text).toContain("Your request was approved");
    expect(emails[0]!.text).toContain("You are invited to Renfrewshire");
    for (const muted of ["Muted mention", "Muted request", "Seen already"]) expect(emails[0]!.text).not.toContain(muted);
    for (const n of [mention, request, decision, invitation, alreadyRead]) {
      expect((await db.notification.findUniqueOrThrow({ where: { id: n.id } })).emailedAt).not.toBeNull();
    }
  });

  it("sends no email at all when everything pending was opted out of", async () => {
    const { db } = database;
    const { user } = await createPerson(db);
    await db.user.update({ where: { id: user.id }, data: { emailOnMentions: false } });
    const mention = await tell(db, user.id, "MENTION", "Muted");
    await sendDueDigests(db, new Date(Date.now() + MINUTE), env);
    expect(await outboxFor(db, user.email)).toHaveLength(0);
    expect((await db.notification.findUniqueOrThrow({ where: { id: mention.id } })).emailedAt).not.toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lastDigestSentAt).toBeNull();
  });

  it("marks nothing when the email cannot be sent, so the next run tries again", async () => {
    const { db } = database;
    const { user } = await createPerson(db);
    const n = await tell(db, user.id, "ROLE_CHANGED", "Role");
    // An "SMTP server" that hangs up on every connection.
    const server = net.createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as net.AddressInfo;
    const broken = parseEnv({ NODE_ENV: "test", SMTP_URL: `smtp://127.0.0.1:${port}` });
    const quiet = console.error;
    console.error = () => {};
    try {
      const run = await sendDueDigests(db, new Date(Date.now() + MINUTE), broken);
      expect(run.failed).toBeGreaterThanOrEqual(1);
    } finally {
      console.error = quiet;
      await new Promise((resolve) => server.close(resolve));
    }
    expect((await db.notification.findUniqueOrThrow({ where: { id: n.id } })).emailedAt).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lastDigestSentAt).toBeNull();

    await sendDueDigests(db, new Date(Date.now() + 2 * MINUTE), env);
    expect(await outboxFor(db, user.email)).toHaveLength(1);
  });

  it("never sends the same notification twice when several runs go at once", async () => {
    const { db } = database;
    const people = await Promise.all(Array.from({ length: 8 }, () => createPerson(db)));
    for (const { user } of people) {
      await tell(db, user.id, "MENTION", `Mention for ${user.name}`);
      await tell(db, user.id, "ROLE_CHANGED", `Role for ${user.name}`);
    }
    const now = new Date(Date.now() + MINUTE);
    const runs = await Promise.all(Array.from({ length: 4 }, () => sendDueDigests(db, now, env)));
    expect(runs.reduce((sum, run) => sum + run.failed, 0)).toBe(0);

    for (const { user } of people) {
      const emails = await outboxFor(db, user.email);
      expect(emails).toHaveLength(1);
      expect(emails[0]!.subject).toBe("Tandem: 2 updates");
      expect(await db.notification.count({ where: { userId: user.id, emailedAt: null } })).toBe(0);
    }
    // And a run straight after finds nothing left to send to them.
    await sendDueDigests(db, new Date(now.getTime() + DIGEST_INTERVAL_MS), env);
    for (const { user } of people) expect(await outboxFor(db, user.email)).toHaveLength(1);
  });

  it("is sent by the cron script, scripts/send-digests.ts", async () => {
    const { db } = database;
    const { user } = await createPerson(db, { name: "Cron Reader" });
    await tell(db, user.id, "INVITATION", "You are invited to Renfrewshire HSCP");
    const root = path.resolve(import.meta.dirname, "../..");
    const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/send-digests.ts"], {
      cwd: root,
      env: { PATH: process.env.PATH, DATABASE_URL: database.url, NODE_ENV: "test", NEXTAUTH_URL: "https://tandem.example.org" },
      timeout: 60_000,
    });
    expect(stdout).toMatch(/\[digest\] \d+ emails? sent/);
    const emails = await outboxFor(db, user.email);
    expect(emails).toHaveLength(1);
    expect(emails[0]!.subject).toBe("Tandem: 1 update");
    expect(emails[0]!.text).toContain("You are invited to Renfrewshire HSCP");
  });
});
