import { describe, expect, it } from "vitest";
import type { Database } from "@/server/db/client";
import { withTestDatabase } from "./support/database";
import { expectFailure } from "./support/expect";
import { unique } from "./support/factories";
import { mutate } from "./support/http";
import { subGroupIn, subGroupWorld } from "./support/worlds";

const database = withTestDatabase();

/**
 * A partnership with one sub-group: a lead, a member, a partnership member who is not in
 * the sub-group, an officer, a chair, an observer; and someone from another partnership.
 */
async function space(db: Database) {
  return subGroupWorld(db, {
    cast: {
      lead: { name: "Lena Lead", organisation: "public" },
      member: { name: "Mo Member", organisation: "voluntary" },
      neighbour: { name: "Nia Neighbour", organisation: "voluntary" },
      officer: { name: "Olu Officer", organisation: "public", role: "OFFICER" },
      chair: { name: "Chris Chair", organisation: "public", role: "CHAIR" },
      observer: { name: "Obi Observer", role: "OBSERVER" },
      outsider: { name: "Oscar Outsider", role: null, elsewhere: "OFFICER" },
    },
    tagNames: true,
    organisations: { voluntary: { name: "Carers Leeds" }, public: { name: "Leeds City Council" } },
    area: { title: "Carers", description: "Unpaid carers", outcomesSought: "Breaks" },
    subGroup: { name: `Short breaks ${unique()}`, purpose: "Test breaks" },
    leads: ["lead"],
    members: ["member"],
  });
}

async function counts(db: Database, subGroupId: string) {
  const [threads, replies, notes, activity, notifications] = await Promise.all([
    db.thread.count({ where: { subGroupId } }),
    db.reply.count({ where: { thread: { subGroupId } } }),
    db.subGroupNote.count({ where: { subGroupId } }),
    db.activity.count({ where: { subGroupId } }),
    db.notification.count(),
  ]);
  return { threads, replies, notes, activity, notifications };
}

