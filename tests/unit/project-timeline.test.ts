import { describe, expect, it } from "vitest";
import type { TimelineEntry } from "@/server/domain/proposals/history";
import { buildProjectTimeline, type ProjectHistory } from "@/server/domain/projects/timeline";

const lena = { id: "u-lena", name: "Lena Lead" };
const fiona = { id: "u-fiona", name: "Fiona Officer" };
const day = (n: number, hour = 9) => new Date(Date.UTC(2021, 0, 1 + n, hour));

const proposal: TimelineEntry[] = [
  { id: "e1", kind: "CREATED", at: day(0), actor: lena, summary: "Lena Lead started the proposal “Pharmacy check-ins”", compare: null },
  {
    id: "revisions-2-3",
    kind: "REVISED",
    at: day(1),
    actor: lena,
    summary: "Lena Lead revised Budget",
    compare: { fromRevision: 1, toRevision: 3 },
  },
  { id: "e2", kind: "SUBMITTED", at: day(2), actor: lena, summary: "Lena Lead submitted the proposal", compare: null },
  { id: "e3", kind: "APPROVED", at: day(20), actor: fiona, summary: "Fiona Officer approved the proposal", compare: null },
];

function history(overrides: Partial<ProjectHistory> = {}): ProjectHistory {
  return {
    projectPath: "/p/spg/projects/p1",
    proposalPath: "/p/spg/proposals/pr1",
    proposalRevisionsPath: ({ from, to }) => `/p/spg/proposals/pr1/revisions?from=${from}&to=${to}`,
    proposal,
    setUp: { at: day(30), by: fiona },
    updates: [
      {
        id: "up2",
        periodSequence: 2,
        status: "SUBMITTED",
        submittedAt: day(100),
        late: true,
        author: lena,
        reviewedAt: null,
        reviewedBy: null,
      },
      {
        id: "up1",
        periodSequence: 1,
        status: "ACCEPTED",
        submittedAt: day(60),
        late: false,
        author: lena,
        reviewedAt: day(62),
        reviewedBy: fiona,
      },
      {
        id: "up0",
        periodSequence: 1,
        status: "RETURNED",
        submittedAt: day(55),
        late: false,
        author: lena,
        reviewedAt: day(56),
        reviewedBy: fiona,
      },
    ],
    ledger: [
      { id: "l2", kind: "PAY", createdAt: day(63), committedDelta: 0, paidDelta: 250_000, trancheSequence: 2, actor: fiona },
      // Awarded and set up in the same moment: the money comes first.
      { id: "l1", kind: "COMMIT", createdAt: day(30), committedDelta: 500_000, paidDelta: 0, trancheSequence: null, actor: fiona },
      { id: "l3", kind: "VARY", createdAt: day(70), committedDelta: -10_000, paidDelta: 0, trancheSequence: null, actor: fiona },
    ],
    evaluation: { id: "ev", submittedAt: day(200), recommendation: "SCALE_UP", author: { id: "u-lena", name: null } },
    decision: {
      id: "de",
      decidedAt: day(210),
      outcome: "SCALE_UP",
      reasons: "Referrals rose sixteen-fold.",
      decidedBy: fiona,
    },
    ...overrides,
  };
}

