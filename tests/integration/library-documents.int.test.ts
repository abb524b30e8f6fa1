import { describe, expect, it } from "vitest";
import { withTestDatabase } from "./support/database";
import { expectFailure } from "./support/expect";
import { downloadAs, pdfBytes, storedBytes, uploadAs } from "./support/files";
import { partnershipWorld, STANDARD_CAST, subGroupWorld } from "./support/worlds";

/**
 * Documents in the resource library and each sub-group's shared folder, through the upload
 * and download routes the browser uses: who may add and read, versions, what the public may
 * download signed out (and what it may not), and a removed document taking its file with it.
 */

const database = withTestDatabase();

async function libraryWorld(options: { publishes?: boolean } = { publishes: true }) {
  const w = await partnershipWorld(database.db);
  if (options.publishes) await database.db.partnership.update({ where: { id: w.partnership.id }, data: { publishesPortfolio: true } });
  const details = (overrides: Record<string, unknown> = {}) => ({ partnershipSlug: w.slug, title: "Practices that work with the LCP", tags: ["GP practices"], ...overrides });
  return { ...w, details };
}

const target = (resourceId: string) => ({ ownerKind: "LIBRARY_RESOURCE", ownerId: resourceId });

describe("documents in the library", () => {
  it("are added by a member with their file, listed with its kind, size, uploader and date, and keep every version", async () => {
    const { db } = database;
    const w = await libraryWorld();
    const doc = await w.api("member").library.addDocument(w.details({ description: "Updated each quarter." }));
    const first = await uploadAs(db, w.people.member, target(doc.id), "practices.pdf", pdfBytes("first"));
    expect(first.status).toBe(201);

    const view = await w.api("observer").library.browse({ partnershipSlug: w.slug });
    expect(view.resources).toHaveLength(1);
    expect(view.resources[0]).toMatchObject({
      kind: "DOCUMENT",
      url: null,
      title: "Practices that work with the LCP",
      document: { fileId: first.file!.fileId, name: "practices.pdf", mimeType: "application/pdf", sizeBytes: pdfBytes("first").byteLength, versionNumber: 1, versionCount: 1, uploadedBy: w.people.member.name },
    });
    expect(view.resources[0]!.document!.uploadedAt).toBeInstanceOf(Date);

    // A second file is refused (a document is one file); a new version is kept beside the old one.
    const second = await uploadAs(db, w.people.member, target(doc.id), "other.pdf", pdfBytes("other"));
    expect(second.status).toBe(409);
    expect(second.message).toContain("upload a new version");
    const v2 = await uploadAs(db, w.people.chair, { ...target(doc.id), fileId: first.file!.fileId }, "practices-june.pdf", pdfBytes("second"));
    expect(v2.status).toBe(201);
    expect(v2.file!.number).toBe(2);
    const after = await w.api("member").library.get({ libraryResourceId: doc.id });
    expect(after.resource.document).toMatchObject({ name: "practices-june.pdf", versionNumber: 2, versionCount: 2, uploadedBy: w.people.chair.name });
    const files = await w.api("member").file.list(target(doc.id) as { ownerKind: "LIBRARY_RESOURCE"; ownerId: string });
    expect(files.files[0]!.versions.map((version) => [version.number, version.name])).toEqual([
      [2, "practices-june.pdf"],
      [1, "practices.pdf"],
    ]);
    expect(files.singleFile).toBe(true);
    const old = await downloadAs(db, w.people.observer, first.file!.fileId, { version: 1 });
    expect(Buffer.from(old.bytes).equals(Buffer.from(pdfBytes("first")))).toBe(true);
  });

  it("keeps one file when two first uploads to a document arrive at the same moment", async () => {
    const { db } = database;
    const w = await libraryWorld();
    const doc = await w.api("member").library.addDocument(w.details());
    const results = await Promise.all(
      ["a", "b", "c"].map((name) => uploadAs(db, w.people.member, target(doc.id), `${name}.pdf`, pdfBytes(name))),
    );
    expect(results.map((result) => result.status).sort()).toEqual([201, 409, 409]);
    expect(await db.storedFile.count({ where: { ownerKind: "LIBRARY_RESOURCE", ownerId: doc.id } })).toBe(1);
    // The refused uploads' bytes went with them: only the kept file's version is stored.
    expect(await db.storedFileVersion.count({ where: { file: { ownerId: doc.id } } })).toBe(1);
  });

  it("may be added and uploaded by participants; observers, outsiders and other members of a public one are refused", async () => {
    const { db } = database;
    const w = await libraryWorld();
    await expectFailure(w.api("observer").library.addDocument(w.details()), "FORBIDDEN");
    await expectFailure(w.api("outsider").library.addDocument(w.details()), "NOT_FOUND");
    await expectFailure(w.api("member").library.addDocument(w.details({ visibility: "PUBLIC" })), "FORBIDDEN");

    const mine = await w.api("member").library.addDocument(w.details());
    const before = await storedBytes(db);
    expect((await uploadAs(db, w.people.observer, target(mine.id), "a.pdf", pdfBytes())).status).toBe(403);
    expect((await uploadAs(db, w.people.colleague, target(mine.id), "a.pdf", pdfBytes())).status).toBe(403);
    expect((await uploadAs(db, w.people.outsider, target(mine.id), "a.pdf", pdfBytes())).status).toBe(404);
    expect((await uploadAs(db, null, target(mine.id), "a.pdf", pdfBytes())).status).toBe(401);
    expect(await storedBytes(db)).toEqual(before);

    // Once an officer puts it on the public page, only officers and chairs change its file.
    const uploaded = await uploadAs(db, w.people.member, target(mine.id), "a.pdf", pdfBytes());
    expect(uploaded.status).toBe(201);
    await w.api("officer").library.updateResource({ libraryResourceId: mine.id, title: "Practices that work with the LCP", tags: [], visibility: "PUBLIC" });
    const refused = await uploadAs(db, w.people.member, { ...target(mine.id), fileId: uploaded.file!.fileId }, "b.pdf", pdfBytes("b"));
    expect(refused.status).toBe(403);
    expect(refused.message).toContain("only officers and chairs");
    expect((await uploadAs(db, w.people.officer, { ...target(mine.id), fileId: uploaded.file!.fileId }, "b.pdf", pdfBytes("b"))).status).toBe(201);

    // A link holds no file.
    const link = await w.api("member").library.addLink({ partnershipSlug: w.slug, title: "Walks", url: "https://example.org/walks" });
    const onLink = await uploadAs(db, w.people.member, target(link.id), "a.pdf", pdfBytes());
    expect(onLink.status).toBe(412);
  });

  it("download signed out from the public page when public on a published page; members-only ones are refused to the public", async () => {
    const { db } = database;
    const w = await libraryWorld({ publishes: false });
    const open = await w.api("officer").library.addDocument(w.details({ title: "Carers' café flyer", visibility: "PUBLIC" }));
    const closed = await w.api("officer").library.addDocument(w.details({ title: "Members' contact list" }));
    const pending = await w.api("officer").library.addDocument(w.details({ title: "Still uploading", visibility: "PUBLIC" }));
    const openFile = (await uploadAs(db, w.people.officer, target(open.id), "flyer.pdf", pdfBytes("flyer"))).file!.fileId;
    const closedFile = (await uploadAs(db, w.people.officer, target(closed.id), "contacts.pdf", pdfBytes("contacts"))).file!.fileId;

    // The partnership does not publish its page yet: nothing is public.
    expect((await downloadAs(db, null, openFile)).status).toBe(404);
    expect((await downloadAs(db, w.people.observer, openFile)).status).toBe(200);

    await db.partnership.update({ where: { id: w.partnership.id }, data: { publishesPortfolio: true } });
    const listed = await w.api(null).library.publicList({ partnershipSlug: w.slug });
    // The public see the public document with its file (never who uploaded it); not the members-only one, nor one without its file.
    expect(listed.resources).toEqual([
      {
        id: open.id,
        kind: "DOCUMENT",
        title: "Carers' café flyer",
        description: "",
        url: null,
        host: null,
        tags: ["gp practices"],
        folder: null,
        document: { fileId: openFile, name: "flyer.pdf", mimeType: "application/pdf", sizeBytes: pdfBytes("flyer").byteLength },
      },
    ]);
    expect(pending.id).not.toBe(open.id);

    const publicDownload = await downloadAs(db, null, listed.resources[0]!.document!.fileId);
    expect(publicDownload.status).toBe(200);
    expect(Buffer.from(publicDownload.bytes).equals(Buffer.from(pdfBytes("flyer")))).toBe(true);
    expect(publicDownload.headers.get("content-disposition")).toMatch(/^attachment; filename="flyer.pdf"/);
    expect((await downloadAs(db, w.people.outsider, openFile)).status).toBe(200);

    const refused = await downloadAs(db, null, closedFile);
    expect(refused.status).toBe(404);
    expect(new TextDecoder().decode(refused.bytes)).not.toContain("contacts");
    expect((await downloadAs(db, w.people.outsider, closedFile)).status).toBe(404);
    expect((await downloadAs(db, w.people.observer, closedFile)).status).toBe(200);

    // Taken off the public page: refused to the public at once.
    await w.api("officer").library.updateResource({ libraryResourceId: open.id, title: "Carers' café flyer", tags: [], visibility: "MEMBERS" });
    expect((await downloadAs(db, null, openFile)).status).toBe(404);
  });

  it("take their file, every version and its bytes, when removed", async () => {
    const { db } = database;
    const w = await libraryWorld();
    const before = await storedBytes(db);
    const doc = await w.api("member").library.addDocument(w.details());
    const file = (await uploadAs(db, w.people.member, target(doc.id), "a.pdf", pdfBytes("a"))).file!.fileId;
    await uploadAs(db, w.people.member, { ...target(doc.id), fileId: file }, "b.pdf", pdfBytes("b"));
    await w.api("member").library.removeResource({ libraryResourceId: doc.id });
    expect(await db.storedFile.count({ where: { id: file } })).toBe(0);
    expect(await storedBytes(db)).toEqual(before);
    expect((await downloadAs(db, w.people.member, file)).status).toBe(404);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { partnershipId: w.partnership.id, action: "library.resource.removed" } });
    expect(audit.summary).toContain("with its file (2 versions)");
  });
});

