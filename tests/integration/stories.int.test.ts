import { describe, expect, it } from "vitest";
import type { z } from "zod";
import type { createStoryInput } from "@/lib/schemas/stories";
import type { Database } from "@/server/db/client";
import type { NotificationKind } from "@/server/db/generated/enums";
import { createStory } from "@/server/domain/stories/authoring";
import { AppError } from "@/server/errors";
import { withTestDatabase } from "./support/database";
import { expectFailure } from "./support/expect";
import { createOrganisationIn, unique } from "./support/factories";
import { mutate } from "./support/http";
import { fundWorld, partnershipWorld, recordedProject } from "./support/worlds";

const database = withTestDatabase();

/**
 * A partnership with an author, a second member, two officers, an observer, two
 * organisations and two funded projects (one award published); and another partnership
 * with its own organisation.
 */
async function space(db: Database, options: { publishes?: boolean } = {}) {
  const w = await partnershipWorld(db, {
    cast: {
      author: { name: "Lorna Author", organisation: "voluntary" },
      reader: { name: "Priya Reader", organisation: "public" },
      officer: { name: "Fiona Officer", organisation: "public", role: "OFFICER" },
      secondOfficer: { name: "Sam Officer", organisation: "public", role: "OFFICER" },
      observer: { name: "Obi Observer", role: "OBSERVER" },
      outsider: { name: "Oscar Outsider", role: null, elsewhere: "OFFICER" },
    },
    tagNames: true,
    organisations: { public: { name: "NHS Board", type: "NHS_BODY" } },
  });
  if (options.publishes) await db.partnership.update({ where: { id: w.partnership.id }, data: { publishesPortfolio: true } });
  const { voluntary: charity, public: nhs } = w.organisations;
  const stranger = await createOrganisationIn(db, w.elsewhere.id, { name: `Far Away Trust ${unique()}` });

  const { fund } = await fundWorld(w, {
    by: w.people.officer,
    fund: { name: "Non-recurring fund", financialYear: "2020/21", totalPence: 1_000_000 },
    round: null,
  });
  const makeProject = (name: string, published: boolean) =>
    recordedProject(w, { by: w.people.officer, fund, name, recipient: charity, published });
  const project = await makeProject(`Carers' breaks ${unique()}`, true);
  const quietProject = await makeProject(`Quiet test ${unique()}`, false);
  return { ...w, charity, nhs, stranger, project, quietProject };
}

type Space = Awaited<ReturnType<typeof space>>;

type StoryInput = z.input<typeof createStoryInput>;

const story = (s: Space, overrides: Partial<StoryInput> = {}): StoryInput => ({
  partnershipSlug: s.partnership.slug,
  title: "Tea, toast and a shared rota",
  summary: "How two teams found time for carers.",
  body: "## What happened\n\nThe carers centre and the **district nurses** shared a rota.\n\n![Volunteers serving tea](https://example.org/tea.jpg)",
  themes: ["INTER_ORGANISATIONAL_COLLABORATION", "CROSS_SYSTEM_KINDNESS"],
  isPublic: true,
  organisationIds: [s.charity.id, s.nhs.id],
  projectIds: [s.project.id],
  ...overrides,
});

async function publishedStory(s: Space, overrides: Partial<StoryInput> = {}) {
  const created = await s.api("author").story.create(story(s, overrides));
  await s.api("author").story.submit({ storyId: created.id });
  await s.api("officer").story.moderate({ storyId: created.id, action: "PUBLISH", note: "" });
  return created;
}

async function notificationsOf(db: Database, userId: string, kind: NotificationKind) {
  return db.notification.findMany({ where: { userId, kind }, orderBy: { createdAt: "asc" } });
}