describe("conversations", () => {
  it("starts a conversation, lists it with its author, and records it in the feed", async () => {
    const { db } = database;
    const s = await space(db);
    const started = await s.api("member").discussion.startThread({
      subGroupId: s.subGroup.id,
      title: "  Venue\nfor   March  ", // one line, trimmed
      body: "Where shall we meet?",
      mentionUserIds: [],
    });
    expect(started.linkPath).toBe(`/p/${s.partnership.slug}/groups/${s.subGroup.id}/discussions/${started.id}`);

    const space1 = await s.api("lead").discussion.threads({ subGroupId: s.subGroup.id });
    expect(space1.threads).toHaveLength(1);
    expect(space1.threads[0]).toMatchObject({
      id: started.id,
      title: "Venue for March",
      replyCount: 0,
      author: { id: s.people.member.userId, name: s.people.member.name, organisation: { name: s.organisations.voluntary.name, sector: "VOLUNTARY" } },
    });
    expect(space1.viewer).toEqual({ canPost: true, canManageNotes: true });

    const feed = await s.api("member").discussion.activity({ subGroupId: s.subGroup.id });
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]).toMatchObject({
      kind: "THREAD_STARTED",
      summary: `${s.people.member.name} started a conversation: “Venue for March”`,
      linkPath: started.linkPath,
      actor: { id: s.people.member.userId },
    });
  });

  it("shows replies in order with name, organisation and sector, and moves the thread to the top", async () => {
    const { db } = database;
    const s = await space(db);
    const first = await s.api("member").discussion.startThread({ subGroupId: s.subGroup.id, title: "First", body: "One", mentionUserIds: [] });
    const second = await s.api("lead").discussion.startThread({ subGroupId: s.subGroup.id, title: "Second", body: "Two", mentionUserIds: [] });
    let list = await s.api("member").discussion.threads({ subGroupId: s.subGroup.id });
    expect(list.threads.map((t) => t.id)).toEqual([second.id, first.id]);

    const before = await db.thread.findUniqueOrThrow({ where: { id: first.id } });
    await s.api("lead").discussion.reply({ threadId: first.id, body: "Tuesday suits me", mentionUserIds: [] });
    await s.api("officer").discussion.reply({ threadId: first.id, body: "I can book the hall", mentionUserIds: [] });
    const after = await db.thread.findUniqueOrThrow({ where: { id: first.id } });
    expect(after.lastActivityAt.getTime()).toBeGreaterThan(before.lastActivityAt.getTime());

    list = await s.api("member").discussion.threads({ subGroupId: s.subGroup.id });
    expect(list.threads.map((t) => [t.id, t.replyCount])).toEqual([
      [first.id, 2],
      [second.id, 0],
    ]);

    const view = await s.api("member").discussion.thread({ threadId: first.id });
    expect(view.thread).toMatchObject({ title: "First", body: "One" });
    expect(view.replies.map((r) => [r.body, r.author.name, r.author.organisation?.name, r.author.organisation?.sector])).toEqual([
      ["Tuesday suits me", s.people.lead.name, s.organisations.public.name, "PUBLIC"],
      ["I can book the hall", s.people.officer.name, s.organisations.public.name, "PUBLIC"],
    ]);
    expect(view.viewer.canReply).toBe(true);

    const kinds = await db.activity.findMany({ where: { subGroupId: s.subGroup.id }, orderBy: { createdAt: "asc" }, select: { kind: true, linkPath: true } });
    expect(kinds.map((a) => a.kind)).toEqual(["THREAD_STARTED", "THREAD_STARTED", "REPLY_POSTED", "REPLY_POSTED"]);
    expect(kinds[2]!.linkPath).toMatch(new RegExp(`/discussions/${first.id}#reply-`));
  });

  it("keeps bodies as plain text and highlights @mentions of the partnership's people", async () => {
    const { db } = database;
    const s = await space(db);
    const body = `<b>Hi</b> @${s.people.lead.name}, cc @${s.people.neighbour.name}. Email me at mo@example.org`;
    const started = await s.api("member").discussion.startThread({ subGroupId: s.subGroup.id, title: "<script>x</script>", body, mentionUserIds: [] });
    const view = await s.api("member").discussion.thread({ threadId: started.id });
    expect(view.thread.title).toBe("<script>x</script>");
    expect(view.thread.body).toBe(body);
    expect(view.thread.bodySegments).toEqual([
      { kind: "text", text: "<b>Hi</b> " },
      { kind: "mention", text: `@${s.people.lead.name}`, userId: s.people.lead.userId },
      { kind: "text", text: ", cc " },
      { kind: "mention", text: `@${s.people.neighbour.name}`, userId: s.people.neighbour.userId },
      { kind: "text", text: ". Email me at mo@example.org" },
    ]);
  });
});

