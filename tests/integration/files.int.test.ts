import { createHash } from "node:crypto";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { S3FileStore } from "@/server/domain/files/store";
import { withTestDatabase } from "./support/database";
import { expectFailure, fieldErrorsOf } from "./support/expect";
import { downloadAs, filesEnv, pdfBytes, startS3Server, storedBytes, streamOf, uploadAs } from "./support/files";
import { completeProposalContent, draftProposal, fundWorld, STANDARD_CAST, subGroupWorld, writeSections, type SubGroupWorld } from "./support/worlds";

/**
 * Files through the routes the browser uses, on the real database: streamed uploads and
 * downloads, every bad input refused with nothing stored, versions, the storage limit under
 * concurrent uploads, downloads decided by the owner's rule, EXIF gone from photos, the S3
 * store against an S3 server started here, and a round's required documents.
 */

const database = withTestDatabase();
const MB = 1024 * 1024;

async function world() {
  const w = await subGroupWorld<typeof STANDARD_CAST>(database.db, { members: ["member", "colleague"], tagNames: true });
  const { round } = await fundWorld(w, { by: w.people.officer });
  const proposalId = await draftProposal(w, { lead: w.people.member, roundId: round.id });
  return { w, round, proposalId, target: { ownerKind: "PROPOSAL" as const, ownerId: proposalId } };
}

