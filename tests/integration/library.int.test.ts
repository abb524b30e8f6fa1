import { describe, expect, it } from "vitest";
import type { Database } from "@/server/db/client";
import { carryOutErasure, FORMER_MEMBER, requestErasure } from "@/server/domain/personal-data/erasure";
import { withTestDatabase } from "./support/database";
import { expectFailure, fieldErrorsOf } from "./support/expect";
import { partnershipWorld } from "./support/worlds";

const database = withTestDatabase();

/** A partnership (publishing its page or not) with the standard cast: officer, chair, two members, an observer, an outsider. */
async function library(db: Database, options: { publishes?: boolean } = { publishes: true }) {
  const w = await partnershipWorld(db);
  if (options.publishes) await db.partnership.update({ where: { id: w.partnership.id }, data: { publishesPortfolio: true } });
  const link = (overrides: Record<string, unknown> = {}) => ({
    partnershipSlug: w.slug,
    title: "Leeds Health and Wellbeing Strategy",
    url: "https://www.leeds.gov.uk/your-council/plans-and-strategies/health-and-wellbeing-strategy",
    tags: ["Strategy"],
    ...overrides,
  });
  return { ...w, link };
}

async function auditActions(db: Database, partnershipId: string) {
  const rows = await db.auditEvent.findMany({ where: { partnershipId, action: { startsWith: "library." } }, orderBy: { createdAt: "asc" } });
  return rows.map((row) => row.action);
}

describe("who sees which resources", () => {
  it("shows members-only and public resources to every member, observers included; the public page lists only public ones", async () => {
    const w = await library(database.db);
    await w.api("officer").library.addLink(w.link({ title: "Practices that work with the LCP", visibility: "PUBLIC" }));
    await w.api("member").library.addLink(w.link({ title: "Members' rota" }));

    for (const who of ["officer", "member", "observer"] as const) {
      const view = await w.api(who).library.browse({ partnershipSlug: w.slug });
      expect(view.resources.map((r) => [r.title, r.visibility]), who).toEqual([
        ["Members' rota", "MEMBERS"],
        ["Practices that work with the LCP", "PUBLIC"],
      ]);
    }
    const observerView = await w.api("observer").library.browse({ partnershipSlug: w.slug });
    expect(observerView.viewer).toEqual({ canAddLinks: false, canAddDocuments: false, canCurate: false, canPublish: false });
    expect(observerView.resources.every((r) => !r.canChange)).toBe(true);

    await expectFailure(w.api("outsider").library.browse({ partnershipSlug: w.slug }), "NOT_FOUND");
    await expectFailure(w.api(null).library.browse({ partnershipSlug: w.slug }), "UNAUTHORIZED");

    const publicList = await w.api(null).library.publicList({ partnershipSlug: w.slug });
    expect(publicList.resources.map((r) => r.title)).toEqual(["Practices that work with the LCP"]);
    expect(publicList.resources[0]).toEqual({
      id: expect.any(String),
      kind: "LINK",
      title: "Practices that work with the LCP",
      description: "",
      url: "https://www.leeds.gov.uk/your-council/plans-and-strategies/health-and-wellbeing-strategy",
      host: "www.leeds.gov.uk",
      tags: ["strategy"],
      folder: null,
      document: null,
    });
    // Nobody is named on the public page.
    expect(JSON.stringify(publicList)).not.toContain(w.people.officer.name!);
  });

  it("answers a partnership that does not publish its page as if it did not exist", async () => {
    const w = await library(database.db, { publishes: false });
    await w.api("officer").library.addLink(w.link({ visibility: "PUBLIC" }));
    await expectFailure(w.api(null).library.publicList({ partnershipSlug: w.slug }), "NOT_FOUND");
    await expectFailure(w.api(null).library.publicList({ partnershipSlug: "no-such-partnership" }), "NOT_FOUND");
  });

  it("hides a resource of another partnership, by id, as not found", async () => {
    const w = await library(database.db);
    const added = await w.api("member").library.addLink(w.link());
    await expectFailure(w.api("outsider").library.get({ libraryResourceId: added.id }), "NOT_FOUND");
    await expectFailure(w.api("outsider").library.removeResource({ libraryResourceId: added.id }), "NOT_FOUND");
    expect(await database.db.libraryResource.count({ where: { id: added.id } })).toBe(1);
  });
});