describe("mentions", () => {
  it("tells each mentioned partnership member once, never the author, and silently ignores everyone else", async () => {
    const { db } = database;
    const s = await space(db);
    const stranger = await s.person({ name: `Stan Stranger ${unique("n")}`, role: null });
    const started = await s.api("member").discussion.startThread({
      subGroupId: s.subGroup.id,
      title: "Respite",
      body: `@${s.people.neighbour.name} and @${s.people.observer.name}, thoughts?`,
      mentionUserIds: [
        s.people.neighbour.userId,
        s.people.neighbour.userId,
        s.people.member.userId, // the author
        s.people.outsider.userId, // another partnership
        stranger.userId, // in no partnership
        "no-such-user",
        s.people.observer.userId,
      ],
    });
    expect(started.mentioned).toBe(2);
    const notifications = await db.notification.findMany({
      where: { kind: "MENTION", linkPath: started.linkPath },
      orderBy: { userId: "asc" },
    });
    expect(notifications.map((n) => n.userId).sort()).toEqual([s.people.neighbour.userId, s.people.observer.userId].sort());
    expect(notifications[0]).toMatchObject({
      partnershipId: s.partnership.id,
      title: `${s.people.member.name} mentioned you in “Respite”`,
      readAt: null,
      emailedAt: null,
    });
    expect(notifications[0]!.body).toContain("thoughts?");
    for (const nobody of [s.people.member, s.people.outsider, stranger]) {
      expect(await db.notification.count({ where: { userId: nobody.userId } })).toBe(0);
    }
  });

  it("links a mention in a reply to that reply", async () => {
    const { db } = database;
    const s = await space(db);
    const thread = await s.api("lead").discussion.startThread({ subGroupId: s.subGroup.id, title: "Budget", body: "Draft attached", mentionUserIds: [] });
    const reply = await s.api("member").discussion.reply({
      threadId: thread.id,
      body: `@${s.people.lead.name} looks good`,
      mentionUserIds: [s.people.lead.userId, s.people.lead.userId],
    });
    const mine = await db.notification.findMany({ where: { userId: s.people.lead.userId } });
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      kind: "MENTION",
      linkPath: `${thread.linkPath}#reply-${reply.id}`,
      title: `${s.people.member.name} mentioned you in a reply to “Budget”`,
    });
  });

  it("offers the partnership's people to mention, the sub-group's own first, respecting directory choices", async () => {
    const { db } = database;
    const s = await space(db);
    await db.user.update({ where: { id: s.people.neighbour.userId }, data: { listedInDirectory: false } });
    await db.user.update({ where: { id: s.people.lead.userId }, data: { listedInDirectory: false } });
    const people = await s.api("member").discussion.mentionable({ subGroupId: s.subGroup.id });
    const ids = people.map((p) => p.id);
    expect(ids[0]).toBe(s.people.lead.userId); // in the sub-group: offered even though unlisted
    expect(people[0]).toMatchObject({ name: s.people.lead.name, organisation: s.organisations.public.name, inSubGroup: true });
    expect(new Set(ids.slice(1))).toEqual(new Set([s.people.officer.userId, s.people.chair.userId, s.people.observer.userId]));
    expect(ids).not.toContain(s.people.member.userId); // not yourself
    expect(ids).not.toContain(s.people.neighbour.userId); // unlisted and not in the sub-group
    expect(ids).not.toContain(s.people.outsider.userId);
  });
});