describe("stories: writing, moderation and comments", () => {
  it("takes a story from draft to published through a return, telling the right people at each step", async () => {
    const { db } = database;
    const s = await space(db);

    const created = await s.api("author").story.create(story(s));
    expect(created.status).toBe("DRAFT");
    expect(created.version).toBe(1);
    expect(created.html).toContain("<h3>What happened</h3>");
    // A picture by a web address (from before uploads) is a link to it, never an image.
    expect(created.html).toContain('<a href="https://example.org/tea.jpg" rel="noopener noreferrer nofollow">Picture: Volunteers serving tea (on example.org, another website)</a>');
    expect(created.html).not.toContain("<img");

    // A draft is the author's (and officers') alone.
    await expectFailure(s.api("reader").story.get({ storyId: created.id }), "NOT_FOUND");
    await expectFailure(s.api("observer").story.get({ storyId: created.id }), "NOT_FOUND");
    await expectFailure(s.api("outsider").story.get({ storyId: created.id }), "NOT_FOUND");
    const asOfficer = await s.api("officer").story.get({ storyId: created.id });
    expect(asOfficer.body).toBeNull();
    expect(asOfficer.viewer).toMatchObject({ canSeeModeration: true, canEdit: false, canPublish: false });

    const submitted = await s.api("author").story.submit({ storyId: created.id });
    expect(submitted.status).toBe("SUBMITTED");
    for (const officer of [s.people.officer, s.people.secondOfficer]) {
      const [notice] = await notificationsOf(db, officer.userId, "STORY_SUBMITTED");
      expect(notice?.title).toContain("Tea, toast and a shared rota");
      expect(notice?.linkPath).toBe(`/p/${s.partnership.slug}/stories/${created.id}`);
    }
    expect(await notificationsOf(db, s.people.reader.userId, "STORY_SUBMITTED")).toHaveLength(0);
    expect(await notificationsOf(db, s.people.author.userId, "STORY_SUBMITTED")).toHaveLength(0);

    const queue = await s.api("officer").story.moderationQueue({ partnershipSlug: s.partnership.slug });
    expect(queue.map((item) => item.id)).toEqual([created.id]);
    expect(queue[0]!.author.name).toMatch(/^Lorna Author/);

    // Submitted stories are frozen until an officer returns them.
    await expectFailure(
      s.api("author").story.update({ ...story(s), storyId: created.id, version: 1 }),
      "CONFLICT",
      /waiting for an officer/,
    );

    await expectFailure(
      s.api("officer").story.moderate({ storyId: created.id, action: "RETURN", note: "" }),
      "BAD_REQUEST",
    );
    const returned = await s.api("officer").story.moderate({
      storyId: created.id,
      action: "RETURN",
      note: "Please name the café so readers can find it.",
    });
    expect(returned.status).toBe("RETURNED");
    const [moderated] = await notificationsOf(db, s.people.author.userId, "STORY_MODERATED");
    expect(moderated?.title).toContain("returned to you for changes");
    expect(moderated?.body).toBe("Please name the café so readers can find it.");

    const mine = await s.api("author").story.mine({ partnershipSlug: s.partnership.slug });
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ status: "RETURNED", returnNote: "Please name the café so readers can find it.", version: 1 });

    const edited = await s.api("author").story.update({
      ...story(s, { body: "We met at the **Paisley carers' café** every Tuesday." }),
      storyId: created.id,
      version: 1,
    });
    expect(edited.version).toBe(2);
    expect(edited.status).toBe("RETURNED");
    await s.api("author").story.submit({ storyId: created.id });
    const published = await s.api("officer").story.moderate({ storyId: created.id, action: "PUBLISH", note: "Thank you!" });
    expect(published.status).toBe("PUBLISHED");
    const notices = await notificationsOf(db, s.people.author.userId, "STORY_MODERATED");
    expect(notices.map((notice) => notice.title)).toEqual([
      expect.stringContaining("returned to you for changes"),
      expect.stringContaining("has been published"),
    ]);

    const row = await db.story.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.returnNote).toBeNull();
    expect(row.publishedAt).not.toBeNull();
    const record = await db.storyModeration.findMany({ where: { storyId: created.id }, orderBy: { createdAt: "asc" } });
    expect(record.map((line) => [line.action, line.note])).toEqual([
      ["SUBMITTED", null],
      ["RETURNED", "Please name the café so readers can find it."],
      ["SUBMITTED", null],
      ["PUBLISHED", "Thank you!"],
    ]);

    // Published: the whole partnership reads it, observers included.
    const asReader = await s.api("reader").story.get({ storyId: created.id });
    expect(asReader.html).toContain("<strong>Paisley carers' café</strong>");
    expect(asReader.body).toBeNull();
    expect(asReader.returnNote).toBeNull();
    expect(asReader.moderation).toEqual([]);
    expect(asReader.organisations.map((org) => org.id).sort()).toEqual([s.charity.id, s.nhs.id].sort());
    expect(asReader.projects).toEqual([{ id: s.project.id, name: s.project.name }]);
    expect(asReader.viewer).toMatchObject({ isAuthor: false, canComment: true, canEdit: false });
    const asObserver = await s.api("observer").story.get({ storyId: created.id });
    expect(asObserver.viewer.canComment).toBe(false);
    const asAuthor = await s.api("author").story.get({ storyId: created.id });
    expect(asAuthor.moderation).toHaveLength(4);
    expect(asAuthor.viewer).toMatchObject({ isAuthor: true, canEdit: false, canWithdraw: true });

    // "What do you think?": readers comment, the author is told.
    const comment = await s.api("reader").story.comment({ storyId: created.id, body: "  We should try this in Johnstone too.  " });
    expect(comment.body).toBe("We should try this in Johnstone too.");
    const [commentNotice] = await notificationsOf(db, s.people.author.userId, "STORY_COMMENT");
    expect(commentNotice?.title).toContain("commented on your story");
    expect(commentNotice?.body).toBe("We should try this in Johnstone too.");
    expect(commentNotice?.linkPath).toBe(`/p/${s.partnership.slug}/stories/${created.id}#comments`);
    await s.api("author").story.comment({ storyId: created.id, body: "Thank you, do get in touch." });
    expect(await notificationsOf(db, s.people.author.userId, "STORY_COMMENT")).toHaveLength(1);
    await expectFailure(s.api("observer").story.comment({ storyId: created.id, body: "Hello" }), "FORBIDDEN");
    const withComments = await s.api("observer").story.get({ storyId: created.id });
    expect(withComments.comments.map((c) => c.body)).toEqual(["We should try this in Johnstone too.", "Thank you, do get in touch."]);
    expect(withComments.comments[0]!.author.organisationName).toBe(s.nhs.name);
  });

  it("keeps authorship and moderation to the right people", async () => {
    const { db } = database;
    const s = await space(db);
    const created = await s.api("author").story.create(story(s));
    await expectFailure(s.api("officer").story.update({ ...story(s), storyId: created.id, version: 1 }), "FORBIDDEN");
    await expectFailure(s.api("officer").story.submit({ storyId: created.id }), "FORBIDDEN");
    await expectFailure(s.api("reader").story.withdraw({ storyId: created.id }), "NOT_FOUND");
    await expectFailure(s.api("observer").story.create(story(s)), "FORBIDDEN");
    await s.api("author").story.submit({ storyId: created.id });
    await expectFailure(s.api("author").story.moderate({ storyId: created.id, action: "PUBLISH", note: "" }), "FORBIDDEN");
    await expectFailure(s.api("outsider").story.moderate({ storyId: created.id, action: "PUBLISH", note: "" }), "NOT_FOUND");
    expect((await db.story.findUniqueOrThrow({ where: { id: created.id } })).status).toBe("SUBMITTED");
  });

  it("refuses comments on stories that are not published, and moves that the lifecycle does not allow", async () => {
    const { db } = database;
    const s = await space(db);
    const created = await s.api("author").story.create(story(s));
    await expectFailure(
      s.api("author").story.comment({ storyId: created.id, body: "Note to self" }),
      "CONFLICT",
      "Comments open once the story is published.",
    );
    await expectFailure(s.api("officer").story.comment({ storyId: created.id, body: "Hello" }), "CONFLICT");
    await expectFailure(
      s.api("officer").story.moderate({ storyId: created.id, action: "PUBLISH", note: "" }),
      "CONFLICT",
      /not been submitted/,
    );
    await expectFailure(s.api("officer").story.moderate({ storyId: created.id, action: "UNPUBLISH", note: "Why" }), "CONFLICT");
    await s.api("author").story.submit({ storyId: created.id });
    await expectFailure(s.api("author").story.submit({ storyId: created.id }), "CONFLICT", "This story has already been submitted.");
    expect(await db.storyComment.count({ where: { storyId: created.id } })).toBe(0);
  });

  it("needs a theme before a story goes to an officer", async () => {
    const { db } = database;
    const s = await space(db);
    const created = await s.api("author").story.create(story(s, { themes: [] }));
    const result = await mutate(db, s.people.author, "story.submit", { storyId: created.id });
    expect(result.status).toBe(400);
    expect(result.body.error?.json.message).toBe("This story is not ready to submit yet. Your draft is saved.");
    expect(result.body.error?.json.data.fieldErrors?.themes).toEqual(["Choose at least one theme the story shows"]);
    expect((await db.story.findUniqueOrThrow({ where: { id: created.id } })).status).toBe("DRAFT");
  });

  it("lets an officer unpublish a story back to its author with a note, and the author withdraw one for good", async () => {
    const { db } = database;
    const s = await space(db, { publishes: true });
    const first = await publishedStory(s);
    const second = await publishedStory(s, { title: "Second story" });
    expect((await s.api(null).story.publicList({ partnershipSlug: s.partnership.slug })).stories).toHaveLength(2);

    await expectFailure(s.api("officer").story.moderate({ storyId: first.id, action: "UNPUBLISH", note: " " }), "BAD_REQUEST");
    const unpublished = await s.api("officer").story.moderate({
      storyId: first.id,
      action: "UNPUBLISH",
      note: "A family asked us to take their photo down.",
    });
    expect(unpublished.status).toBe("RETURNED");
    const row = await db.story.findUniqueOrThrow({ where: { id: first.id } });
    expect(row).toMatchObject({ status: "RETURNED", returnNote: "A family asked us to take their photo down.", publishedAt: null });
    const notices = await notificationsOf(db, s.people.author.userId, "STORY_MODERATED");
    expect(notices.at(-1)?.title).toContain("unpublished");
    await expectFailure(s.api("reader").story.get({ storyId: first.id }), "NOT_FOUND");
    // Back with the author, it can be edited again.
    const edited = await s.api("author").story.update({ ...story(s, { body: "Without the photo." }), storyId: first.id, version: 1 });
    expect(edited.version).toBe(2);

    const withdrawn = await s.api("author").story.withdraw({ storyId: second.id });
    expect(withdrawn.status).toBe("WITHDRAWN");
    await expectFailure(s.api("author").story.withdraw({ storyId: second.id }), "CONFLICT", "This story has already been withdrawn.");
    await expectFailure(s.api("reader").story.get({ storyId: second.id }), "NOT_FOUND");
    await expectFailure(s.api("reader").story.comment({ storyId: second.id, body: "Shame" }), "NOT_FOUND");
    expect((await s.api("reader").story.list({ partnershipSlug: s.partnership.slug })).items).toEqual([]);
    expect((await s.api(null).story.publicList({ partnershipSlug: s.partnership.slug })).stories).toEqual([]);
    await expectFailure(s.api(null).story.publicGet({ partnershipSlug: s.partnership.slug, storyId: second.id }), "NOT_FOUND");
    const record = await db.storyModeration.findMany({ where: { storyId: second.id }, orderBy: { createdAt: "asc" } });
    expect(record.map((line) => line.action)).toEqual(["SUBMITTED", "PUBLISHED", "WITHDRAWN"]);
  });

  it("keeps the moderation record append-only", async () => {
    const { db } = database;
    const s = await space(db);
    const created = await s.api("author").story.create(story(s));
    await s.api("author").story.submit({ storyId: created.id });
    const line = await db.storyModeration.findFirstOrThrow({ where: { storyId: created.id } });
    await expect(db.storyModeration.update({ where: { id: line.id }, data: { note: "rewritten" } })).rejects.toThrow();
    expect((await db.storyModeration.findUniqueOrThrow({ where: { id: line.id } })).note).toBeNull();
  });
});