describe("who curates", () => {
  it("lets a member share a link but not make it public, and change only their own until an officer makes it public", async () => {
    const w = await library(database.db);
    await expectFailure(w.api("member").library.addLink(w.link({ visibility: "PUBLIC" })), "FORBIDDEN", /Only officers and chairs put resources on the public page/);
    const mine = await w.api("member").library.addLink(w.link());
    const colleagueEdit = { libraryResourceId: mine.id, title: "Renamed", url: "https://example.org/x", tags: [], visibility: "MEMBERS" as const };
    await expectFailure(w.api("colleague").library.updateResource(colleagueEdit), "FORBIDDEN", /Only the person who added a resource/);
    await expectFailure(w.api("observer").library.updateResource(colleagueEdit), "FORBIDDEN", /Observers read/);
    await w.api("member").library.updateResource({ ...colleagueEdit, title: "My own change" });
    await expectFailure(w.api("member").library.updateResource({ ...colleagueEdit, visibility: "PUBLIC" }), "FORBIDDEN");

    await w.api("chair").library.updateResource({ ...colleagueEdit, title: "Published by the chair", visibility: "PUBLIC" });
    // Once public, the resource is the curators' to change.
    await expectFailure(w.api("member").library.updateResource({ ...colleagueEdit, visibility: "PUBLIC" }), "FORBIDDEN");
    await expectFailure(w.api("member").library.removeResource({ libraryResourceId: mine.id }), "FORBIDDEN");
    expect((await w.api("member").library.get({ libraryResourceId: mine.id })).resource.canChange).toBe(false);
    await expectFailure(w.api("member").library.createFolder({ partnershipSlug: w.slug, name: "Mine", parentId: null }), "FORBIDDEN");
  });
});

describe("folders", () => {
  it("nest two levels deep, and no move makes a folder its own ancestor", async () => {
    const w = await library(database.db);
    const officer = w.api("officer");
    const guides = await officer.library.createFolder({ partnershipSlug: w.slug, name: "Guides", parentId: null });
    const referrals = await officer.library.createFolder({ partnershipSlug: w.slug, name: "Referrals", parentId: guides.id });
    const events = await officer.library.createFolder({ partnershipSlug: w.slug, name: "Events", parentId: null });

    await expectFailure(officer.library.moveFolder({ libraryFolderId: guides.id, parentId: guides.id }), "BAD_REQUEST", "A folder cannot go inside itself.");
    await expectFailure(
      officer.library.moveFolder({ libraryFolderId: guides.id, parentId: referrals.id }),
      "BAD_REQUEST",
      `"Referrals" is inside "Guides", so "Guides" cannot go inside it.`,
    );
    await expectFailure(officer.library.createFolder({ partnershipSlug: w.slug, name: "Deeper", parentId: referrals.id }), "BAD_REQUEST", /two levels deep/);
    await expectFailure(officer.library.moveFolder({ libraryFolderId: guides.id, parentId: events.id }), "BAD_REQUEST", /holds folders of its own/);
    await expectFailure(officer.library.createFolder({ partnershipSlug: w.slug, name: "guides", parentId: null }), "CONFLICT", /already a folder called "guides"/);

    await officer.library.moveFolder({ libraryFolderId: referrals.id, parentId: events.id });
    await officer.library.moveFolder({ libraryFolderId: guides.id, parentId: events.id });
    const view = await officer.library.browse({ partnershipSlug: w.slug });
    expect(view.folders.map((f) => [f.name, f.children.map((c) => c.name)])).toEqual([["Events", ["Guides", "Referrals"]]]);

    // PostgreSQL refuses a third level and a cycle even when the checks above are bypassed.
    await expect(database.db.libraryFolder.update({ where: { id: events.id }, data: { parentId: guides.id } })).rejects.toThrow();
    await expect(database.db.libraryFolder.update({ where: { id: guides.id }, data: { parentId: guides.id } })).rejects.toThrow();
  });

  it("refuses another partnership's folder and removes only an empty folder", async () => {
    const w = await library(database.db);
    const elsewhereFolder = await database.db.libraryFolder.create({ data: { partnershipId: w.elsewhere.id, name: "Theirs" } });
    const refused = await expectFailure(w.api("officer").library.addLink(w.link({ folderId: elsewhereFolder.id })), "BAD_REQUEST");
    expect(fieldErrorsOf(refused).folderId).toEqual(["Choose a folder from the list"]);
    await expectFailure(w.api("officer").library.removeFolder({ libraryFolderId: elsewhereFolder.id }), "NOT_FOUND");

    const folder = await w.api("officer").library.createFolder({ partnershipSlug: w.slug, name: "Flyers", parentId: null });
    const flyer = await w.api("member").library.addLink(w.link({ title: "Breakfast flyer", folderId: folder.id }));
    await expectFailure(w.api("officer").library.removeFolder({ libraryFolderId: folder.id }), "PRECONDITION_FAILED", `"Flyers" still holds 1 resource: move or remove them first.`);
    await w.api("member").library.moveResource({ libraryResourceId: flyer.id, folderId: null });
    await w.api("officer").library.removeFolder({ libraryFolderId: folder.id });
    expect(await database.db.libraryFolder.count({ where: { partnershipId: w.partnership.id } })).toBe(0);
  });
});

