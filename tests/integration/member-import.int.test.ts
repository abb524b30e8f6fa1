import ExcelJS from "exceljs";
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/server/db/client";
import { confirmImport, sendBatchInvitations } from "@/server/domain/imports/member-import";
import { acceptInvitation, createInvitation } from "@/server/domain/invitations/invitations";
import { parseEnv } from "@/server/env";
import { JOB_KINDS } from "@/server/jobs/kinds";
import { runNextJob } from "@/server/jobs/runner";
import { withTestDatabase } from "./support/database";
import { expectFailure } from "./support/expect";
import { unique } from "./support/factories";
import { partnershipWorld, type PartnershipWorld, type STANDARD_CAST } from "./support/worlds";

const database = withTestDatabase();
const getDb = vi.fn();

// The upload route reaches the database through getDb(), as the app does: here, the test database.
vi.mock("@/server/db/client", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/server/db/client")>()),
  getDb: () => getDb(),
}));

const { POST: uploadRoute } = await import("@/app/p/[slug]/admin/import/upload/route");
const env = parseEnv({ NODE_ENV: "test", NEXTAUTH_URL: "https://tandem.example.org/" });
const kinds = { "invitations.batch": JOB_KINDS["invitations.batch"] };

let w: PartnershipWorld<typeof STANDARD_CAST>;
beforeAll(async () => {
  getDb.mockImplementation(() => database.db);
  w = await partnershipWorld(database.db, { partnership: { localities: ["North", "South"] } });
});

const csv = (lines: string[]) => Buffer.from(lines.join("\r\n")).toString("base64");

async function upload(contentBase64: string, who: "officer" | "member" = "officer") {
  return w.api(who).memberImport.upload({ partnershipSlug: w.slug, fileName: "people.csv", contentBase64 });
}

const batchOf = (batchId: string) => w.api("officer").memberImport.batch({ partnershipSlug: w.slug, batchId });

/** Runs the batch jobs that are due until none is left. */
async function runBatchJobs(db: Database) {
  let ran = 0;
  while (await runNextJob({ db, env, kinds })) ran += 1;
  return ran;
}