describe("stories: bad input", () => {
  it("refuses an empty story with a clear message", async () => {
    const { db } = database;
    const s = await space(db);
    const blankTitle = await mutate(db, s.people.author, "story.create", story(s, { title: "   " }));
    expect(blankTitle.status).toBe(400);
    expect(blankTitle.body.error?.json.data.fieldErrors?.title).toEqual(["Enter a title for your story"]);
    const blankBody = await mutate(db, s.people.author, "story.create", story(s, { body: " \n\n  " }));
    expect(blankBody.status).toBe(400);
    expect(blankBody.body.error?.json.data.fieldErrors?.body).toEqual(["Write your story: it cannot be empty"]);
    expect(await db.story.count({ where: { partnershipId: s.partnership.id } })).toBe(0);
  });

  it("caps a story at 20,000 characters, in the form and in the database", async () => {
    const { db } = database;
    const s = await space(db);
    const tooLong = await mutate(db, s.people.author, "story.create", story(s, { body: "a".repeat(20_001) }));
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error?.json.data.fieldErrors?.body).toEqual([
      "Your story is 20,001 characters long: use 20,000 characters or fewer",
    ]);
    const exactly = await s.api("author").story.create(story(s, { body: "a".repeat(20_000) }));
    expect(exactly.status).toBe("DRAFT");

    // Past the form, the database's CHECK still holds, and is explained rather than leaked.
    const membership = await db.membership.findFirstOrThrow({ where: { partnershipId: s.partnership.id, userId: s.people.author.userId } });
    const attempt = createStory(db, s.people.author, membership, {
      title: "Too long",
      summary: "",
      body: "b".repeat(20_001),
      themes: [],
      isPublic: false,
      organisationIds: [],
      projectIds: [],
    });
    const error = await expectFailure<AppError>(attempt, "BAD_REQUEST", "Your story is too long: use 20,000 characters or fewer.");
    expect(error).toBeInstanceOf(AppError);
    expect(error.userMessage).toBe("Your story is too long: use 20,000 characters or fewer.");
  });

  it("refuses images without alt text, naming each one", async () => {
    const { db } = database;
    const s = await space(db);
    const body = "Our day:\n\n![](https://example.org/one.jpg)\n\n![ ](https://example.org/two.png)\n\n![Described](https://example.org/three.png)";
    const result = await mutate(db, s.people.author, "story.create", story(s, { body }));
    expect(result.status).toBe(400);
    const message = result.body.error?.json.message ?? "";
    expect(message).toContain("https://example.org/one.jpg");
    expect(message).toContain("https://example.org/two.png");
    expect(message).not.toContain("three.png");
    expect(message).toMatch(/alt text/);
    expect(result.body.error?.json.data.fieldErrors?.body?.[0]).toContain("https://example.org/one.jpg");

    const created = await s.api("author").story.create(story(s));
    const update = await mutate(db, s.people.author, "story.update", {
      ...story(s, { body: "![](https://example.org/four.jpg)" }),
      storyId: created.id,
      version: 1,
    });
    expect(update.status).toBe(400);
    expect(update.body.error?.json.message).toContain("https://example.org/four.jpg");
    expect((await db.story.findUniqueOrThrow({ where: { id: created.id } })).version).toBe(1);
  });

  it("refuses a save over a newer version, so two tabs cannot overwrite each other", async () => {
    const { db } = database;
    const s = await space(db);
    const created = await s.api("author").story.create(story(s));
    const firstTab = await s.api("author").story.update({ ...story(s, { title: "First tab" }), storyId: created.id, version: 1 });
    expect(firstTab.version).toBe(2);
    const secondTab = await mutate(db, s.people.author, "story.update", {
      ...story(s, { title: "Second tab" }),
      storyId: created.id,
      version: 1,
    });
    expect(secondTab.status).toBe(409);
    expect(secondTab.body.error?.json.message).toBe(
      "This story has been saved somewhere else (perhaps in another tab) since you opened it. Copy your changes, reload the page and try again.",
    );
    const row = await db.story.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({ title: "First tab", version: 2 });
  });

  it("links only to the partnership's own organisations and projects", async () => {
    const { db } = database;
    const s = await space(db);
    const result = await mutate(db, s.people.author, "story.create", story(s, { organisationIds: [s.charity.id, s.stranger.id] }));
    expect(result.status).toBe(400);
    expect(result.body.error?.json.data.fieldErrors?.organisationIds).toEqual(["Choose organisations from this partnership's list"]);
    const badProject = await mutate(db, s.people.author, "story.create", story(s, { projectIds: ["no-such-project"] }));
    expect(badProject.body.error?.json.data.fieldErrors?.projectIds).toEqual(["Choose funded projects from this partnership's list"]);

    const options = await s.api("author").story.linkOptions({ partnershipSlug: s.partnership.slug });
    expect(options.organisations.map((org) => org.id).sort()).toEqual([s.charity.id, s.nhs.id].sort());
    expect(options.projects.map((project) => project.id).sort()).toEqual([s.project.id, s.quietProject.id].sort());

    // Changing the links replaces them.
    const created = await s.api("author").story.create(story(s));
    await s.api("author").story.update({ ...story(s, { organisationIds: [s.nhs.id], projectIds: [] }), storyId: created.id, version: 1 });
    const view = await s.api("author").story.get({ storyId: created.id });
    expect(view.organisations.map((org) => org.id)).toEqual([s.nhs.id]);
    expect(view.projects).toEqual([]);
  });
});

