import { describe, expect, it } from "vitest";
import {
  initialUpdateState,
  toUpdateInput,
  updateErrorsFrom,
  updateFieldId,
  type UpdateFormProject,
} from "@/components/projects/progress-update-input";

const project: UpdateFormProject = {
  id: "p1",
  awardedPence: 10_000_00,
  periods: [{ id: "period1", sequence: 1, dueOn: new Date("2026-03-14T00:00:00Z"), state: "DUE_SOON" }],
  budgetLines: [
    { id: "staff", item: "Staff", awardedPence: 6_000_00 },
    { id: "venue", item: "Venue", awardedPence: 4_000_00 },
  ],
  measures: [{ id: "visits", name: "Visits", unit: "visits", baseline: 0, target: 100 }],
  milestones: [{ id: "launch", title: "Launch", dueOn: new Date("2026-02-01T00:00:00Z"), state: "PLANNED" }],
};

describe("a progress update's answers as typed", () => {
  it("turns what was typed into the API's input, keeping only readable answers", () => {
    const form = {
      ...initialUpdateState("period1", null),
      rag: "AMBER" as const,
      percentComplete: "40%",
      spend: { staff: "£6,100.50", venue: "about 200" },
      overspendReasons: { staff: "Extra sessions" },
      measures: { visits: "1,204" },
      milestones: { launch: { change: "DONE" as const, doneOn: "2026-02-03", newDueOn: "" } },
    };
    const { input, errors } = toUpdateInput(project, form);
    expect(input.percentComplete).toBe(40);
    expect(input.spend).toEqual([{ budgetLineId: "staff", spentPence: 6_100_50, overspendReason: "Extra sessions" }]);
    expect(input.measureValues).toEqual([{ measureId: "visits", value: 1204 }]);
    expect(input.milestoneChanges).toEqual([{ milestoneId: "launch", state: "DONE", doneOn: "2026-02-03" }]);
    expect(errors).toEqual({ "spend.venue": "Enter an amount in pounds, like 1,250.00" });
  });

  it("flags a percentage over 100 and a slipped milestone with no new date", () => {
    const form = {
      ...initialUpdateState("period1", null),
      percentComplete: "120",
      milestones: { launch: { change: "SLIPPED" as const, doneOn: "", newDueOn: "" } },
    };
    expect(toUpdateInput(project, form).errors).toEqual({
      percentComplete: "Enter a whole percentage from 0 to 100",
      "milestone.launch": "Enter the new date",
    });
  });

  it("puts the server's errors, named by position, on the fields they belong to", () => {
    const { input } = toUpdateInput(project, { ...initialUpdateState("period1", null), spend: { venue: "5000" } });
    const errors = updateErrorsFrom({ "spend.0.overspendReason": ['Say why "Venue" is over budget'], narrative: ["Too long"] }, input);
    expect(errors).toEqual({ "overspend.venue": 'Say why "Venue" is over budget', narrative: "Too long" });
    expect(updateFieldId("overspend.venue")).toBe("update-overspend-venue");
    expect(updateFieldId("narrative")).toBe("update-narrative");
  });

  it("opens a draft with its answers as text", () => {
    const state = initialUpdateState("period1", {
      id: "d1",
      periodId: "period1",
      rag: "GREEN",
      percentComplete: 0,
      narrative: "Started",
      spend: [{ budgetLineId: "staff", spentPence: 1_250_00 }],
      measureValues: [{ measureId: "visits", value: null }],
      milestoneChanges: [{ milestoneId: "launch", state: "SLIPPED", newDueOn: "2026-04-01" }],
      risks: "",
      learning: "",
    });
    expect(state.percentComplete).toBe("0");
    expect(state.spend).toEqual({ staff: "1250.00" });
    expect(state.measures).toEqual({});
    expect(state.milestones.launch).toEqual({ change: "SLIPPED", doneOn: "", newDueOn: "2026-04-01" });
  });
});
