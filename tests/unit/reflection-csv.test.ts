import type { MembershipRole } from "@/server/db/generated/enums";
import { describe, expect, it } from "vitest";
import { surveyAccess, type Viewer } from "@/server/domain/reflections/access";
import { storyTitleFrom } from "@/server/domain/reflections/answer-to-story";
import { csvCell } from "@/lib/csv";
import { reflectionCsv, responseRate, summariseScale } from "@/server/domain/reflections/csv";
import { addDays, endOfLondonDay, londonDay } from "@/server/domain/reflections/dates";
import { REFLECTION_TEMPLATES, isCopyOf, templateByKey } from "@/server/domain/reflections/templates";

const questions = [
  { id: "q2", position: 2, prompt: "How connected do you feel?" },
  { id: "q1", position: 1, prompt: "How has it felt for you?" },
];

describe("reflection CSV", () => {
  it("has a header and one row per response; a name column only for named runs", () => {
    const responses = [
      { submittedOn: new Date("2021-06-01"), name: "Mo Khan", answers: new Map<string, string | number>([["q1", "Hard, honestly"], ["q2", 4]]) },
      { submittedOn: new Date("2021-06-02"), name: "Nia Jones", answers: new Map<string, string | number>([["q2", 5]]) },
    ];
    const named = reflectionCsv({ anonymity: "NAMED", questions, responses });
    expect(named.startsWith("\uFEFF")).toBe(true);
    expect(named.slice(1).split("\r\n")).toEqual([
      "Response,Submitted on,Name,Q1. How has it felt for you?,Q2. How connected do you feel?",
      '1,2021-06-01,Mo Khan,"Hard, honestly",4',
      "2,2021-06-02,Nia Jones,,5",
      "",
    ]);
    const anonymous = reflectionCsv({ anonymity: "ANONYMOUS", questions, responses });
    expect(anonymous).not.toContain("Name");
    expect(anonymous).not.toContain("Mo Khan");
    expect(anonymous.slice(1).split("\r\n")[1]).toBe('1,2021-06-01,"Hard, honestly",4');
  });

  it("defuses cells a spreadsheet would run as formulas, and quotes what needs quoting", () => {
    expect(csvCell("=SUM(A1:A9)")).toBe("'=SUM(A1:A9)");
    expect(csvCell("+44 141 000")).toBe("'+44 141 000");
    expect(csvCell("-1")).toBe("'-1");
    expect(csvCell("@cmd")).toBe("'@cmd");
    expect(csvCell("\tTabbed")).toBe("'\tTabbed");
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell("Line one\nline two")).toBe('"Line one\nline two"');
    expect(csvCell("Plain")).toBe("Plain");
    expect(csvCell(3)).toBe("3");
    expect(csvCell(null)).toBe("");
  });
});

describe("scale summaries", () => {
  it("gives the mean to two places and the count of each score", () => {
    expect(summariseScale([4, 5, 5])).toEqual({ mean: 4.67, distribution: [0, 0, 0, 1, 2] });
    expect(summariseScale([])).toEqual({ mean: null, distribution: [0, 0, 0, 0, 0] });
    expect(summariseScale([1, 2, 3, 4, 5])).toEqual({ mean: 3, distribution: [1, 1, 1, 1, 1] });
  });

  it("gives a response rate as a whole percentage, never above 100", () => {
    expect(responseRate(2, 3)).toBe(67);
    expect(responseRate(0, 0)).toBeNull();
    expect(responseRate(5, 4)).toBe(100);
  });
});

describe("closing days", () => {
  it("closes at the end of the day in UK time, summer and winter", () => {
    expect(endOfLondonDay("2021-06-30").toISOString()).toBe("2021-06-30T22:59:59.000Z");
    expect(endOfLondonDay("2021-12-01").toISOString()).toBe("2021-12-01T23:59:59.000Z");
    expect(londonDay(new Date("2021-06-30T23:30:00Z"))).toBe("2021-07-01");
    expect(londonDay(new Date("2021-12-31T23:30:00Z"))).toBe("2021-12-31");
    expect(addDays("2021-02-27", 2)).toBe("2021-03-01");
  });
});