describe("buildProjectTimeline", () => {
  it("runs from the proposal's history to the decision, oldest first", () => {
    const timeline = buildProjectTimeline(history());
    expect(timeline.map((entry) => entry.summary)).toEqual([
      "Lena Lead started the proposal “Pharmacy check-ins”",
      "Lena Lead revised Budget",
      "Lena Lead submitted the proposal",
      "Fiona Officer approved the proposal",
      "Awarded £5,000.00",
      "Set up as a funded project",
      "Posted the period 1 update",
      "Sent back the period 1 update",
      "Posted the period 1 update",
      "Accepted the period 1 update",
      "Paid £2,500.00 (payment 2)",
      "Posted the period 2 update (late)",
      "Evaluated the test: recommends Scale up",
      "Decided: Scale up — Referrals rose sixteen-fold.",
    ]);
    const times = timeline.map((entry) => entry.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(timeline.map((entry) => entry.id)).size).toBe(timeline.length);
  });

  it("names who did each thing and links to where to read more", () => {
    const timeline = buildProjectTimeline(history());
    const byKind = (kind: string) => timeline.filter((entry) => entry.kind === kind);
    expect(byKind("SET_UP")).toEqual([{ id: "set-up", kind: "SET_UP", at: day(30), actor: fiona, summary: "Set up as a funded project" }]);
    expect(byKind("REVISED")[0]!.link).toBe("/p/spg/proposals/pr1/revisions?from=1&to=3");
    expect(byKind("CREATED")[0]!.link).toBeUndefined();
    expect(byKind("UPDATE_ACCEPTED")[0]).toMatchObject({ actor: fiona, link: "/p/spg/projects/p1#update-up1" });
    expect(byKind("PAID")[0]).toMatchObject({ actor: fiona, link: "/p/spg/projects/p1#payments-heading" });
    // A person without a name still reads as someone.
    expect(byKind("EVALUATED")[0]).toMatchObject({ actor: { id: "u-lena", name: "A member" }, link: "/p/spg/projects/p1#evaluation-heading" });
    expect(byKind("DECIDED")[0]!.link).toBe("/p/spg/projects/p1#decision-heading");
  });

  it("keeps the life-cycle order for things that happened in the same moment", () => {
    const at = day(300);
    const timeline = buildProjectTimeline(
      history({
        setUp: { at, by: fiona },
        updates: [{ id: "u", periodSequence: 1, status: "ACCEPTED", submittedAt: at, late: false, author: lena, reviewedAt: at, reviewedBy: fiona }],
        ledger: [
          { id: "pay", kind: "PAY", createdAt: at, committedDelta: 0, paidDelta: 100, trancheSequence: 1, actor: fiona },
          { id: "commit", kind: "COMMIT", createdAt: at, committedDelta: 100, paidDelta: 0, trancheSequence: null, actor: fiona },
        ],
        evaluation: { id: "ev", submittedAt: at, recommendation: "STOP", author: lena },
        decision: { id: "de", decidedAt: at, outcome: "ADAPT", reasons: "Try weekends", decidedBy: fiona },
      }),
    );
    expect(timeline.slice(4).map((entry) => entry.kind)).toEqual([
      "FUNDS_AWARDED",
      "SET_UP",
      "UPDATE_POSTED",
      "UPDATE_ACCEPTED",
      "PAID",
      "EVALUATED",
      "DECIDED",
    ]);
  });

  it("leaves out drafts, and stands alone for a project set up without a proposal", () => {
    const timeline = buildProjectTimeline(
      history({
        proposal: [],
        proposalPath: null,
        proposalRevisionsPath: null,
        updates: [{ id: "d", periodSequence: 1, status: "DRAFT", submittedAt: null, late: false, author: lena, reviewedAt: null, reviewedBy: null }],
        ledger: [],
        evaluation: null,
        decision: null,
      }),
    );
    expect(timeline.map((entry) => entry.summary)).toEqual(["Set up as a funded project"]);
  });

  it("shortens long reasons in the timeline", () => {
    const reasons = `${"The pharmacies found carers nobody knew about. ".repeat(10)}End.`;
    const [decided] = buildProjectTimeline(history({ decision: { id: "de", decidedAt: day(400), outcome: "SUSTAIN", reasons, decidedBy: fiona } })).slice(-1);
    expect(decided!.summary.startsWith("Decided: Sustain — The pharmacies found carers nobody knew about.")).toBe(true);
    expect(decided!.summary.endsWith("…")).toBe(true);
    expect(decided!.summary.length).toBeLessThan(240);
  });

  it("tells of an award decided on its proposal once, not again as the ledger's commitment", () => {
    const timeline = buildProjectTimeline(
      history({
        proposal: [...proposal, { id: "e4", kind: "AWARDED", at: day(20), actor: fiona, summary: "Awarded £9,800.00", compare: null }],
        ledger: [{ id: "commit", kind: "COMMIT", createdAt: day(20), committedDelta: 980_000, paidDelta: 0, trancheSequence: null, actor: fiona }],
      }),
    );
    expect(timeline.filter((entry) => /Awarded/.test(entry.summary)).map((entry) => entry.summary)).toEqual(["Awarded £9,800.00"]);
    expect(timeline.some((entry) => entry.kind === "FUNDS_AWARDED")).toBe(false);
  });
});