describe("refusals", () => {
  it("gives field-level messages for a missing or too long message, and writes nothing", async () => {
    const { db } = database;
    const s = await space(db);
    const before = await counts(db, s.subGroup.id);

    const empty = await mutate(db, s.people.member, "discussion.startThread", { subGroupId: s.subGroup.id, title: " ", body: "   ", mentionUserIds: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.error?.json.data.fieldErrors).toEqual({ title: ["Enter a title for the conversation"], body: ["Enter your message"] });

    const long = await mutate(db, s.people.member, "discussion.startThread", { subGroupId: s.subGroup.id, title: "Long", body: "x".repeat(10_001), mentionUserIds: [] });
    expect(long.body.error?.json.data.fieldErrors).toEqual({ body: ["Your message must be 10,000 characters or fewer"] });

    const thread = await db.thread.create({ data: { subGroupId: s.subGroup.id, authorId: s.people.lead.userId, title: "T", body: "B" } });
    const reply = await mutate(db, s.people.member, "discussion.reply", { threadId: thread.id, body: "", mentionUserIds: [] });
    expect(reply.body.error?.json.data.fieldErrors).toEqual({ body: ["Enter your reply"] });

    const ok = await s.api("member").discussion.startThread({ subGroupId: s.subGroup.id, title: "Exactly", body: "x".repeat(10_000), mentionUserIds: [] });
    expect(ok.id).toBeTruthy();
    expect(await counts(db, s.subGroup.id)).toEqual({ ...before, threads: before.threads + 2, activity: before.activity + 1 });
  });

  it("refuses every change in an archived sub-group with a clear message, writing nothing", async () => {
    const { db } = database;
    const s = await space(db);
    const thread = await s.api("member").discussion.startThread({ subGroupId: s.subGroup.id, title: "Old", body: "Before", mentionUserIds: [] });
    const note = await s.api("lead").discussion.addNote({ subGroupId: s.subGroup.id, title: "Old note", body: "Kept", pinned: false });
    await db.subGroup.update({ where: { id: s.subGroup.id }, data: { archivedAt: new Date() } });
    const before = await counts(db, s.subGroup.id);
    const { lastActivityAt } = await db.thread.findUniqueOrThrow({ where: { id: thread.id } });

    const attempts = [
      () => s.api("member").discussion.startThread({ subGroupId: s.subGroup.id, title: "New", body: "After", mentionUserIds: [s.people.lead.userId] }),
      () => s.api("member").discussion.reply({ threadId: thread.id, body: "After", mentionUserIds: [s.people.lead.userId] }),
      () => s.api("lead").discussion.addNote({ subGroupId: s.subGroup.id, title: "New note", body: "x", pinned: true }),
      () => s.api("lead").discussion.setNotePinned({ noteId: note.id, pinned: true }),
    ];
    for (const attempt of attempts) {
      await expectFailure(
        attempt,
        "PRECONDITION_FAILED",
        "This sub-group has been archived, so its conversations and notes can be read but no longer changed.",
      );
    }
    expect(await counts(db, s.subGroup.id)).toEqual(before);
    expect((await db.thread.findUniqueOrThrow({ where: { id: thread.id } })).lastActivityAt).toEqual(lastActivityAt);

    // Still readable, and the screens are told not to offer the forms.
    const view = await s.api("member").discussion.threads({ subGroupId: s.subGroup.id });
    expect(view.subGroup.archived).toBe(true);
    expect(view.viewer).toEqual({ canPost: false, canManageNotes: false });
    expect((await s.api("member").discussion.thread({ threadId: thread.id })).viewer.canReply).toBe(false);
  });

  it("lets sub-group people, officers and chairs read and post; refuses other members and hides it from outsiders", async () => {
    const { db } = database;
    const s = await space(db);
    const thread = await db.thread.create({ data: { subGroupId: s.subGroup.id, authorId: s.people.lead.userId, title: "T", body: "B" } });
    for (const who of ["lead", "member", "officer", "chair"] as const) {
      await expect(s.api(who).discussion.threads({ subGroupId: s.subGroup.id })).resolves.toMatchObject({ threads: [{ id: thread.id }] });
      await expect(s.api(who).discussion.reply({ threadId: thread.id, body: `From ${who}`, mentionUserIds: [] })).resolves.toBeTruthy();
    }
    const before = await counts(db, s.subGroup.id);
    for (const who of ["neighbour", "observer"] as const) {
      await expectFailure(s.api(who).discussion.threads({ subGroupId: s.subGroup.id }), "FORBIDDEN");
      await expectFailure(s.api(who).discussion.thread({ threadId: thread.id }), "FORBIDDEN");
      await expectFailure(
        s.api(who).discussion.startThread({ subGroupId: s.subGroup.id, title: "x", body: "y", mentionUserIds: [] }),
        "FORBIDDEN",
      );
    }
    await expectFailure(s.api("outsider").discussion.thread({ threadId: thread.id }), "NOT_FOUND");
    await expectFailure(s.api("outsider").discussion.reply({ threadId: thread.id, body: "y", mentionUserIds: [] }), "NOT_FOUND");
    expect(await counts(db, s.subGroup.id)).toEqual(before);
  });
});

describe("notes", () => {
  it("lets leads, officers and chairs add and pin notes, pinned first; members may not", async () => {
    const { db } = database;
    const s = await space(db);
    await expectFailure(
      s.api("member").discussion.addNote({ subGroupId: s.subGroup.id, title: "x", body: "y", pinned: true }),
      "FORBIDDEN",
    );
    expect(await db.subGroupNote.count({ where: { subGroupId: s.subGroup.id } })).toBe(0);

    const links = await s.api("lead").discussion.addNote({ subGroupId: s.subGroup.id, title: "Key links", body: "Drive", pinned: false });
    const meeting = await s.api("officer").discussion.addNote({ subGroupId: s.subGroup.id, title: "Next meeting", body: "3 March", pinned: true });
    const agenda = await s.api("chair").discussion.addNote({ subGroupId: s.subGroup.id, title: "Agenda", body: "Budget", pinned: true });
    const titles = async () => (await s.api("member").discussion.threads({ subGroupId: s.subGroup.id })).notes.map((n) => [n.title, n.pinned]);
    expect(await titles()).toEqual([
      ["Agenda", true],
      ["Next meeting", true],
      ["Key links", false],
    ]);

    await s.api("lead").discussion.setNotePinned({ noteId: links.id, pinned: true });
    await s.api("lead").discussion.setNotePinned({ noteId: agenda.id, pinned: false });
    expect(await titles()).toEqual([
      ["Key links", true],
      ["Next meeting", true],
      ["Agenda", false],
    ]);
    // Pinning a pinned note again changes nothing and records nothing.
    await s.api("lead").discussion.setNotePinned({ noteId: meeting.id, pinned: true });

    const pinned = await db.activity.findMany({ where: { subGroupId: s.subGroup.id, kind: "NOTE_PINNED" }, orderBy: { createdAt: "asc" } });
    expect(pinned.map((a) => a.summary)).toEqual([
      `${s.people.officer.name} pinned a note: “Next meeting”`,
      `${s.people.chair.name} pinned a note: “Agenda”`,
      `${s.people.lead.name} pinned a note: “Key links”`,
    ]);
    expect(pinned[2]!.linkPath).toBe(`/p/${s.partnership.slug}/groups/${s.subGroup.id}/discussions#note-${links.id}`);

    await expectFailure(s.api("member").discussion.setNotePinned({ noteId: links.id, pinned: false }), "FORBIDDEN");
    expect((await db.subGroupNote.findUniqueOrThrow({ where: { id: links.id } })).pinnedAt).not.toBeNull();
  });
});

describe("activity feed", () => {
  it("pages through the sub-group's activity, newest first, 30 at a time", async () => {
    const { db } = database;
    const s = await space(db);
    const other = await subGroupIn(db, s.area, { name: "Other", purpose: "Other" });
    const start = Date.UTC(2025, 0, 1);
    await db.activity.createMany({
      data: Array.from({ length: 65 }, (_, i) => ({
        partnershipId: s.partnership.id,
        subGroupId: s.subGroup.id,
        actorId: s.people.lead.userId,
        kind: "MEMBER_JOINED" as const,
        summary: `Entry ${i}`,
        // Pairs share a timestamp, so the order must not depend on the time alone.
        createdAt: new Date(start + Math.floor(i / 2) * 60_000),
      })),
    });
    const elsewhere = await db.activity.create({
      data: { partnershipId: s.partnership.id, subGroupId: other.id, actorId: null, kind: "SUBGROUP_CREATED", summary: "Elsewhere" },
    });

    const api = s.api("member").discussion;
    const page1 = await api.activity({ subGroupId: s.subGroup.id });
    const page2 = await api.activity({ subGroupId: s.subGroup.id, cursor: page1.nextCursor });
    const page3 = await api.activity({ subGroupId: s.subGroup.id, cursor: page2.nextCursor });
    expect([page1.items.length, page2.items.length, page3.items.length]).toEqual([30, 30, 5]);
    expect(page3.nextCursor).toBeNull();
    const all = [...page1.items, ...page2.items, ...page3.items];
    expect(new Set(all.map((a) => a.id)).size).toBe(65);
    expect(all[0]!.summary).toBe("Entry 64");
    expect(all.at(-1)!.summary).toBe("Entry 0");
    for (let i = 1; i < all.length; i++) expect(all[i - 1]!.createdAt.getTime()).toBeGreaterThanOrEqual(all[i]!.createdAt.getTime());
    expect(all[0]).toMatchObject({ actor: { id: s.people.lead.userId, name: s.people.lead.name } });

    // A cursor from another sub-group's feed is refused, not followed.
    await expectFailure(api.activity({ subGroupId: s.subGroup.id, cursor: elsewhere.id }), "BAD_REQUEST");
  });
});
