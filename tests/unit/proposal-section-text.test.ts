import { describe, expect, it } from "vitest";
import { budgetTotalPence, formatIsoDate, sectionToText } from "@/lib/proposals/section-text";
import { EMPTY_SECTION_CONTENT, PROPOSAL_SECTION_KEYS } from "@/lib/schemas/proposals";

const names: Record<string, string> = { "org-1": "Carers Trust", "org-2": "City Council" };
const organisationName = (id: string) => names[id] ?? "Unknown";

describe("sectionToText", () => {
  it("gives empty text for every unwritten section", () => {
    for (const key of PROPOSAL_SECTION_KEYS) expect(sectionToText(key, EMPTY_SECTION_CONTENT[key], organisationName)).toBe("");
  });

  it("passes prose through as written", () => {
    expect(sectionToText("need", { text: "Carers need\nbreaks." }, organisationName)).toBe("Carers need\nbreaks.");
  });

  it("writes measures with their baseline, target and unit", () => {
    const text = sectionToText(
      "measures",
      {
        items: [
          { id: "m1", name: "Carers supported", unit: "carers", kind: "NUMBER", baseline: 0, target: 1200 },
          { id: "m2", name: "Less isolated", unit: "of carers asked", kind: "PERCENTAGE", baseline: 20.5, target: null },
        ],
      },
      organisationName,
    );
    expect(text).toBe("Carers supported: from 0 carers, to 1,200 carers\nLess isolated: from 20.5%, no target yet (of carers asked)");
  });

  it("writes activities with their dates", () => {
    const text = sectionToText(
      "activities",
      { items: [{ id: "a1", activity: "Recruit sitters", by: "2021-06-30" }, { id: "a2", activity: "Evaluate", by: null }] },
      organisationName,
    );
    expect(text).toBe("By 30 June 2021: Recruit sitters\nDate to be decided: Evaluate");
    expect(formatIsoDate("2021-01-05")).toBe("5 January 2021");
  });

  it("shows a date that is not a real day as it was typed, rather than failing", () => {
    expect(formatIsoDate("2021-13-40")).toBe("2021-13-40");
    expect(formatIsoDate("soon")).toBe("soon");
    // The last day of March is the same day whatever the clocks are doing.
    expect(formatIsoDate("2021-03-31")).toBe("31 March 2021");
  });

  it("names the lead and partner organisations", () => {
    expect(
      sectionToText("partners", { leadOrganisationId: "org-1", organisationIds: ["org-1", "org-2"] }, organisationName),
    ).toBe("Lead organisation: Carers Trust\nPartner: City Council");
  });

  it("writes the budget lines in pounds, with the total", () => {
    const budget = {
      lines: [
        { id: "b1", item: "Sitter hours", amountPence: 600_050, organisationId: "org-1" },
        { id: "b2", item: "Venue", amountPence: 19_950, organisationId: null },
      ],
    };
    expect(sectionToText("budget", budget, organisationName)).toBe(
      "Sitter hours (Carers Trust): £6,000.50\nVenue (no organisation): £199.50\nTotal: £6,200.00",
    );
    expect(budgetTotalPence(budget)).toBe(620_000);
  });

  it("writes the duration in months", () => {
    expect(sectionToText("duration", { months: 1 }, organisationName)).toBe("1 month");
    expect(sectionToText("duration", { months: 18 }, organisationName)).toBe("18 months");
  });
});