describe("tags and search", () => {
  it("normalises tags and filters by tag and title across folders", async () => {
    const w = await library(database.db);
    const folder = await w.api("officer").library.createFolder({ partnershipSlug: w.slug, name: "Strategies", parentId: null });
    const a = await w.api("officer").library.addLink(w.link({ title: "Wellbeing strategy", folderId: folder.id, tags: ["  Mental   Health ", "#mental health", "Carers"] }));
    await w.api("officer").library.addLink(w.link({ title: "Walking map", tags: ["walking"] }));
    const row = await database.db.libraryResource.findUniqueOrThrow({ where: { id: a.id } });
    expect(row.tags).toEqual(["mental health", "carers"]);

    const byTag = await w.api("member").library.browse({ partnershipSlug: w.slug, tag: "MENTAL HEALTH" });
    expect(byTag.resources.map((r) => r.title)).toEqual(["Wellbeing strategy"]);
    expect(byTag.filter.tag).toBe("mental health");
    expect(byTag.tags).toEqual([
      { tag: "carers", count: 1 },
      { tag: "mental health", count: 1 },
      { tag: "walking", count: 1 },
    ]);
    const bySearch = await w.api("member").library.browse({ partnershipSlug: w.slug, search: "WALK" });
    expect(bySearch.resources.map((r) => r.title)).toEqual(["Walking map"]);
    // Without a filter, the top level shows only what is not in a folder.
    const top = await w.api("member").library.browse({ partnershipSlug: w.slug });
    expect(top.resources.map((r) => r.title)).toEqual(["Walking map"]);
    expect(top.subFolders.map((f) => [f.name, f.resourceCount])).toEqual([["Strategies", 1]]);
    const inFolder = await w.api("member").library.browse({ partnershipSlug: w.slug, folderId: folder.id });
    expect(inFolder.resources.map((r) => r.title)).toEqual(["Wellbeing strategy"]);

    const tooMany = await expectFailure(w.api("officer").library.addLink(w.link({ tags: Array.from({ length: 11 }, (_, i) => `tag ${i}`) })), "BAD_REQUEST");
    expect(fieldErrorsOf(tooMany).tags).toEqual(["Give 10 tags or fewer"]);
  });
});