describe("previewing an import", () => {
  it("names every row's problem: bad email, sector, type, duplicate, member, invited, role, locality, formula", async () => {
    const { db } = database;
    const tag = unique("p");
    const invited = `${tag}-invited@example.org`;
    await createInvitation(db, w.people.officer, w.partnership.id, { email: invited, role: "MEMBER" }, env);
    const member = await db.user.findUniqueOrThrow({ where: { id: w.people.member.userId }, select: { email: true } });
    const batch = await upload(
      csv([
        "Email,Name,Organisation,Sector,Organisation type,Role,Locality",
        `${tag}-ok@example.org,Ada Ok,${w.organisations.voluntary.name.toUpperCase()},,,,North`,
        "not-an-email,Bad Email,,,,,",
        `${tag}-sector@example.org,Sam Sector,New Org ${tag},Charity sector,,,`,
        `${tag}-type@example.org,Tia Type,Other Org ${tag},Voluntary,Spaceship,,`,
        `${tag}-ok@example.org,Dup Licate,,,,,`,
        `${member.email},Mo Member,,,,,`,
        `${invited},Ivy Invited,,,,,`,
        `${tag}-chair@example.org,Cy Chair,,,,Chair,`,
        `${tag}-place@example.org,Pat Place,,,,,Atlantis`,
        `${tag}-nosector@example.org,Nia New,Brand New ${tag},,,,`,
        `${tag}-formula@example.org,=1+1,,,,,`,
        `${tag}-new@example.org,Ned New,Fresh Start ${tag},Community,Community group,Observer,South`,
      ]),
    );
    expect(batch).toMatchObject({ rowCount: 12, problemRowCount: 10 });
    const preview = await batchOf(batch.id);
    const problemsByRow = Object.fromEntries(preview.rows.map((row) => [row.row, row.problems]));
    expect(problemsByRow).toEqual({
      2: [],
      3: ['"not-an-email" is not an email address.'],
      4: ['"Charity sector" is not a sector: use Voluntary, Public, Private or Community.'],
      5: [expect.stringMatching(/^"Spaceship" is not an organisation type: use one of Charity, NHS body/)],
      6: ["The same email address as row 2."],
      7: ["Already a member of this partnership."],
      8: ["Already has an open invitation: resend it from the administration page instead."],
      9: ["Chair cannot be imported: officers and chairs are invited one by one from the administration page."],
      10: ['"Atlantis" is not one of this partnership\'s localities (North, South).'],
      11: [`"Brand New ${tag}" is not in Tandem yet: give its sector (Voluntary, Public, Private or Community) so it can be added.`],
      12: ["Cell B12 holds a formula; paste its value instead."],
      13: [],
    });
    const existing = preview.rows.find((row) => row.row === 2)!;
    expect(existing).toMatchObject({ organisationNote: null, sector: "VOLUNTARY", role: "MEMBER", locality: "North" });
    expect(preview.rows.find((row) => row.row === 13)).toMatchObject({
      organisationNote: "will be added (Community sector)",
      role: "OBSERVER",
      locality: "South",
    });
    expect(preview).toMatchObject({ state: "PREVIEWED", readyRowCount: 2, emailedCount: 0 });
    // A preview writes nothing but the batch.
    expect(await db.invitation.count({ where: { importBatchId: batch.id } })).toBe(0);
    expect(await db.organisation.count({ where: { name: { contains: tag } } })).toBe(0);
  });

  it("refuses a file without an email column before storing anything", async () => {
    const before = await database.db.importBatch.count({ where: { partnershipId: w.partnership.id } });
    await expectFailure(upload(csv(["Name,Org", "Sam,Acme"])), "BAD_REQUEST", /no Email column.*Columns found: "Name", "Org"/);
    expect(await database.db.importBatch.count({ where: { partnershipId: w.partnership.id } })).toBe(before);
  });

  it("reads an Excel workbook built like the one an officer saves", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("People");
    const tag = unique("x");
    sheet.addRow(["E-mail", "Full name", "Org", "Sector"]);
    sheet.addRow([`${tag}@example.org`, "Xen Excel", `Excel Org ${tag}`, "Private"]);
    const batch = await w.api("officer").memberImport.upload({
      partnershipSlug: w.slug,
      fileName: "people.xlsx",
      contentBase64: Buffer.from(await workbook.xlsx.writeBuffer()).toString("base64"),
    });
    const preview = await batchOf(batch.id);
    expect(preview.rows).toEqual([
      expect.objectContaining({ row: 2, email: `${tag}@example.org`, name: "Xen Excel", organisationNote: "will be added (Private sector)", problems: [] }),
    ]);
  });

  it("lets only officers import, and shows one partnership's batch to no other", async () => {
    await expectFailure(upload(csv(["Email", "a@example.org"]), "member"), "FORBIDDEN");
    const batch = await upload(csv(["Email", `${unique()}@example.org`]));
    await expectFailure(w.api("member").memberImport.batch({ partnershipSlug: w.slug, batchId: batch.id }), "FORBIDDEN");
    await expectFailure(w.api("outsider").memberImport.batch({ partnershipSlug: w.elsewhere.slug, batchId: batch.id }), "NOT_FOUND");
    await expectFailure(w.api(null).memberImport.confirm({ partnershipSlug: w.slug, batchId: batch.id }), "UNAUTHORIZED");
  });
});

