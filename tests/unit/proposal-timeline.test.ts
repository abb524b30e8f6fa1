import { describe, expect, it } from "vitest";
import { buildTimeline, listInWords } from "@/server/domain/proposals/history";

const priya = { id: "u-priya", name: "Priya Nair" };
const colin = { id: "u-colin", name: "Colin Shaw" };
const at = (minutes: number) => new Date(Date.UTC(2021, 2, 1, 9, 0) + minutes * 60_000);
const save = (number: number, sectionKey: string, author: { id: string; name: string }, minutes: number) => ({
  number,
  sectionKey,
  author,
  createdAt: at(minutes),
});
const event = (id: string, kind: "CREATED" | "SUBMITTED" | "ASSESSED", minutes: number, summary: string) => ({
  id,
  kind,
  summary,
  createdAt: at(minutes),
  actor: priya,
});

describe("buildTimeline", () => {
  it("names sections the way people write lists", () => {
    expect(listInWords([])).toBe("");
    expect(listInWords(["Budget"])).toBe("Budget");
    expect(listInWords(["Budget", "The need"])).toBe("Budget and The need");
    expect(listInWords(["Title", "Budget", "The need"])).toBe("Title, Budget and The need");
  });

  it("groups one person's saves within 30 minutes of each other, oldest first", () => {
    const timeline = buildTimeline(
      [event("e1", "CREATED", 0, "Priya Nair started the proposal “Breaks”")],
      [
        save(1, "title", priya, 0),
        save(2, "budget", priya, 5),
        save(3, "need", priya, 20),
        save(4, "budget", priya, 50), // 30 minutes after the last: still the same entry
        save(5, "need", priya, 60),
        save(6, "need", priya, 91), // 31 minutes later: a new entry
      ],
    );
    expect(timeline).toEqual([
      { id: "e1", kind: "CREATED", at: at(0), actor: priya, summary: "Priya Nair started the proposal “Breaks”", compare: null },
      {
        id: "revisions-2-5",
        kind: "REVISED",
        at: at(5),
        actor: priya,
        summary: "Priya Nair revised Budget and The need (4 saves)",
        compare: { fromRevision: 1, toRevision: 5 },
      },
      {
        id: "revisions-6-6",
        kind: "REVISED",
        at: at(91),
        actor: priya,
        summary: "Priya Nair revised The need",
        compare: { fromRevision: 5, toRevision: 6 },
      },
    ]);
  });

  it("starts a new entry when someone else saves, or an event comes between", () => {
    const timeline = buildTimeline(
      [event("e1", "CREATED", 0, "started"), event("e2", "SUBMITTED", 12, "submitted")],
      [save(1, "title", priya, 0), save(2, "risks", priya, 1), save(3, "risks", colin, 2), save(4, "risks", priya, 3), save(5, "need", priya, 20)],
    );
    expect(timeline.map((entry) => [entry.kind, entry.actor?.name, entry.summary])).toEqual([
      ["CREATED", "Priya Nair", "started"],
      ["REVISED", "Priya Nair", "Priya Nair revised Risks"],
      ["REVISED", "Colin Shaw", "Colin Shaw revised Risks"],
      ["REVISED", "Priya Nair", "Priya Nair revised Risks"],
      ["SUBMITTED", "Priya Nair", "submitted"],
      ["REVISED", "Priya Nair", "Priya Nair revised The need"],
    ]);
  });

  it("shows events the assessment writes, and a first revision when there is no CREATED event", () => {
    const timeline = buildTimeline([event("e9", "ASSESSED", 30, "An assessor scored the proposal")], [save(1, "title", colin, 0)]);
    expect(timeline.map((entry) => [entry.kind, entry.summary])).toEqual([
      ["REVISED", "Colin Shaw revised Title"],
      ["ASSESSED", "An assessor scored the proposal"],
    ]);
  });
});