describe("uploading and downloading a file", () => {
  it("streams a PDF in and out, typed from its content, as an attachment that runs nothing", async () => {
    const { db } = database;
    const { w, target } = await world();
    const pdf = pdfBytes("constitution");
    const uploaded = await uploadAs(db, w.people.member, target, "Our constitution.PDF", pdf);
    expect(uploaded.status).toBe(201);
    expect(uploaded.file).toMatchObject({ name: "Our constitution.PDF", mimeType: "application/pdf", sizeBytes: pdf.byteLength, number: 1 });

    const download = await downloadAs(db, w.people.member, uploaded.file!.fileId);
    expect(download.status).toBe(200);
    expect(Buffer.from(download.bytes).equals(Buffer.from(pdf))).toBe(true);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(download.headers.get("content-disposition")).toMatch(/^attachment; filename="Our constitution.PDF"/);
    expect(download.headers.get("x-content-type-options")).toBe("nosniff");
    expect(download.headers.get("content-security-policy")).toMatch(/^default-src 'none';.*sandbox/);
    // A PDF may be asked for inline (the preview), still with nothing allowed to load.
    const inline = await downloadAs(db, w.people.member, uploaded.file!.fileId, { inline: true });
    expect(inline.headers.get("content-disposition")).toMatch(/^inline;/);
    expect(inline.headers.get("content-security-policy")).toMatch(/^default-src 'none'/);

    const listed = await w.api("member").file.list(target);
    expect(listed.files).toHaveLength(1);
    expect(listed.files[0]!.current).toMatchObject({ name: "Our constitution.PDF", uploadedBy: w.people.member.name, sizeBytes: pdf.byteLength });
    expect(listed.canAttach).toBe(true);
    const version = await db.storedFileVersion.findFirstOrThrow({ where: { fileId: uploaded.file!.fileId } });
    expect(version.sha256).toBe(createHash("sha256").update(pdf).digest("hex"));
  });

  it("refuses a file over the limit as soon as the limit is passed, without reading the rest, and stores nothing", async () => {
    const { db } = database;
    const { w, target } = await world();
    const before = await storedBytes(db);
    let pulled = 0;
    const chunk = new Uint8Array(256 * 1024).fill(0x41);
    const endless = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          // 40 MB on offer; the first bytes look like a PDF.
          if (pulled >= 40 * MB) return controller.close();
          const piece = pulled === 0 ? Uint8Array.from([...pdfBytes().subarray(0, 9), ...chunk.subarray(9)]) : chunk;
          pulled += piece.byteLength;
          controller.enqueue(piece);
        },
      },
      { highWaterMark: 0 },
    );
    const refused = await uploadAs(db, w.people.member, target, "huge.pdf", endless);
    expect(refused.status).toBe(413);
    expect(refused.message).toContain("larger than the limit of 20 MB");
    expect(pulled).toBeGreaterThan(20_000_000);
    expect(pulled).toBeLessThanOrEqual(20_000_000 + chunk.byteLength);
    expect(await storedBytes(db)).toEqual(before);
    expect((await w.api("member").file.list(target)).files).toEqual([]);
  });

  it("refuses a body announced as too large before reading any of it", async () => {
    const { db } = database;
    const { w, target } = await world();
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({ pull: (controller) => { pulled += 1; controller.enqueue(pdfBytes()); } }, { highWaterMark: 0 });
    const refused = await uploadAs(db, w.people.member, target, "big.pdf", body, { headers: { "content-length": String(25 * MB) } });
    expect(refused.status).toBe(413);
    expect(pulled).toBe(0);
  });

  it("refuses a wrong type whatever its name, an empty file, and text with binary inside; cleans a name with a path", async () => {
    const { db } = database;
    const { w, target } = await world();
    const before = await storedBytes(db);
    const exe = new Uint8Array(4096);
    exe.set([0x4d, 0x5a, 0x90, 0x00]);
    const wrongType = await uploadAs(db, w.people.member, target, "report.pdf", exe);
    expect(wrongType.status).toBe(415);
    expect(wrongType.message).toContain("This kind of file cannot be uploaded");
    const zip = await uploadAs(db, w.people.member, target, "archive.docx", Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...new Uint8Array(200)]));
    expect(zip.status).toBe(415);
    const empty = await uploadAs(db, w.people.member, target, "empty.txt", new Uint8Array(0));
    expect(empty.status).toBe(422);
    expect(empty.message).toContain("This file is empty");
    // Text for the first 100 KB, then a NUL byte: not plain text after all.
    const sneaky = new TextEncoder().encode("a,b\n".repeat(25_000) + "\u0000tail");
    const binaryText = await uploadAs(db, w.people.member, target, "list.csv", sneaky);
    expect(binaryText.status).toBe(415);
    expect(await storedBytes(db)).toEqual(before);

    const passwd = await uploadAs(db, w.people.member, target, "../../etc/passwd", new TextEncoder().encode("root:x:0:0\n"));
    expect(passwd.status).toBe(201);
    expect(passwd.file).toMatchObject({ name: "passwd.txt", mimeType: "text/plain" });
    const bidi = await uploadAs(db, w.people.member, target, "invoice\u202Efdp.exe", pdfBytes());
    expect(bidi.file!.name).toBe("invoicefdp.pdf");
    const csv = await uploadAs(db, w.people.member, target, "attendance.csv", new TextEncoder().encode("name,date\nAnn,2026-01-01\n"));
    expect(csv.file!.mimeType).toBe("text/csv");
  });

  it("refuses uploads from people who may not attach, and to a proposal that is no longer a draft", async () => {
    const { db } = database;
    const { w, target, proposalId } = await world();
    // A sub-group member who does not write the proposal reads it but cannot attach.
    const colleague = await uploadAs(db, w.people.colleague, target, "a.pdf", pdfBytes());
    expect(colleague.status).toBe(403);
    expect(colleague.message).toBe("Only the proposal's authors can attach files to it.");
    expect((await uploadAs(db, w.people.outsider, target, "a.pdf", pdfBytes())).status).toBe(404);
    expect((await uploadAs(db, null, target, "a.pdf", pdfBytes())).status).toBe(401);
    await db.proposal.update({ where: { id: proposalId }, data: { status: "SUBMITTED", submittedAt: new Date() } });
    const closed = await uploadAs(db, w.people.member, target, "a.pdf", pdfBytes());
    expect(closed.status).toBe(412);
    expect(closed.message).toContain("only while the proposal is a draft");
  });
});