describe("a sub-group's shared folder", () => {
  async function folderWorld() {
    const w = await subGroupWorld<typeof STANDARD_CAST>(database.db, { members: ["member", "observer"] });
    return { ...w, folder: { ownerKind: "SUB_GROUP" as const, ownerId: w.subGroup.id } };
  }

  it("takes uploads from the sub-group's members and officers and chairs, and is read by them and its observers", async () => {
    const { db } = database;
    const w = await folderWorld();
    const minutes = await uploadAs(db, w.people.member, w.folder, "minutes.txt", new TextEncoder().encode("Met on Tuesday.\n"));
    expect(minutes.status).toBe(201);
    expect((await uploadAs(db, w.people.officer, w.folder, "plan.pdf", pdfBytes())).status).toBe(201);
    expect((await uploadAs(db, w.people.chair, w.folder, "notes.pdf", pdfBytes("chair"))).status).toBe(201);

    // Not in the sub-group: a member of the partnership can neither read nor add; an observer in it reads only.
    const notIn = await uploadAs(db, w.people.colleague, w.folder, "x.pdf", pdfBytes());
    expect(notIn.status).toBe(404);
    const observer = await uploadAs(db, w.people.observer, w.folder, "x.pdf", pdfBytes());
    expect(observer.status).toBe(403);
    expect(observer.message).toContain("Observers read");
    expect((await uploadAs(db, w.people.outsider, w.folder, "x.pdf", pdfBytes())).status).toBe(404);

    const listed = await w.api("observer").file.list(w.folder);
    expect(listed.files.map((file) => file.current.name).sort()).toEqual(["minutes.txt", "notes.pdf", "plan.pdf"]);
    expect(listed.canAttach).toBe(false);
    expect((await w.api("member").file.list(w.folder)).canAttach).toBe(true);
    await expectFailure(w.api("colleague").file.list(w.folder), "NOT_FOUND");
    await expectFailure(w.api("outsider").file.list(w.folder), "NOT_FOUND");

    expect((await downloadAs(db, w.people.observer, minutes.file!.fileId)).status).toBe(200);
    expect((await downloadAs(db, w.people.officer, minutes.file!.fileId)).status).toBe(200);
    expect((await downloadAs(db, w.people.colleague, minutes.file!.fileId)).status).toBe(404);
    expect((await downloadAs(db, null, minutes.file!.fileId)).status).toBe(404);

    const group = await w.api("member").subGroup.get({ subGroupId: w.subGroup.id });
    expect(group.viewer.canSeeSharedFiles).toBe(true);
    expect((await w.api("colleague").subGroup.get({ subGroupId: w.subGroup.id })).viewer.canSeeSharedFiles).toBe(false);
  });

  it("keeps its files but takes no new ones once the sub-group is archived", async () => {
    const { db } = database;
    const w = await folderWorld();
    const kept = await uploadAs(db, w.people.member, w.folder, "minutes.pdf", pdfBytes());
    await db.subGroup.update({ where: { id: w.subGroup.id }, data: { archivedAt: new Date() } });
    const refused = await uploadAs(db, w.people.member, w.folder, "late.pdf", pdfBytes("late"));
    expect(refused.status).toBe(412);
    expect(refused.message).toContain("archived");
    expect((await downloadAs(db, w.people.member, kept.file!.fileId)).status).toBe(200);
  });
});