describe("who may do what with a run", () => {
  type Overrides = Partial<Pick<Viewer, "subGroupRoles" | "projectRoles">> & { userId?: string; role?: MembershipRole };
  const viewer = ({ userId = "me", role = "MEMBER", ...places }: Overrides = {}): Viewer => ({
    actor: { userId, name: null, email: `${userId}@example.org`, organisationId: null },
    membership: { id: "m", partnershipId: "p", role },
    subGroupRoles: new Map(),
    projectRoles: new Map(),
    ...places,
  });
  const now = new Date("2021-06-15T12:00:00Z");
  const open = { id: "s1", createdById: "lead", subGroupId: "g1", projectId: null, closesAt: new Date("2021-06-30T22:59:59Z"), closedEarlyAt: null };
  const closed = { ...open, closedEarlyAt: new Date("2021-06-10T09:00:00Z") };

  it("lets the audience answer once while open, and see results once answered or closed", () => {
    const member = viewer({ subGroupRoles: new Map([["g1", "MEMBER"]]) });
    expect(surveyAccess(member, open, false, now)).toMatchObject({ inAudience: true, canAnswer: true, canSeeResults: false, canManage: false });
    expect(surveyAccess(member, open, true, now)).toMatchObject({ canAnswer: false, canSeeResults: true });
    expect(surveyAccess(member, closed, false, now)).toMatchObject({ isOpen: false, canAnswer: false, canSeeResults: true });
  });

  it("lets the runner, officers, chairs and the sub-group's leads manage it; nobody else", () => {
    expect(surveyAccess(viewer({ userId: "lead" }), open, false, now).canManage).toBe(true);
    expect(surveyAccess(viewer({ role: "OFFICER" }), open, false, now)).toMatchObject({ canManage: true, inAudience: false, canAnswer: false });
    expect(surveyAccess(viewer({ role: "CHAIR" }), open, false, now).canManage).toBe(true);
    expect(surveyAccess(viewer({ subGroupRoles: new Map([["g1", "LEAD"]]) }), open, false, now).canManage).toBe(true);
    expect(surveyAccess(viewer({ subGroupRoles: new Map([["g2", "LEAD"]]) }), open, false, now)).toMatchObject({ canSee: false, canManage: false });
    const teamRun = { ...open, subGroupId: null, projectId: "p1" };
    expect(surveyAccess(viewer({ projectRoles: new Map([["p1", "LEAD"]]) }), teamRun, false, now).canManage).toBe(true);
    expect(surveyAccess(viewer({ projectRoles: new Map([["p1", "MEMBER"]]) }), teamRun, false, now)).toMatchObject({ canManage: false, canAnswer: true });
  });

  it("puts everyone in the partnership, observers included, in a partnership-wide audience", () => {
    const wide = { ...open, subGroupId: null };
    expect(surveyAccess(viewer({ role: "OBSERVER" }), wide, false, now)).toMatchObject({ inAudience: true, canAnswer: true });
  });

  it("never lets an observer manage a run, even one they started or whose sub-group they still lead", () => {
    expect(surveyAccess(viewer({ userId: "lead", role: "OBSERVER" }), open, false, now)).toMatchObject({ canManage: false });
    expect(surveyAccess(viewer({ role: "OBSERVER", subGroupRoles: new Map([["g1", "LEAD"]]) }), open, false, now)).toMatchObject({
      canManage: false,
      inAudience: true,
      canAnswer: true,
    });
  });
});

describe("templates and stories", () => {
  it("keeps the four Team Leeds chat questions with their guidance", () => {
    const teamChat = templateByKey("team-chat")!;
    expect(teamChat.questions).toHaveLength(4);
    expect(teamChat.questions.every((question) => question.kind === "TEXT" && question.help !== "")).toBe(true);
    expect(templateByKey("pulse")!.questions.some((question) => question.kind === "SCALE")).toBe(true);
    const copy = { title: teamChat.title, isTemplate: true, questions: teamChat.questions.map((question, index) => ({ ...question, position: index + 1 })) };
    expect(isCopyOf(teamChat, copy)).toBe(true);
    expect(isCopyOf(teamChat, { ...copy, isTemplate: false })).toBe(false);
    expect(isCopyOf(REFLECTION_TEMPLATES[1]!, copy)).toBe(false);
  });

  it("titles a story after the question, shortened at a word when long", () => {
    expect(storyTitleFrom("How has work felt for you lately?")).toBe("How has work felt for you lately?");
    const long = storyTitleFrom(templateByKey("team-chat")!.questions[2]!.prompt);
    expect(long.length).toBeLessThanOrEqual(150);
    expect(long.endsWith("…")).toBe(true);
    expect(long).not.toMatch(/\s…$/);
  });
});