describe("stories: lists", () => {
  it("lists published stories newest first, by theme, a page at a time", async () => {
    const { db } = database;
    const s = await space(db);
    const themes = ["CITYWIDE_RESPONSE", "RAPID_ADAPTATION", "CITYWIDE_RESPONSE", "CROSS_SYSTEM_KINDNESS", "CITYWIDE_RESPONSE"] as const;
    const ids: string[] = [];
    for (const [index, theme] of themes.entries()) {
      const created = await publishedStory(s, { title: `Story ${index}`, themes: [theme] });
      await db.story.update({ where: { id: created.id }, data: { publishedAt: new Date(Date.UTC(2021, 0, index + 1)) } });
      ids.push(created.id);
    }
    // Drafts and submitted stories are not listed.
    await s.api("author").story.create(story(s, { title: "Still a draft" }));

    const all = await s.api("observer").story.list({ partnershipSlug: s.partnership.slug });
    expect(all.items.map((item) => item.id)).toEqual([...ids].reverse());
    expect(all.nextCursor).toBeNull();
    expect(all.items[0]!.summary).toBe("How two teams found time for carers.");
    expect(all.items[0]!.organisations).toHaveLength(2);

    const citywide = await s.api("reader").story.list({ partnershipSlug: s.partnership.slug, theme: "CITYWIDE_RESPONSE" });
    expect(citywide.items.map((item) => item.title)).toEqual(["Story 4", "Story 2", "Story 0"]);

    const pageOne = await s.api("reader").story.list({ partnershipSlug: s.partnership.slug, limit: 2 });
    expect(pageOne.items.map((item) => item.title)).toEqual(["Story 4", "Story 3"]);
    const pageTwo = await s.api("reader").story.list({ partnershipSlug: s.partnership.slug, limit: 2, cursor: pageOne.nextCursor! });
    expect(pageTwo.items.map((item) => item.title)).toEqual(["Story 2", "Story 1"]);
    const pageThree = await s.api("reader").story.list({ partnershipSlug: s.partnership.slug, limit: 2, cursor: pageTwo.nextCursor! });
    expect(pageThree.items.map((item) => item.title)).toEqual(["Story 0"]);
    expect(pageThree.nextCursor).toBeNull();
  });

  it("lists the published stories linked to one project or one organisation", async () => {
    const { db } = database;
    const s = await space(db);
    await publishedStory(s, { title: "About the project", organisationIds: [s.charity.id], projectIds: [s.project.id] });
    await publishedStory(s, { title: "About the NHS team", organisationIds: [s.nhs.id], projectIds: [] });
    await publishedStory(s, { title: "About both", organisationIds: [s.charity.id, s.nhs.id], projectIds: [s.project.id, s.quietProject.id] });
    // A draft linked to the project is not listed.
    await s.api("author").story.create(story(s, { title: "Draft about the project", projectIds: [s.project.id] }));

    const titles = async (filter: { projectId?: string; organisationId?: string }) =>
      (await s.api("reader").story.list({ partnershipSlug: s.partnership.slug, ...filter })).items.map((item) => item.title).sort();
    expect(await titles({ projectId: s.project.id })).toEqual(["About both", "About the project"]);
    expect(await titles({ projectId: s.quietProject.id })).toEqual(["About both"]);
    expect(await titles({ organisationId: s.nhs.id })).toEqual(["About both", "About the NHS team"]);
    expect(await titles({ organisationId: s.charity.id, projectId: s.quietProject.id })).toEqual(["About both"]);
  });

  it("falls back to the story's opening words when there is no summary", async () => {
    const { db } = database;
    const s = await space(db);
    await publishedStory(s, { summary: "", body: "**Carers** told us what they *needed*. Then we listened." });
    const { items } = await s.api("reader").story.list({ partnershipSlug: s.partnership.slug });
    expect(items[0]!.summary).toBe("Carers told us what they needed. Then we listened.");
  });
});