describe("versions", () => {
  it("keeps every version with who uploaded it and when; the old ones stay downloadable", async () => {
    const { db } = database;
    const { w, target, proposalId } = await world();
    const coAuthor = w.people.colleague;
    await w.api("member").proposal.addCoAuthor({ proposalId, userId: coAuthor.userId });
    const first = await uploadAs(db, w.people.member, target, "accounts.pdf", pdfBytes("2024"));
    const second = await uploadAs(db, coAuthor, { ...target, fileId: first.file!.fileId }, "accounts final.pdf", pdfBytes("2025"));
    expect(second.status).toBe(201);
    expect(second.file).toMatchObject({ fileId: first.file!.fileId, number: 2 });

    const [file] = (await w.api("member").file.list(target)).files;
    expect(file!.versions.map((v) => [v.number, v.name, v.uploadedBy])).toEqual([
      [2, "accounts final.pdf", coAuthor.name],
      [1, "accounts.pdf", w.people.member.name],
    ]);
    expect(file!.current.number).toBe(2);
    const latest = await downloadAs(db, w.people.member, first.file!.fileId);
    expect(new TextDecoder().decode(latest.bytes)).toContain("2025");
    const old = await downloadAs(db, w.people.member, first.file!.fileId, { version: 1 });
    expect(new TextDecoder().decode(old.bytes)).toContain("2024");
    expect((await downloadAs(db, w.people.member, first.file!.fileId, { version: 3 })).status).toBe(404);
  });

  it("removes a file with its versions and bytes, in the audit trail, and gives the space back", async () => {
    const { db } = database;
    const { w, target } = await world();
    const uploaded = await uploadAs(db, w.people.member, target, "a.pdf", pdfBytes());
    await uploadAs(db, w.people.member, { ...target, fileId: uploaded.file!.fileId }, "b.pdf", pdfBytes("b"));
    const use = () => w.api("officer").file.storageUse({ partnershipSlug: w.slug });
    expect((await use()).usedBytes).toBe(pdfBytes().byteLength + pdfBytes("b").byteLength);
    await expectFailure(w.api("colleague").file.remove({ fileId: uploaded.file!.fileId }), "FORBIDDEN");
    const blobs = await db.storedFileVersion.findMany({ where: { fileId: uploaded.file!.fileId }, select: { blobKey: true } });
    await w.api("member").file.remove({ fileId: uploaded.file!.fileId });
    expect(await db.fileBlob.count({ where: { id: { in: blobs.map((b) => b.blobKey) } } })).toBe(0);
    expect((await use()).usedBytes).toBe(0);
    expect((await downloadAs(db, w.people.member, uploaded.file!.fileId)).status).toBe(404);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { partnershipId: w.partnership.id, action: "file.removed" } });
    expect(audit).toMatchObject({ actorId: w.people.member.userId, subjectId: target.ownerId });
    expect(audit.summary).toContain("“b.pdf” (2 versions)");
  });
});

