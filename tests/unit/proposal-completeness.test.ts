import { describe, expect, it } from "vitest";
import { PROPOSAL_SECTION_KEYS, type SectionContent, EMPTY_SECTION_CONTENT } from "@/lib/schemas/proposals";
import { subGroupInSentence } from "@/lib/schemas/sub-groups";
import {
  formatDeadline,
  hasRealText,
  missingAsFieldErrors,
  missingForSubmission,
  notReadyMessage,
  type RoundForSubmission,
} from "@/server/domain/proposals/completeness";

const NOW = new Date("2021-03-01T12:00:00Z");

function completeSections(): SectionContent {
  return {
    title: { text: "Carers' short breaks test" },
    summary: { text: "Short breaks for unpaid carers in West Leeds." },
    need: { text: "Carers told us they have no time off." },
    hypothesis: { text: "If carers get a monthly break, fewer reach crisis." },
    measures: {
      items: [{ id: "m1", name: "Carers supported", unit: "carers", kind: "NUMBER", baseline: 0, target: 40 }],
    },
    activities: { items: [{ id: "a1", activity: "Recruit sitters", by: "2021-06-30" }] },
    partners: { leadOrganisationId: "org-charity", organisationIds: ["org-charity", "org-council"] },
    budget: {
      lines: [
        { id: "b1", item: "Sitter hours", amountPence: 600_000, organisationId: "org-charity" },
        { id: "b2", item: "Venue", amountPence: 200_000, organisationId: "org-council" },
      ],
    },
    duration: { months: 12 },
    sustainability: { text: "The council will fund it if it works." },
    risks: { text: "Sitters may be hard to recruit." },
  };
}

function round(overrides: Partial<RoundForSubmission> = {}): RoundForSubmission {
  return {
    title: "Round 1",
    status: "OPEN",
    closesAt: new Date("2021-03-31T16:00:00Z"),
    minAwardPence: 100_000,
    maxAwardPence: 1_000_000,
    requiredSections: [...PROPOSAL_SECTION_KEYS],
    ...overrides,
  };
}

const missing = (sections: SectionContent, r: RoundForSubmission | null = round()) => missingForSubmission(sections, r, NOW);
function withSection<K extends keyof SectionContent>(key: K, content: SectionContent[K]): SectionContent {
  return { ...completeSections(), [key]: content };
}

