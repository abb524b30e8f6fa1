import fs from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { setOrganisationNumbersInput } from "@/lib/schemas/directory";
import { parseEnv } from "@/server/env";
import {
  OPEN_GRANTS_CSV_COLUMNS,
  openGrantsCsv,
  openGrantsPackage,
  organisationIdentifier,
  type ThreeSixtyPackage,
} from "@/server/domain/transparency/open-grants";
import { withTestDatabase } from "./support/database";
import { expectFailure, fieldErrorsOf } from "./support/expect";
import { fundWorld, grantAward, partnershipWorld, STANDARD_CAST, type PartnershipWorld } from "./support/worlds";

/**
 * Grants published as 360Giving open data, checked against the standard's own JSON schemas
 * (copied unchanged into tests/standards/360giving).
 */
const database = withTestDatabase();
const STANDARD = path.resolve(import.meta.dirname, "../standards/360giving");
const readSchema = (file: string) => JSON.parse(fs.readFileSync(path.join(STANDARD, file), "utf8")) as Record<string, unknown>;
/** The schemas name draft 2020-12 by its old http:// address, which Ajv knows as https://: the same draft. */
const asDraft2020 = ({ $schema: _draft, ...schema }: Record<string, unknown>) => schema;

function validator() {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  const grantSchema = asDraft2020(readSchema("360-giving-schema.json"));
  const packageSchema = asDraft2020(readSchema("360-giving-package-schema.json"));
  ajv.addSchema(grantSchema);
  // The package schema refers to the grant schema by its 1.4.2 address; the shipped grant schema is 1.4.3.
  const reference = JSON.stringify(packageSchema).match(/https:\/\/[^"]*360-giving-schema\.json/)?.[0];
  if (reference && reference !== grantSchema.$id) ajv.addSchema({ ...grantSchema, $id: reference });
  return ajv.compile(packageSchema);
}

const env = parseEnv({ NODE_ENV: "test", TANDEM_360GIVING_PREFIX: "360G-tandemtest" });
const origin = "https://tandem.example.org";

let w: PartnershipWorld<typeof STANDARD_CAST>;
let published: ThreeSixtyPackage;
let awards: { toCharity: string; toCompany: string; toPerson: string; unpublished: string };

beforeAll(async () => {
  w = await partnershipWorld(database.db, { organisations: { private: { linked: true } } });
  const { db } = w;
  const funder = await db.organisation.create({ data: { name: "Renfrewshire HSCP", sector: "PUBLIC", type: "HEALTH_AND_CARE_PARTNERSHIP" } });
  await db.organisation.update({ where: { id: w.organisations.voluntary.id }, data: { scottishCharityNumber: "SC012345" } });
  await db.organisation.update({ where: { id: w.organisations.private.id }, data: { companyNumber: "SC654321" } });
  const { fund } = await fundWorld(w, { by: w.people.officer, fund: { name: "Winter test-and-learn fund 2026/27" }, round: null });
  await db.fund.update({ where: { id: fund.id }, data: { funderOrganisationId: funder.id } });
  const give = (name: string, organisationId: string | null, amountPence: number, isPublished = true) =>
    grantAward(w, {
      by: w.people.officer,
      fund,
      amountPence,
      projectName: name,
      recipientName: name,
      recipientOrganisationId: organisationId,
      published: isPublished,
    });
  awards = {
    toCharity: (await give("Carers' short breaks", w.organisations.voluntary.id, 1_250_050)).id,
    toCompany: (await give("Pharmacy check-ins", w.organisations.private.id, 300_000)).id,
    toPerson: (await give("A volunteer's own project", null, 50_000)).id,
    unpublished: (await give("Not yet announced", w.organisations.public.id, 75_000, false)).id,
  };
  await db.partnership.update({ where: { id: w.partnership.id }, data: { publishesPortfolio: true } });
  published = await openGrantsPackage(db, w.slug, { env, origin, now: new Date("2026-12-02T12:00:00Z") });
});

describe("360Giving open grants data", () => {
  it("validates against the standard's package and grant schemas", () => {
    const validate = validator();
    const valid = validate(published);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // The schema itself rejects a broken grant, so the check above can fail.
    const broken = structuredClone(published) as unknown as { grants: Record<string, unknown>[] };
    broken.grants[0]!.amountAwarded = "£12,500.50";
    expect(validate(broken)).toBe(false);
  });

  it("publishes every published grant to an organisation, with every required field", () => {
    expect(published.grants.map((grant) => grant.id)).toEqual([`360G-tandemtest-${awards.toCharity}`, `360G-tandemtest-${awards.toCompany}`]);
    const [charity, company] = published.grants;
    expect(charity).toMatchObject({
      title: "Carers' short breaks",
      currency: "GBP",
      amountAwarded: 12500.5,
      recipientOrganization: [{ id: "GB-SC-SC012345", name: w.organisations.voluntary.name, charityNumber: "SC012345" }],
      fundingOrganization: [{ name: "Renfrewshire HSCP" }],
      grantProgramme: [{ title: "Winter test-and-learn fund 2026/27" }],
      fromOpenCall: "No",
      dataSource: `${origin}/public/${w.slug}`,
    });
    expect(charity?.awardDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(charity?.description).toContain(w.partnership.name);
    expect(charity?.fundingOrganization[0].id).toMatch(/^360G-tandemtest-org-/);
    expect(company?.recipientOrganization).toEqual([{ id: "GB-COH-SC654321", name: w.organisations.private.name, companyNumber: "SC654321" }]);
    expect(published).toMatchObject({ version: "1.4", publisher: { name: w.partnership.name }, license: "https://creativecommons.org/licenses/by/4.0/" });
  });

  it("never publishes a grant to someone who is not an organisation, nor an unpublished award", () => {
    const text = JSON.stringify(published);
    expect(text).not.toContain("A volunteer's own project");
    expect(text).not.toContain("Not yet announced");
  });

  it("names organisations by their org-id.guide identifier, or under the prefix when unregistered", () => {
    const none = { id: "abc", charityNumber: null, scottishCharityNumber: null, companyNumber: null };
    expect(organisationIdentifier({ ...none, charityNumber: "1123456" }, "360G-x")).toBe("GB-CHC-1123456");
    expect(organisationIdentifier({ ...none, scottishCharityNumber: "SC000001" }, "360G-x")).toBe("GB-SC-SC000001");
    expect(organisationIdentifier({ ...none, companyNumber: "01234567" }, "360G-x")).toBe("GB-COH-01234567");
    expect(organisationIdentifier(none, "360G-x")).toBe("360G-x-org-abc");
  });

  it("writes the standard's spreadsheet layout from the same grants", () => {
    const csv = openGrantsCsv(published);
    const lines = csv.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines[0]).toBe(OPEN_GRANTS_CSV_COLUMNS.join(","));
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`360G-tandemtest-${awards.toCharity},Carers' short breaks,`);
    expect(lines[1]).toContain(",GBP,12500.5,");
    // Column titles are the standard's own: each "A:B" is a grant field titled A with a sub-field titled B.
    const schema = readSchema("360-giving-schema.json") as { properties: Record<string, { title?: string }>; $defs: Record<string, { properties: Record<string, { title?: string }> }> };
    const grantTitles = new Set(Object.values(schema.properties).map((property) => property.title));
    const subTitles = new Set(Object.values(schema.$defs).flatMap((def) => Object.values(def.properties ?? {}).map((property) => property.title)));
    for (const column of OPEN_GRANTS_CSV_COLUMNS) {
      if (column === "Currency") continue; // the schema gives currency by reference, titled in the spreadsheet as "Currency"
      const [field, sub] = column.split(":");
      expect(grantTitles.has(field), column).toBe(true);
      if (sub) expect(subTitles.has(sub), column).toBe(true);
    }
  });

  it("is not there for a partnership that does not publish, nor on an installation with no prefix", async () => {
    const noPrefix = parseEnv({ NODE_ENV: "test" });
    await expect(openGrantsPackage(database.db, w.slug, { env: noPrefix, origin })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(openGrantsPackage(database.db, w.elsewhere.slug, { env, origin })).rejects.toMatchObject({ code: "NOT_FOUND" });
    // Through the API, as the public routes ask, for anyone signed in or not.
    const data = await w.api(null).transparency.openGrants({ partnershipSlug: w.slug });
    expect(data.grants).toHaveLength(2);
  });

  it("the database refuses a registered number in the wrong form", async () => {
    const { db } = database;
    await expect(db.organisation.update({ where: { id: w.organisations.community.id }, data: { charityNumber: "SC012345" } })).rejects.toThrow();
    await expect(db.organisation.update({ where: { id: w.organisations.community.id }, data: { scottishCharityNumber: "012345" } })).rejects.toThrow();
    await expect(db.organisation.update({ where: { id: w.organisations.community.id }, data: { companyNumber: "123" } })).rejects.toThrow();
  });

  it("the numbers form checks each number exactly as the database does", async () => {
    const { db } = database;
    const samples = ["1123456", "112345", "11234567", "112345678", "12345", "SC012345", "sc 012 345", "SC01234", "01234567", "0123456", "NI123456", "OC123456", "XX123456", "R0123456", "", "  "];
    const organisation = await db.organisation.create({ data: { name: "Form check", sector: "VOLUNTARY", type: "CHARITY" } });
    for (const field of ["charityNumber", "scottishCharityNumber", "companyNumber"] as const) {
      for (const typed of samples) {
        const parsed = setOrganisationNumbersInput.safeParse({
          partnershipSlug: w.slug,
          organisationId: organisation.id,
          charityNumber: "",
          scottishCharityNumber: "",
          companyNumber: "",
          [field]: typed,
        });
        const stored = parsed.success ? parsed.data[field] : typed.replace(/\s+/g, "").toUpperCase();
        const saved = await db.organisation
          .update({ where: { id: organisation.id }, data: { [field]: stored } })
          .then(() => true)
          .catch(() => false);
        expect(saved, `${field} "${typed}"`).toBe(parsed.success);
        if (!parsed.success) expect(parsed.error.issues[0]?.message).toMatch(/^Enter a .*number .*as/);
        await db.organisation.update({ where: { id: organisation.id }, data: { [field]: null } });
      }
    }
  });

  it("officers record an organisation's numbers and a fund's funder, checked and audited", async () => {
    const { db } = database;
    const officer = w.api(w.people.officer);
    const numbers = { partnershipSlug: w.slug, organisationId: w.organisations.public.id, charityNumber: "1123 456", scottishCharityNumber: "", companyNumber: "sc123456" };
    expect(await officer.directory.setOrganisationNumbers(numbers)).toMatchObject({ charityNumber: "1123456", scottishCharityNumber: null, companyNumber: "SC123456" });
    const page = await officer.directory.organisation({ partnershipSlug: w.slug, organisationId: w.organisations.public.id });
    expect([page.charityNumber, page.companyNumber, page.viewerCanSetNumbers]).toEqual(["1123456", "SC123456", true]);
    expect((await w.api(w.people.member).directory.organisation({ partnershipSlug: w.slug, organisationId: w.organisations.public.id })).viewerCanSetNumbers).toBe(false);

    const wrong = await expectFailure(officer.directory.setOrganisationNumbers({ ...numbers, charityNumber: "SC012345" }), "BAD_REQUEST");
    expect(fieldErrorsOf(wrong).charityNumber?.[0]).toMatch(/6 to 8 digits/);
    await expectFailure(w.api(w.people.member).directory.setOrganisationNumbers(numbers), "FORBIDDEN");
    const stranger = await db.organisation.create({ data: { name: "Not in the partnership", sector: "PRIVATE", type: "BUSINESS" } });
    await expectFailure(officer.directory.setOrganisationNumbers({ ...numbers, organisationId: stranger.id }), "NOT_FOUND");
    expect((await db.organisation.findUniqueOrThrow({ where: { id: stranger.id } })).charityNumber).toBeNull();
    // Saving the same numbers again changes nothing and records nothing; removing one is recorded.
    await officer.directory.setOrganisationNumbers(numbers);
    await officer.directory.setOrganisationNumbers({ ...numbers, companyNumber: "" });
    const numberAudit = await db.auditEvent.findMany({ where: { subjectId: w.organisations.public.id, action: "organisation.numbers_changed" }, orderBy: { createdAt: "asc" } });
    expect(numberAudit.map((event) => event.summary.replace(/^Registered numbers of [^:]+: /, ""))).toEqual([
      "charity number set to 1123456; company number set to SC123456",
      "company number SC123456 removed",
    ]);
    await officer.directory.setOrganisationNumbers(numbers);

    const options = await officer.funding.funderOptions({ partnershipSlug: w.slug });
    expect(options.map((option) => option.id)).toContain(w.organisations.public.id);
    expect(options.map((option) => option.id)).not.toContain(stranger.id);
    const fund = await officer.funding.createFund({
      partnershipSlug: w.slug, name: "Council winter fund", source: "Council", financialYear: "2026/27", totalPence: 500_000, funderOrganisationId: w.organisations.public.id,
    });
    expect(fund.funderOrganisationId).toBe(w.organisations.public.id);
    const refused = await expectFailure(
      officer.funding.createFund({ partnershipSlug: w.slug, name: "Other", source: "Other", financialYear: "2026/27", totalPence: 1, funderOrganisationId: stranger.id }),
      "BAD_REQUEST",
    );
    expect(fieldErrorsOf(refused).funderOrganisationId?.[0]).toBe("Choose one of the partnership's organisations, or the partnership itself.");
    await officer.funding.setFundFunder({ fundId: fund.id, funderOrganisationId: null });
    expect((await officer.funding.fund({ fundId: fund.id })).funderOrganisation).toBeNull();
    await officer.funding.setFundFunder({ fundId: fund.id, funderOrganisationId: w.organisations.voluntary.id });
    expect((await officer.funding.fund({ fundId: fund.id })).funderOrganisation?.name).toBe(w.organisations.voluntary.name);
    await expectFailure(officer.funding.setFundFunder({ fundId: fund.id, funderOrganisationId: stranger.id }), "BAD_REQUEST");
    await expectFailure(w.api(w.people.chair).funding.setFundFunder({ fundId: fund.id, funderOrganisationId: null }), "FORBIDDEN");
    const audited = await db.auditEvent.findMany({ where: { subjectId: fund.id, action: "fund.funder_changed" }, orderBy: { createdAt: "asc" } });
    expect(audited.map((event) => event.summary)).toEqual([
      `Named ${w.partnership.name} as the funder of "Council winter fund"`,
      `Named ${w.organisations.voluntary.name} as the funder of "Council winter fund"`,
    ]);
  });
});
