import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { storyImageMarkdown } from "@/lib/markdown";
import { withTestDatabase } from "./support/database";
import { expectFailure } from "./support/expect";
import { downloadAs, pdfBytes, uploadAs } from "./support/files";
import { daysFromNow, STANDARD_CAST, subGroupWorld } from "./support/worlds";

/**
 * Flyers and slides on events, and files in a sub-group's discussions: who may upload
 * (organisers; those who may reply while the sub-group is open), who may download (whoever
 * may see the event or read the discussion), and that neither is ever public; and a story's
 * uploaded pictures, shown from Tandem's own route, public only with the story.
 */

const database = withTestDatabase();

async function eventWorld() {
  const w = await subGroupWorld<typeof STANDARD_CAST>(database.db, { members: ["member"] });
  const startsAt = daysFromNow(10);
  const event = await database.db.event.create({
    data: {
      partnershipId: w.partnership.id,
      kind: "NETWORKING_BREAKFAST",
      title: "Spring networking breakfast",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3600 * 1000),
      venueName: "Town hall",
      createdById: w.people.member.userId,
    },
  });
  return { w, event, target: { ownerKind: "EVENT" as const, ownerId: event.id } };
}

describe("an event's flyer and slides", () => {
  it("are uploaded by its organisers and by officers and chairs, not by other members or observers", async () => {
    const { db } = database;
    const { w, target } = await eventWorld();
    // `member` arranged the event; officers and chairs may change any event.
    for (const person of [w.people.member, w.people.officer, w.people.chair]) {
      const uploaded = await uploadAs(db, person, target, `flyer by ${person.name}.pdf`, pdfBytes(person.name ?? ""));
      expect(uploaded.status, person.name ?? "").toBe(201);
    }
    const colleague = await uploadAs(db, w.people.colleague, target, "mine.pdf", pdfBytes());
    expect(colleague.status).toBe(403);
    expect(colleague.message).toBe("Only the event's organisers (or an officer or chair) can add its flyer and slides.");
    expect((await uploadAs(db, w.people.observer, target, "mine.pdf", pdfBytes())).status).toBe(403);
    expect((await uploadAs(db, w.people.outsider, target, "mine.pdf", pdfBytes())).status).toBe(404);
    expect((await uploadAs(db, null, target, "mine.pdf", pdfBytes())).status).toBe(401);

    const listed = await w.api("colleague").file.list(target);
    expect(listed.files.map((file) => file.current.name).sort()).toEqual(["flyer by Chris Chair.pdf", "flyer by Mo Member.pdf", "flyer by Olu Officer.pdf"]);
    expect(listed.canAttach).toBe(false);
    expect((await w.api("member").file.list(target)).canAttach).toBe(true);
  });

  it("are downloaded by everyone who may see the event, never by outsiders or the public", async () => {
    const { db } = database;
    const { w, target } = await eventWorld();
    await db.partnership.update({ where: { id: w.partnership.id }, data: { publishesPortfolio: true } });
    const fileId = (await uploadAs(db, w.people.member, target, "flyer.pdf", pdfBytes("flyer")))!.file!.fileId;
    for (const person of [w.people.member, w.people.colleague, w.people.observer, w.people.officer]) {
      expect((await downloadAs(db, person, fileId)).status, person.name ?? "").toBe(200);
    }
    expect((await downloadAs(db, w.people.outsider, fileId)).status).toBe(404);
    expect((await downloadAs(db, null, fileId)).status).toBe(404);
  });

  it("take no more files once the event is cancelled, though its files stay readable", async () => {
    const { db } = database;
    const { w, event, target } = await eventWorld();
    const fileId = (await uploadAs(db, w.people.member, target, "flyer.pdf", pdfBytes()))!.file!.fileId;
    await db.event.update({ where: { id: event.id }, data: { status: "CANCELLED", cancelledAt: new Date() } });
    const refused = await uploadAs(db, w.people.member, target, "slides.pdf", pdfBytes());
    expect(refused.status).toBe(412);
    expect(refused.message).toBe("This event has been cancelled, so no more files can be added to it.");
    expect((await downloadAs(db, w.people.colleague, fileId)).status).toBe(200);
    const listed = await w.api("member").file.list(target);
    expect(listed.canAttach).toBe(false);
    expect(listed.closedReason).toBe("This event has been cancelled, so no more files can be added to it.");
  });
});