describe("the partnership's storage limit", () => {
  it("lets exactly as many concurrent uploads through as fit, however they race", async () => {
    const { db } = database;
    const { w, target } = await world();
    const size = 100_000;
    const files = Array.from({ length: 8 }, (_, index) => new TextEncoder().encode(String(index).repeat(size)));
    const env = filesEnv({ TANDEM_PARTNERSHIP_STORAGE_BYTES: String(3 * size + 500) });
    const results = await Promise.all(files.map((bytes, index) => uploadAs(db, w.people.member, target, `sheet-${index}.txt`, bytes, { env })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    const refused = results.filter((r) => r.status !== 201);
    expect(refused).toHaveLength(5);
    for (const r of refused) {
      expect(r.status).toBe(507);
      expect(r.message).toContain("Your partnership has used its storage");
    }
    const use = await db.partnershipStorageUse.findUniqueOrThrow({ where: { partnershipId: w.partnership.id } });
    expect(Number(use.bytesUsed)).toBe(3 * size);
    const sum = await db.storedFileVersion.aggregate({ where: { file: { partnershipId: w.partnership.id } }, _sum: { sizeBytes: true } });
    expect(sum._sum.sizeBytes).toBe(3 * size);
    // The refused uploads left no bytes behind.
    expect(await db.fileBlob.count()).toBe(await db.storedFileVersion.count());
  });
});

describe("who may download", () => {
  let w: SubGroupWorld<typeof STANDARD_CAST>;
  let fileId: string;
  let storyFileId: string;
  let storyId: string;
  beforeAll(async () => {
    const built = await world();
    w = built.w;
    fileId = (await uploadAs(database.db, w.people.member, built.target, "plan.pdf", pdfBytes()))!.file!.fileId;
    const story = await database.db.story.create({ data: { partnershipId: w.partnership.id, authorId: w.people.member.userId, title: "Our test", body: "It worked." } });
    storyId = story.id;
    const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#3366aa" } }).png().toBuffer();
    storyFileId = (await uploadAs(database.db, w.people.member, { ownerKind: "STORY", ownerId: storyId }, "photo.png", photo))!.file!.fileId;
  });

  it("lets the proposal's readers download, and tells everyone else it does not exist", async () => {
    const { db } = database;
    expect((await downloadAs(db, w.people.member, fileId)).status).toBe(200);
    expect((await downloadAs(db, w.people.colleague, fileId)).status).toBe(200);
    expect((await downloadAs(db, w.people.officer, fileId)).status).toBe(200);
    // Not in the sub-group, another partnership's officer, signed out.
    expect((await downloadAs(db, w.people.observer, fileId)).status).toBe(404);
    expect((await downloadAs(db, w.people.outsider, fileId)).status).toBe(404);
    expect((await downloadAs(db, null, fileId)).status).toBe(404);
    expect((await downloadAs(db, null, "no-such-file")).status).toBe(404);
    await expectFailure(w.api("outsider").file.list({ ownerKind: "PROPOSAL", ownerId: (await db.storedFile.findUniqueOrThrow({ where: { id: fileId } })).ownerId }), "NOT_FOUND");
  });

  it("serves a story's image to the public only once the story is published and public on a published page", async () => {
    const { db } = database;
    expect((await downloadAs(db, null, storyFileId)).status).toBe(404);
    expect((await downloadAs(db, w.people.colleague, storyFileId)).status).toBe(404);
    await db.story.update({ where: { id: storyId }, data: { status: "PUBLISHED", publishedAt: new Date(), isPublic: true } });
    // Published and public, but the partnership does not publish a public page: members only.
    expect((await downloadAs(db, null, storyFileId)).status).toBe(404);
    expect((await downloadAs(db, w.people.colleague, storyFileId)).status).toBe(200);
    await db.partnership.update({ where: { id: w.partnership.id }, data: { publishesPortfolio: true } });
    const publicDownload = await downloadAs(db, null, storyFileId, { inline: true });
    expect(publicDownload.status).toBe(200);
    expect(publicDownload.headers.get("content-type")).toBe("image/png");
    expect((await downloadAs(db, w.people.outsider, storyFileId, { thumbnail: true })).status).toBe(200);
    await db.story.update({ where: { id: storyId }, data: { status: "WITHDRAWN" } });
    expect((await downloadAs(db, null, storyFileId)).status).toBe(404);
  });
});

describe("photos", () => {
  it("are re-encoded without EXIF or GPS, with a thumbnail", async () => {
    const { db } = database;
    const { w, target } = await world();
    const withGps = await sharp({ create: { width: 800, height: 600, channels: 3, background: "#88aa33" } })
      .jpeg()
      .withExif({ IFD0: { Make: "PhoneCo", Model: "Snapper 9" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "55/1 50/1 0/1", GPSLongitudeRef: "W", GPSLongitude: "4/1 25/1 0/1" } })
      .toBuffer();
    const original = await sharp(withGps).metadata();
    expect(original.exif).toBeDefined();
    expect(withGps.includes(Buffer.from("Snapper 9"))).toBe(true);

    const uploaded = await uploadAs(db, w.people.member, target, "IMG_0001.JPG", withGps);
    expect(uploaded.status).toBe(201);
    expect(uploaded.file).toMatchObject({ name: "IMG_0001.JPG", mimeType: "image/jpeg" });
    const download = await downloadAs(db, w.people.member, uploaded.file!.fileId);
    const stored = Buffer.from(download.bytes);
    const meta = await sharp(stored).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(stored.includes(Buffer.from("Snapper 9"))).toBe(false);
    expect(stored.includes(Buffer.from("GPS"))).toBe(false);
    expect([meta.width, meta.height]).toEqual([800, 600]);

    const thumbnail = await downloadAs(db, w.people.member, uploaded.file!.fileId, { thumbnail: true });
    expect(thumbnail.status).toBe(200);
    expect(thumbnail.headers.get("content-type")).toBe("image/webp");
    const thumbMeta = await sharp(Buffer.from(thumbnail.bytes)).metadata();
    expect(Math.max(thumbMeta.width!, thumbMeta.height!)).toBe(320);
    expect((await w.api("member").file.list(target)).files[0]!.current.hasThumbnail).toBe(true);
  });

  it("refuses a damaged image", async () => {
    const { db } = database;
    const { w, target } = await world();
    const png = await sharp({ create: { width: 50, height: 50, channels: 3, background: "#000" } }).png().toBuffer();
    const broken = await uploadAs(db, w.people.member, target, "broken.png", png.subarray(0, 60));
    expect(broken.status).toBe(422);
    expect(broken.message).toContain("could not be read");
  });
});

describe("S3-compatible storage", () => {
  let s3: Awaited<ReturnType<typeof startS3Server>>;
  beforeAll(async () => {
    s3 = await startS3Server();
  });
  afterAll(async () => {
    await s3?.stop();
  });

  it("streams a multipart upload in and out of an S3 server, and removes it", async () => {
    const { db } = database;
    const { w, target } = await world();
    const store = new S3FileStore(s3.settings);
    // 12 MB of text: three multipart parts.
    const text = new TextEncoder().encode("Sign-in sheet, Tuesday group\n".repeat(Math.ceil((12 * MB) / 29)));
    const uploaded = await uploadAs(db, w.people.member, target, "sheet.txt", streamOf(text), { store });
    expect(uploaded.status).toBe(201);
    const version = await db.storedFileVersion.findFirstOrThrow({ where: { fileId: uploaded.file!.fileId } });
    expect(version.storage).toBe("S3");
    expect(await db.fileChunk.count({ where: { blobId: version.blobKey } })).toBe(0);
    const download = await downloadAs(db, w.people.member, uploaded.file!.fileId, { store });
    expect(download.status).toBe(200);
    expect(download.bytes.byteLength).toBe(text.byteLength);
    expect(createHash("sha256").update(download.bytes).digest("hex")).toBe(version.sha256);

    await store.remove(version.blobKey);
    expect(await store.open(version.blobKey)).toBeNull();
  });

  it("leaves nothing in the bucket when an upload is refused part-way", async () => {
    const { db } = database;
    const { w, target } = await world();
    const store = new S3FileStore(s3.settings);
    const before = await s3.keys();
    // Past the first 5 MB part, a NUL byte: it is not text after all.
    const sneaky = new TextEncoder().encode("x".repeat(6 * MB) + "\u0000");
    const refused = await uploadAs(db, w.people.member, target, "notes.txt", sneaky, { store });
    expect(refused.status).toBe(415);
    expect(await s3.keys()).toEqual(before);
    // What was stored before is there to compare with: one upload succeeds and is listed.
    const kept = await uploadAs(db, w.people.member, target, "notes.txt", new TextEncoder().encode("fine"), { store });
    expect(kept.status).toBe(201);
    expect((await s3.keys()).length).toBe(before.length + 1);
  });
});

describe("a round's required documents", () => {
  it("stop submission until each is attached, and are attached by name", async () => {
    const { db } = database;
    const { w, round, proposalId, target } = await world();
    await w.api("officer").funding.setRequiredDocuments({ roundId: round.id, documents: ["Constitution", "Latest accounts"] });
    await writeSections(w, w.people.member, proposalId, completeProposalContent(w));

    const view = await w.api("member").proposal.get({ proposalId });
    expect(view.missing.filter((item) => item.section === "documents").map((item) => item.message)).toEqual([
      "Attach the required document “Constitution”.",
      "Attach the required document “Latest accounts”.",
    ]);
    const refused = await expectFailure(w.api("member").proposal.submit({ proposalId }), "BAD_REQUEST");
    expect(fieldErrorsOf(refused).documents).toHaveLength(2);

    const notAsked = await uploadAs(db, w.people.member, { ...target, slot: "Bank statement" }, "bank.pdf", pdfBytes());
    expect(notAsked.status).toBe(400);
    expect((await uploadAs(db, w.people.member, { ...target, slot: "Constitution" }, "constitution.pdf", pdfBytes())).status).toBe(201);
    const listed = await w.api("member").file.list(target);
    expect(listed.slots).toEqual([
      { name: "Constitution", filled: true },
      { name: "Latest accounts", filled: false },
    ]);
    await expectFailure(w.api("member").proposal.submit({ proposalId }), "BAD_REQUEST");
    expect((await uploadAs(db, w.people.member, { ...target, slot: "Latest accounts" }, "accounts.xlsx.pdf", pdfBytes())).status).toBe(201);
    const submitted = await w.api("member").proposal.submit({ proposalId });
    expect(submitted.status).toBe("SUBMITTED");
  });
});