describe("link addresses", () => {
  it.each([
    ["javascript:alert(1)", "Enter a web address starting https:// (or http://)"],
    ["data:text/html,hello", "Enter a web address starting https:// (or http://)"],
    ["ftp://example.org/file", "Enter a web address starting https:// (or http://)"],
    ["www.example.org", "Enter a web address starting https:// (or http://)"],
    ["https://exa mple.org", "A web address has no spaces in it"],
    ["https://user:secret@example.org/", "Leave any user name or password out of the web address"],
    ["https://intranet/page", "Enter the whole web address, such as https://www.example.org/page"],
    ["", "Enter the link's web address, starting https://"],
  ])("refuses %j", async (url, message) => {
    const w = await library(database.db);
    const refused = await expectFailure(w.api("officer").library.addLink(w.link({ url })), "BAD_REQUEST");
    expect(fieldErrorsOf(refused).url).toEqual([message]);
    expect(await database.db.libraryResource.count({ where: { partnershipId: w.partnership.id } })).toBe(0);
  });

  it("keeps an http(s) address as typed, and PostgreSQL refuses any other", async () => {
    const w = await library(database.db);
    const added = await w.api("officer").library.addLink(w.link({ url: "HTTPS://www.nhs.uk/Conditions/?q=a#b" }));
    expect((await database.db.libraryResource.findUniqueOrThrow({ where: { id: added.id } })).url).toBe("HTTPS://www.nhs.uk/Conditions/?q=a#b");
    await expect(database.db.libraryResource.update({ where: { id: added.id }, data: { url: "javascript:alert(1)" } })).rejects.toThrow();
  });
});

describe("the audit trail and erasure", () => {
  it("records every change, and shows a resource's erased adder as a former member", async () => {
    const w = await library(database.db);
    const officer = w.api("officer");
    const folder = await officer.library.createFolder({ partnershipSlug: w.slug, name: "Guides", parentId: null });
    await officer.library.renameFolder({ libraryFolderId: folder.id, name: "How-to guides" });
    const second = await officer.library.createFolder({ partnershipSlug: w.slug, name: "Referrals", parentId: null });
    await officer.library.moveFolder({ libraryFolderId: second.id, parentId: folder.id });
    const added = await w.api("member").library.addLink(w.link({ folderId: folder.id }));
    await officer.library.updateResource({ libraryResourceId: added.id, title: "Strategy 2023-2030", url: "https://example.org/s", tags: [], visibility: "PUBLIC" });
    await officer.library.moveResource({ libraryResourceId: added.id, folderId: second.id });
    await officer.library.updateResource({ libraryResourceId: added.id, title: "Strategy 2023-2030", url: "https://example.org/s", tags: [], visibility: "MEMBERS" });

    expect(await auditActions(database.db, w.partnership.id)).toEqual([
      "library.folder.created",
      "library.folder.renamed",
      "library.folder.created",
      "library.folder.moved",
      "library.resource.added",
      "library.resource.changed",
      "library.resource.published",
      "library.resource.moved",
      "library.resource.unpublished",
    ]);
    const published = await database.db.auditEvent.findFirstOrThrow({ where: { partnershipId: w.partnership.id, action: "library.resource.published" } });
    expect(published).toMatchObject({ actorId: w.people.officer.userId, subjectType: "LibraryResource", subjectId: added.id, summary: `Put the library resource "Strategy 2023-2030" on the public page` });

    const { request } = await requestErasure(database.db, { userId: w.people.member.userId, requestedById: null }, { TANDEM_ERASURE_GRACE_DAYS: 0 });
    expect(await carryOutErasure(database.db, request.id)).toEqual({ erased: true, partnerships: 1 });
    const resource = await officer.library.get({ libraryResourceId: added.id });
    expect(resource.resource.addedBy).toBe(FORMER_MEMBER);
    await officer.library.removeResource({ libraryResourceId: added.id });
    expect((await auditActions(database.db, w.partnership.id)).at(-1)).toBe("library.resource.removed");
  });
});