describe("missingForSubmission", () => {
  it("finds nothing missing in a complete proposal for an open round", () => {
    expect(missing(completeSections())).toEqual([]);
  });

  it("lists everything, section by section, for an empty proposal with no round", () => {
    const result = missingForSubmission(EMPTY_SECTION_CONTENT, null, NOW);
    expect(result[0]).toEqual({ section: "round", message: "Choose the funding round this proposal is for." });
    expect(result.map((item) => item.section)).toEqual(["round", ...PROPOSAL_SECTION_KEYS]);
  });

  it("needs a round that is open now", () => {
    expect(missing(completeSections(), round({ status: "CLOSED" }))).toEqual([
      { section: "round", message: "“Round 1” closed on 31 March 2021 at 5pm, so it no longer takes proposals." },
    ]);
    // Open in the database, but its closing time has passed.
    expect(missing(completeSections(), round({ closesAt: new Date("2021-03-01T11:59:00Z") }))).toEqual([
      { section: "round", message: "“Round 1” closed on 1 March 2021 at 11:59am, so it no longer takes proposals." },
    ]);
    expect(missing(completeSections(), round({ status: "DRAFT" }))).toEqual([
      { section: "round", message: "“Round 1” has not opened yet, so it does not take proposals." },
    ]);
  });

  it("needs some real text in text sections, not just spaces or punctuation", () => {
    expect(missing(withSection("need", { text: "   \n " }))).toEqual([{ section: "need", message: "Write about the need this proposal meets." }]);
    expect(missing(withSection("summary", { text: "..." }))).toEqual([{ section: "summary", message: "Write a short summary." }]);
    expect(missing(withSection("risks", { text: "" })).map((item) => item.section)).toEqual(["risks"]);
    expect(missing(withSection("sustainability", { text: "" })).map((item) => item.section)).toEqual(["sustainability"]);
    expect(missing(withSection("hypothesis", { text: "" })).map((item) => item.section)).toEqual(["hypothesis"]);
    expect(hasRealText("Café")).toBe(true);
    expect(hasRealText("40")).toBe(true);
    expect(hasRealText(" - ")).toBe(false);
  });

  it("always needs a title, even when the round does not list it", () => {
    expect(missing(withSection("title", { text: " " }), round({ requiredSections: [] }))).toEqual([
      { section: "title", message: "Give the proposal a title." },
    ]);
  });

  it("needs at least one success measure, each with a name and a target", () => {
    expect(missing(withSection("measures", { items: [] }))).toEqual([
      { section: "measures", message: "Add at least one success measure, with a target." },
    ]);
    const measure = completeSections().measures.items[0]!;
    expect(
      missing(withSection("measures", { items: [measure, { ...measure, id: "m2", target: null }, { ...measure, id: "m3", name: "" }] })),
    ).toEqual([{ section: "measures", message: "Give every success measure a name and a target (2 are incomplete)." }]);
    // A baseline is not required.
    expect(missing(withSection("measures", { items: [{ ...measure, baseline: null }] }))).toEqual([]);
  });

  it("needs at least one activity, each described", () => {
    expect(missing(withSection("activities", { items: [] }))).toEqual([
      { section: "activities", message: "Add at least one activity to the timeline." },
    ]);
    expect(missing(withSection("activities", { items: [{ id: "a1", activity: " ", by: null }] }))).toEqual([
      { section: "activities", message: "Describe every activity (1 has no description)." },
    ]);
  });

  it("needs a lead organisation", () => {
    const result = missing(withSection("partners", { leadOrganisationId: null, organisationIds: ["org-charity", "org-council"] }));
    expect(result).toEqual([{ section: "partners", message: "Choose the lead organisation, which would receive any award." }]);
  });

  it("needs budget lines with an item, an amount above £0 and a partner organisation", () => {
    expect(missing(withSection("budget", { lines: [] }))).toEqual([{ section: "budget", message: "Add at least one budget line." }]);
    const line = { id: "b1", item: "Sitter hours", amountPence: 200_000, organisationId: "org-charity" };
    expect(missing(withSection("budget", { lines: [line, { ...line, id: "b2", item: "" }] }))).toEqual([
      { section: "budget", message: "Say what every budget line is for (1 line has no item)." },
    ]);
    expect(missing(withSection("budget", { lines: [line, { ...line, id: "b2", amountPence: 0 }] }))).toEqual([
      { section: "budget", message: "Give every budget line an amount above £0 (1 line is £0)." },
    ]);
    expect(
      missing(
        withSection("budget", {
          lines: [line, { ...line, id: "b2", organisationId: "org-elsewhere" }, { ...line, id: "b3", organisationId: null }],
        }),
      ),
    ).toEqual([{ section: "budget", message: "Give every budget line to one of the partner organisations (2 lines are not)." }]);
  });

  it("needs the duration", () => {
    expect(missing(withSection("duration", { months: null }))).toEqual([
      { section: "duration", message: "Say how many months the project will run." },
    ]);
  });

  it("checks only the sections the round requires (and the title)", () => {
    const sections = { ...EMPTY_SECTION_CONTENT, title: { text: "A title" }, summary: { text: "A summary" } };
    expect(missing(sections, round({ requiredSections: ["title", "summary", "not-a-section"] }))).toEqual([]);
    expect(missing(sections, round({ requiredSections: ["summary", "duration"] }))).toEqual([
      { section: "duration", message: "Say how many months the project will run." },
    ]);
  });

  it("keeps the budget within the round's award range, naming the amounts", () => {
    expect(missing(completeSections(), round({ maxAwardPence: 700_000 }))).toEqual([
      { section: "budget", message: "The budget of £8,000.00 is above this round's maximum of £7,000.00." },
    ]);
    expect(missing(completeSections(), round({ minAwardPence: 1_000_000 }))).toEqual([
      { section: "budget", message: "The budget of £8,000.00 is below this round's minimum of £10,000.00." },
    ]);
    expect(missing(completeSections(), round({ maxAwardPence: 800_000 }))).toEqual([]);
  });

  it("groups what is missing by section for the error, and counts it in the message", () => {
    const result = missing(withSection("budget", { lines: [{ id: "b1", item: "", amountPence: 0, organisationId: null }] }));
    expect(missingAsFieldErrors(result)).toEqual({
      budget: [
        "Say what every budget line is for (1 line has no item).",
        "Give every budget line an amount above £0 (1 line is £0).",
        "Give every budget line to one of the partner organisations (1 line is not).",
        "The budget of £0.00 is below this round's minimum of £1,000.00.",
      ],
    });
    expect(notReadyMessage(1)).toBe("This proposal is not ready to submit: 1 thing needs attention.");
    expect(notReadyMessage(4)).toBe("This proposal is not ready to submit: 4 things need attention.");
  });

  it("writes deadlines in UK time", () => {
    expect(formatDeadline(new Date("2021-07-01T16:00:00Z"))).toBe("1 July 2021 at 5pm");
    expect(formatDeadline(new Date("2021-01-15T09:05:00Z"))).toBe("15 January 2021 at 9:05am");
  });
});