describe("files in a discussion", () => {
  async function threadWorld() {
    // The observer is on the sub-group's list, so reads its discussions, but observers post nothing.
    const w = await subGroupWorld<typeof STANDARD_CAST>(database.db, { members: ["member", "observer"] });
    const thread = await w.api("member").discussion.startThread({ subGroupId: w.subGroup.id, title: "Venues", body: "Which halls are step-free?", mentionUserIds: [] });
    return { w, threadId: thread.id, target: { ownerKind: "THREAD" as const, ownerId: thread.id } };
  }

  it("are added by those who may reply, and read only by the discussion's readers", async () => {
    const { db } = database;
    const { w, target } = await threadWorld();
    const uploaded = await uploadAs(db, w.people.member, target, "venues.csv", new TextEncoder().encode("hall,step-free\nSt Mary's,yes\n"));
    expect(uploaded.status).toBe(201);
    expect((await uploadAs(db, w.people.officer, target, "map.pdf", pdfBytes())).status).toBe(201);
    const observer = await uploadAs(db, w.people.observer, target, "x.pdf", pdfBytes());
    expect(observer.status).toBe(403);
    expect(observer.message).toContain("Observers read what the partnership shares with them");
    // Not in the sub-group: the discussion does not exist for them.
    expect((await uploadAs(db, w.people.colleague, target, "x.pdf", pdfBytes())).status).toBe(404);
    expect((await uploadAs(db, w.people.outsider, target, "x.pdf", pdfBytes())).status).toBe(404);

    const fileId = uploaded.file!.fileId;
    expect((await downloadAs(db, w.people.member, fileId)).status).toBe(200);
    expect((await downloadAs(db, w.people.officer, fileId)).status).toBe(200);
    expect((await downloadAs(db, w.people.observer, fileId)).status).toBe(200);
    for (const person of [w.people.colleague, w.people.outsider, null]) {
      expect((await downloadAs(db, person, fileId)).status, person?.name ?? "signed out").toBe(404);
    }
    expect((await w.api("member").file.list(target)).files).toHaveLength(2);
  });

  it("close with the sub-group: an archived sub-group's discussions take no more files", async () => {
    const { db } = database;
    const { w, target } = await threadWorld();
    const fileId = (await uploadAs(db, w.people.member, target, "notes.pdf", pdfBytes()))!.file!.fileId;
    await db.subGroup.update({ where: { id: w.subGroup.id }, data: { archivedAt: new Date() } });
    const refused = await uploadAs(db, w.people.member, target, "more.pdf", pdfBytes());
    expect(refused.status).toBe(412);
    expect(refused.message).toBe("This sub-group has been archived, so its discussions take no more files.");
    expect((await downloadAs(db, w.people.member, fileId)).status).toBe(200);
  });
});

describe("a story's uploaded pictures", () => {
  it("show in the story from Tandem's own route, to its readers and, once public, on the public page; another story's file never shows", async () => {
    const { db } = database;
    const w = await subGroupWorld<typeof STANDARD_CAST>(database.db, {});
    const created = await w.api("member").story.create({ partnershipSlug: w.partnership.slug, title: "Tea at the hub", body: "We met." });
    const elsewhere = await w.api("colleague").story.create({ partnershipSlug: w.partnership.slug, title: "Other", body: "Theirs." });
    const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#3366aa" } }).png().toBuffer();
    const own = (await uploadAs(db, w.people.member, { ownerKind: "STORY", ownerId: created.id }, "tea.png", photo))!.file!.fileId;
    const theirs = (await uploadAs(db, w.people.colleague, { ownerKind: "STORY", ownerId: elsewhere.id }, "theirs.png", photo))!.file!.fileId;
    // Only the author adds pictures to a story.
    expect((await uploadAs(db, w.people.colleague, { ownerKind: "STORY", ownerId: created.id }, "x.png", photo)).status).toBe(404);

    const body = `We met.\n\n${storyImageMarkdown(own, "Volunteers pouring tea")}\n\n${storyImageMarkdown(theirs, "Someone else's picture")}`;
    const saved = await w.api("member").story.update({ storyId: created.id, version: created.version, title: "Tea at the hub", body });
    expect(saved.html).toMatch(new RegExp(`<img src="/api/files/${own}\\?inline=1" loading="lazy" alt="Volunteers pouring tea" />`));
    expect(saved.html).not.toContain(theirs);
    expect(saved.html).toContain("<p>Someone else's picture</p>");

    // A picture must be described.
    await expectFailure(
      w.api("member").story.update({ storyId: created.id, version: saved.version, title: "Tea at the hub", body: `![](file:${own})` }),
      "BAD_REQUEST",
    );

    await db.story.update({ where: { id: created.id }, data: { status: "PUBLISHED", publishedAt: new Date(), isPublic: true } });
    const read = await w.api("colleague").story.get({ storyId: created.id });
    expect(read.html).toContain(`/api/files/${own}?inline=1`);
    expect((await downloadAs(db, w.people.colleague, own, { inline: true })).status).toBe(200);
    expect((await downloadAs(db, null, own, { inline: true })).status).toBe(404);
    await db.partnership.update({ where: { id: w.partnership.id }, data: { publishesPortfolio: true } });
    const publicStory = await w.api(null).story.publicGet({ partnershipSlug: w.partnership.slug, storyId: created.id });
    expect(publicStory.story.html).toContain(`/api/files/${own}?inline=1`);
    const publicImage = await downloadAs(db, null, own, { inline: true });
    expect(publicImage.status).toBe(200);
    expect(publicImage.headers.get("content-type")).toBe("image/png");
  });
});