describe("confirming an import", () => {
  it("refuses while rows have problems, unless the officer skips them", async () => {
    const { db } = database;
    const tag = unique("s");
    const batch = await upload(csv(["Email,Name", `${tag}-a@example.org,A`, "nope,B"]));
    await expectFailure(
      w.api("officer").memberImport.confirm({ partnershipSlug: w.slug, batchId: batch.id }),
      "PRECONDITION_FAILED",
      "1 row has a problem. Fix the file and upload it again, or choose to skip that row.",
    );
    expect(await db.invitation.count({ where: { importBatchId: batch.id } })).toBe(0);
    const confirmed = await w.api("officer").memberImport.confirm({ partnershipSlug: w.slug, batchId: batch.id, skipRowsWithProblems: true });
    expect(confirmed).toMatchObject({ state: "CONFIRMED", invitedCount: 1 });
    expect((await db.invitation.findMany({ where: { importBatchId: batch.id } })).map((row) => row.email)).toEqual([`${tag}-a@example.org`]);
  });

  it("creates the organisations and invitations once, and queues one job that emails each person once", async () => {
    const { db } = database;
    const tag = unique("c");
    const lines = ["Email,Name,Organisation,Sector,Organisation type,Locality"];
    for (let i = 1; i <= 5; i += 1) lines.push(`${tag}-${i}@example.org,Person ${i},Harbour Trust ${tag},Voluntary,Charity,North`);
    lines.push(`${tag}-6@example.org,Person 6,${w.organisations.private.name},,,`);
    const batch = await upload(csv(lines));

    // Two officers' clicks at the same moment: one set of invitations, one job.
    const confirms = await Promise.allSettled([
      w.api("officer").memberImport.confirm({ partnershipSlug: w.slug, batchId: batch.id }),
      w.api("officer").memberImport.confirm({ partnershipSlug: w.slug, batchId: batch.id }),
    ]);
    expect(confirms.map((outcome) => outcome.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = confirms.find((outcome) => outcome.status === "rejected") as PromiseRejectedResult;
    expect(String(refused.reason.message)).toBe("This import has already been confirmed: its invitations have been created.");

    const invitations = await db.invitation.findMany({ where: { importBatchId: batch.id }, orderBy: { email: "asc" } });
    expect(invitations).toHaveLength(6);
    expect(invitations.every((invitation) => invitation.emailQueued && invitation.role === "MEMBER")).toBe(true);
    const organisations = await db.organisation.findMany({ where: { name: { equals: `harbour trust ${tag}`, mode: "insensitive" } } });
    expect(organisations).toMatchObject([{ sector: "VOLUNTARY", type: "CHARITY" }]);
    const links = await db.partnershipOrganisation.findMany({
      where: { partnershipId: w.partnership.id, organisationId: { in: [organisations[0]!.id, w.organisations.private.id] } },
      include: { locality: true },
    });
    expect(links.map((link) => [link.organisationId, link.locality?.name ?? null]).sort()).toEqual(
      [
        [organisations[0]!.id, "North"],
        [w.organisations.private.id, null],
      ].sort(),
    );
    const jobs = await db.backgroundJob.findMany({ where: { kind: "invitations.batch", onceKey: `invitations.batch:${batch.id}` } });
    expect(jobs).toHaveLength(1);
    expect(await w.api("officer").memberImport.progress({ partnershipSlug: w.slug, batchId: batch.id })).toMatchObject({ state: "CONFIRMED", invitedCount: 6, emailedCount: 0 });

    expect(await runBatchJobs(db)).toBeGreaterThanOrEqual(1);
    const emails = await db.outboxEmail.findMany({ where: { to: { startsWith: `${tag}-` } } });
    expect(emails.map((email) => email.to).sort()).toEqual(invitations.map((invitation) => invitation.email));
    expect(emails.every((email) => /\/invite\/[A-Za-z0-9_-]+/.test(email.text))).toBe(true);
    const after = await batchOf(batch.id);
    expect(after).toMatchObject({ state: "SENT", emailedCount: 6, invitedCount: 6, organisationsAddedCount: 1 });
    expect(await w.api("officer").memberImport.progress({ partnershipSlug: w.slug, batchId: batch.id })).toEqual({
      state: "SENT",
      invitedCount: 6,
      emailedCount: 6,
      sendingFailed: false,
    });
    const job = await db.backgroundJob.findFirstOrThrow({ where: { onceKey: `invitations.batch:${batch.id}` } });
    expect(job).toMatchObject({ state: "SUCCEEDED", progress: { done: 6, total: 6 } });

    // Running the job again (a retry, a second worker) sends nothing more.
    const again = await sendBatchInvitations({ db, env, job, reportProgress: async () => {} });
    expect(again).toEqual({ sent: 0, failed: 0 });
    await db.importBatch.update({ where: { id: batch.id }, data: { state: "CONFIRMED", sentAt: null } });
    expect(await sendBatchInvitations({ db, env, job, reportProgress: async () => {} })).toEqual({ sent: 0, failed: 0 });
    expect(await db.outboxEmail.count({ where: { to: { startsWith: `${tag}-` } } })).toBe(6);

    // The emailed link works: the stored hash was replaced when the email went.
    const first = emails.find((email) => email.to === `${tag}-1@example.org`)!;
    const token = /\/invite\/([A-Za-z0-9_-]+)/.exec(first.text)![1]!;
    const invitee = await db.user.create({ data: { name: "Person 1", email: `${tag}-1@example.org` } });
    const accepted = await acceptInvitation(db, { userId: invitee.id, name: invitee.name, email: invitee.email, organisationId: null }, { token });
    expect(accepted).toMatchObject({ partnershipSlug: w.slug, role: "MEMBER", alreadyMember: false });
    // And they are placed in the organisation the file named for them.
    expect((await db.user.findUniqueOrThrow({ where: { id: invitee.id } })).organisationId).toBe(organisations[0]!.id);
    expect(invitations.find((invitation) => invitation.email === `${tag}-6@example.org`)?.organisationId).toBe(w.organisations.private.id);
    await expectFailure(w.api("officer").memberImport.cancel({ partnershipSlug: w.slug, batchId: batch.id }), "CONFLICT");
  });

  it("undoes everything when someone in the file was invited after the preview", async () => {
    const { db } = database;
    const tag = unique("r");
    const batch = await upload(csv(["Email,Organisation,Sector", `${tag}-a@example.org,Late Org ${tag},Public`, `${tag}-b@example.org,,`]));
    await createInvitation(db, w.people.officer, w.partnership.id, { email: `${tag}-b@example.org`, role: "MEMBER" }, env);
    await expectFailure(confirmImport(db, w.people.officer, w.partnership.id, { batchId: batch.id, skipRowsWithProblems: false }), "CONFLICT", /Something changed since the preview/);
    expect(await db.invitation.count({ where: { importBatchId: batch.id } })).toBe(0);
    expect(await db.organisation.count({ where: { name: `Late Org ${tag}` } })).toBe(0);
    expect((await batchOf(batch.id)).state).toBe("PREVIEWED");
  });

  it("cancels a preview: nothing is created and it can no longer be confirmed", async () => {
    const { db } = database;
    const batch = await upload(csv(["Email", `${unique()}@example.org`]));
    expect(await w.api("officer").memberImport.cancel({ partnershipSlug: w.slug, batchId: batch.id })).toMatchObject({ state: "CANCELLED" });
    await expectFailure(
      w.api("officer").memberImport.confirm({ partnershipSlug: w.slug, batchId: batch.id }),
      "CONFLICT",
      /was cancelled/,
    );
    expect(await db.invitation.count({ where: { importBatchId: batch.id } })).toBe(0);
    expect(await db.backgroundJob.count({ where: { onceKey: `invitations.batch:${batch.id}` } })).toBe(0);
  });
});

describe("the upload route", () => {
  async function cookieFor(userId: string) {
    const sessionToken = randomBytes(32).toString("hex");
    await database.db.session.create({ data: { sessionToken, userId, expires: new Date(Date.now() + 3_600_000) } });
    return `next-auth.session-token=${sessionToken}`;
  }

  async function post(body: BodyInit, cookie: string | null, headers: Record<string, string> = {}) {
    const request = new Request(`http://localhost/p/${w.slug}/admin/import/upload`, {
      method: "POST",
      body,
      headers: { ...(cookie ? { cookie } : {}), ...headers },
    });
    const response = await uploadRoute(request, { params: Promise.resolve({ slug: w.slug }) });
    return { status: response.status, body: (await response.json()) as { url?: string; batchId?: string; message?: string } };
  }

  const formWith = (text: string | Uint8Array, name = "people.csv") => {
    const form = new FormData();
    form.set("file", new File([text as BlobPart], name, { type: "text/csv" }));
    return form;
  };

  it("previews an officer's file and answers with the preview's address", async () => {
    const tag = unique("u");
    const { status, body } = await post(formWith(`Email,Name\r\n${tag}@example.org,Uma Upload\r\n`), await cookieFor(w.people.officer.userId));
    expect(status).toBe(200);
    expect(body.url).toBe(`/p/${w.slug}/admin/import?batch=${body.batchId}`);
    const batch = await database.db.importBatch.findUniqueOrThrow({ where: { id: body.batchId! } });
    expect(batch).toMatchObject({ fileName: "people.csv", state: "PREVIEWED", rowCount: 1, problemRowCount: 0, createdById: w.people.officer.userId });
  });

  it("answers a file-level problem with its message, and stores nothing", async () => {
    const before = await database.db.importBatch.count();
    const { status, body } = await post(formWith("Name\r\nSam\r\n"), await cookieFor(w.people.officer.userId));
    expect(status).toBe(400);
    expect(body.message).toMatch(/^The file has no Email column/);
    expect(await database.db.importBatch.count()).toBe(before);
  });

  it("stops reading a body over 2 MB", async () => {
    const big = new Uint8Array(2 * 1024 * 1024 + 100 * 1024).fill(0x41);
    const { status, body } = await post(formWith(big), await cookieFor(w.people.officer.userId));
    expect(status).toBe(413);
    expect(body.message).toMatch(/larger than 2 MB/);
  });

  it("refuses anyone signed out, anyone but an officer, and a post from another site", async () => {
    expect((await post(formWith("Email\r\na@example.org\r\n"), null)).status).toBe(401);
    expect(await post(formWith("Email\r\na@example.org\r\n"), await cookieFor(w.people.member.userId))).toEqual({ status: 404, body: { message: "Not found" } });
    const officer = await cookieFor(w.people.officer.userId);
    expect((await post(formWith("Email\r\na@example.org\r\n"), officer, { origin: "https://evil.example" })).status).toBe(403);
  });
});
