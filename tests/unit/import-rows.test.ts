import { describe, expect, it } from "vitest";
import { checkImportRows, type ImportContext } from "@/server/domain/imports/check-rows";
import type { RawImportRow } from "@/server/domain/imports/parse-file";

const context: ImportContext = {
  memberEmails: new Set(),
  invitedEmails: new Set(),
  organisations: new Map([["riverside carers", { id: "org1", name: "Riverside Carers", sector: "VOLUNTARY" }]]),
  localities: new Map([["north", { id: "loc1", name: "North" }]]),
};

let next = 2;
const raw = (fields: Partial<RawImportRow>): RawImportRow => ({
  row: next++,
  email: `person${next}@example.org`,
  name: "",
  organisation: "",
  sector: "",
  organisationType: "",
  role: "",
  locality: "",
  problems: [],
  ...fields,
});

describe("checking import rows", () => {
  it("understands the usual ways of naming a sector and an organisation type", () => {
    const rows = checkImportRows(
      [
        raw({ organisation: "A", sector: "Third sector", organisationType: "charity" }),
        raw({ organisation: "B", sector: "statutory", organisationType: "NHS body" }),
        raw({ organisation: "C", sector: "PRIVATE SECTOR", organisationType: "business" }),
        raw({ organisation: "D", sector: "Community", organisationType: "Community group" }),
        raw({ organisation: "E", sector: "Voluntary / third sector", organisationType: "" }),
      ],
      context,
    );
    expect(rows.map((row) => [row.newOrganisation, row.problems])).toEqual([
      [{ sector: "VOLUNTARY", type: "CHARITY" }, []],
      [{ sector: "PUBLIC", type: "NHS_BODY" }, []],
      [{ sector: "PRIVATE", type: "BUSINESS" }, []],
      [{ sector: "COMMUNITY", type: "COMMUNITY_GROUP" }, []],
      [{ sector: "VOLUNTARY", type: "OTHER" }, []],
    ]);
  });

  it("matches an existing organisation and locality without regard to case or spacing, and takes the organisation's own sector", () => {
    const [row] = checkImportRows([raw({ organisation: "  riverside   CARERS ", sector: "Public", locality: "NORTH" })], context);
    expect(row).toMatchObject({ organisationId: "org1", newOrganisation: null, sector: "VOLUNTARY", localityId: "loc1", locality: "North", problems: [] });
  });

  it("asks for one sector for a new organisation named on several rows", () => {
    const rows = checkImportRows([raw({ row: 2, organisation: "Harbour", sector: "Voluntary" }), raw({ row: 3, organisation: "harbour", sector: "Public" })], context);
    expect(rows[1]!.problems).toEqual(['Row 2 gives "harbour" the sector Voluntary: use the same sector on every row.']);
  });

  it("compares email addresses without regard to case, naming the earlier row", () => {
    const rows = checkImportRows([raw({ row: 2, email: "Sam@Example.org" }), raw({ row: 3, email: "sam@example.ORG" })], context);
    expect(rows.map((row) => [row.email, row.problems])).toEqual([
      ["sam@example.org", []],
      ["sam@example.org", ["The same email address as row 2."]],
    ]);
  });

  it("imports members and observers only", () => {
    const rows = checkImportRows([raw({ role: "observer" }), raw({ role: "" }), raw({ role: "Officer" }), raw({ role: "Boss" })], context);
    expect(rows.map((row) => [row.role, row.problems.length])).toEqual([
      ["OBSERVER", 0],
      ["MEMBER", 0],
      ["MEMBER", 1],
      ["MEMBER", 1],
    ]);
    expect(rows[3]!.problems).toEqual(['"Boss" is not a role: use Member or Observer.']);
  });
});