describe("stories: the public page", () => {
  it("shows only published stories their authors made public, of partnerships that publish", async () => {
    const { db } = database;
    const s = await space(db, { publishes: true });
    const open = await publishedStory(s, { title: "Open story", projectIds: [s.project.id, s.quietProject.id] });
    await publishedStory(s, { title: "Members only", isPublic: false });
    const waiting = await s.api("author").story.create(story(s, { title: "Waiting" }));
    await s.api("author").story.submit({ storyId: waiting.id });

    const list = await s.api(null).story.publicList({ partnershipSlug: s.partnership.slug });
    expect(list.partnership).toEqual({ name: s.partnership.name, slug: s.partnership.slug });
    expect(list.stories.map((item) => item.title)).toEqual(["Open story"]);
    expect(list.stories[0]!.author).toEqual({ name: s.people.author.name, organisationName: s.charity.name });

    const page = await s.api(null).story.publicGet({ partnershipSlug: s.partnership.slug, storyId: open.id });
    expect(page.story.html).toContain("<strong>district nurses</strong>");
    expect(page.story.organisations.sort()).toEqual([s.charity.name, s.nhs.name].sort());
    expect(page.story.projects).toEqual([s.project.name]);
    // Nothing personal beyond the author's name and organisation: no ids, emails, comments or notes.
    const text = JSON.stringify(page);
    expect(text).not.toContain(s.people.author.email);
    expect(text).not.toContain(s.people.author.userId);
    expect(Object.keys(page.story).sort()).toEqual(
      ["author", "html", "id", "organisations", "projects", "publishedAt", "summary", "themes", "title"].sort(),
    );
    expect(Object.keys(page.story.author).sort()).toEqual(["name", "organisationName"]);

    await expectFailure(s.api(null).story.publicGet({ partnershipSlug: s.partnership.slug, storyId: waiting.id }), "NOT_FOUND");
    // A story of another partnership cannot be read through this one's address.
    const other = await space(db, { publishes: true });
    const elsewhereStory = await publishedStory(other);
    await expectFailure(s.api(null).story.publicGet({ partnershipSlug: s.partnership.slug, storyId: elsewhereStory.id }), "NOT_FOUND");
  });

  it("shows nothing for a partnership that does not publish", async () => {
    const { db } = database;
    const s = await space(db);
    const open = await publishedStory(s);
    await expectFailure(s.api(null).story.publicList({ partnershipSlug: s.partnership.slug }), "NOT_FOUND");
    await expectFailure(s.api(null).story.publicGet({ partnershipSlug: s.partnership.slug, storyId: open.id }), "NOT_FOUND");
    await expectFailure(s.api(null).story.publicList({ partnershipSlug: "no-such-partnership" }), "NOT_FOUND");
  });
});