describe("the round's partner-sector eligibility rule", () => {
  const needsBoth = round({ requiredPartnerSectors: ["VOLUNTARY", "PUBLIC"] });
  const sectors = (entries: [string, "VOLUNTARY" | "PUBLIC" | "PRIVATE" | "COMMUNITY"][], authorSectors: ("VOLUNTARY" | "PUBLIC")[] = []) => ({
    sectorByOrganisationId: new Map(entries),
    authorSectors,
  });

  it("passes when the partners include every sector the round asks for", () => {
    const organisations = sectors([
      ["org-charity", "VOLUNTARY"],
      ["org-council", "PUBLIC"],
    ]);
    expect(missingForSubmission(completeSections(), needsBoth, NOW, organisations)).toEqual([]);
  });

  it("refuses, naming the missing sector, when no partner is public-sector", () => {
    const organisations = sectors([
      ["org-charity", "VOLUNTARY"],
      ["org-council", "PRIVATE"],
    ]);
    expect(missingForSubmission(completeSections(), needsBoth, NOW, organisations)).toEqual([
      {
        section: "partners",
        message: "This round needs a voluntary-sector and a public-sector partner among the proposal’s organisations. Add a public-sector partner in Partners.",
      },
    ]);
  });

  it("counts the authors' own organisations too", () => {
    const organisations = sectors([["org-charity", "VOLUNTARY"]], ["PUBLIC"]);
    expect(missingForSubmission(completeSections(), needsBoth, NOW, organisations)).toEqual([]);
  });

  it("names both sectors when neither is there, and says nothing for a round without the rule", () => {
    const organisations = sectors([]);
    const result = missingForSubmission(completeSections(), needsBoth, NOW, organisations);
    expect(result.map((item) => item.message)).toContain(
      "This round needs a voluntary-sector and a public-sector partner among the proposal’s organisations. Add a voluntary-sector partner and a public-sector partner in Partners.",
    );
    expect(missingForSubmission(completeSections(), round(), NOW, organisations)).toEqual([]);
  });
});

describe("subGroupInSentence", () => {
  it("adds “sub-group” only when the name does not already end in it", () => {
    expect(subGroupInSentence("Carers")).toBe("the Carers sub-group");
    expect(subGroupInSentence("Mental health sub-group")).toBe("the Mental health sub-group");
    expect(subGroupInSentence("Falls Subgroup")).toBe("the Falls Subgroup");
  });
});
