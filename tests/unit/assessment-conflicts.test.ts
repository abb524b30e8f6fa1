import { describe, expect, it } from "vitest";
import { cannotScoreBecause, describeConflictsForRegister, detectConflicts } from "@/server/domain/assessment/conflicts";

const names = { ramh: "RAMH", council: "Leeds City Council", nhs: "NHS Leeds", carers: "Carers Leeds" };
const proposal = {
  leadOrganisationId: "carers",
  partnerOrganisationIds: ["carers", "ramh"],
  authorIds: ["author-1", "author-2"],
  subGroupLeadIds: ["lead-1"],
};

describe("detectConflicts", () => {
  it("finds an assessor who works for a partner organisation", () => {
    expect(detectConflicts({ userId: "u", organisationId: "ramh" }, proposal, names)).toEqual([
      { kind: "PARTNER_ORGANISATION", message: "You work for RAMH, a partner in this proposal." },
    ]);
  });

  it("finds an assessor who works for the lead organisation, even when it is not listed as a partner", () => {
    const leadOnly = { ...proposal, partnerOrganisationIds: ["ramh"] };
    expect(detectConflicts({ userId: "u", organisationId: "carers" }, leadOnly, names)).toEqual([
      { kind: "PARTNER_ORGANISATION", message: "You work for Carers Leeds, the lead organisation of this proposal." },
    ]);
  });

  it("finds an assessor who is one of the authors", () => {
    expect(detectConflicts({ userId: "author-2", organisationId: "council" }, proposal, names)).toEqual([
      { kind: "CO_AUTHOR", message: "You are one of the authors of this proposal." },
    ]);
  });

  it("finds an assessor who leads the sub-group that wrote it", () => {
    expect(detectConflicts({ userId: "lead-1", organisationId: null }, proposal, names)).toEqual([
      { kind: "SUB_GROUP_LEAD", message: "You lead the sub-group that wrote this proposal." },
    ]);
  });

  it("lists every conflict that applies, in a stable order", () => {
    const kinds = detectConflicts({ userId: "lead-1", organisationId: "ramh" }, { ...proposal, authorIds: ["lead-1"] }, names).map(
      (conflict) => conflict.kind,
    );
    expect(kinds).toEqual(["PARTNER_ORGANISATION", "CO_AUTHOR", "SUB_GROUP_LEAD"]);
  });

  it("finds nothing for an unconnected assessor", () => {
    expect(detectConflicts({ userId: "someone", organisationId: "nhs" }, proposal, names)).toEqual([]);
  });

  it("does not treat a missing organisation as a match for a proposal without a lead organisation", () => {
    const noLead = { ...proposal, leadOrganisationId: null, partnerOrganisationIds: [] };
    expect(detectConflicts({ userId: "someone", organisationId: null }, noLead, names)).toEqual([]);
  });

  it("does not confuse a sub-group member or author list with the assessor's organisation id", () => {
    // The ids live in different spaces: an organisation id equal to an author's user id is no conflict.
    expect(detectConflicts({ userId: "someone", organisationId: "author-1" }, proposal, names)).toEqual([]);
  });

  it("words the same conflicts in the third person for the officers' register", () => {
    expect(describeConflictsForRegister({ userId: "lead-1", organisationId: "ramh" }, proposal, names)).toEqual([
      { kind: "PARTNER_ORGANISATION", message: "Works for RAMH, a partner." },
      { kind: "SUB_GROUP_LEAD", message: "Leads the sub-group that wrote the proposal." },
    ]);
  });
});

describe("cannotScoreBecause", () => {
  it("turns the first conflict into a refusal sentence", () => {
    expect(cannotScoreBecause([{ message: "You work for RAMH, a partner in this proposal." }])).toBe(
      "You cannot score this proposal: you work for RAMH, a partner in this proposal.",
    );
  });
  it("falls back to the declared conflict", () => {
    expect(cannotScoreBecause([])).toBe("You cannot score this proposal: you declared a conflict of interest.");
  });
});
