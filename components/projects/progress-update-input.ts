import { MoneyError, parsePounds, penceToDecimalString } from "@/lib/money";
import type { SaveUpdateInput } from "@/lib/schemas/projects";
import type { ReportState } from "@/lib/projects/schedule";

/**
 * A progress update's answers as the form holds them (text as typed), and the rules that
 * turn them into what the API takes and its errors back onto the right fields. No React
 * here, so the rules are tested on their own.
 */

export type Rag = "GREEN" | "AMBER" | "RED";
export type MilestoneChoice = { change: "NONE" | "DONE" | "SLIPPED"; doneOn: string; newDueOn: string };

/** What the form holds: text as typed, so a half-typed amount is kept as it is. */
export type UpdateFormState = {
  periodId: string;
  rag: Rag | "";
  percentComplete: string;
  narrative: string;
  spend: Record<string, string>;
  /** Why a line is over budget, by line. */
  overspendReasons: Record<string, string>;
  measures: Record<string, string>;
  milestones: Record<string, MilestoneChoice>;
  risks: string;
  learning: string;
};

export type UpdateFormProject = {
  id: string;
  awardedPence: number;
  periods: { id: string; sequence: number; dueOn: Date; state: ReportState }[];
  budgetLines: { id: string; item: string; awardedPence: number }[];
  measures: { id: string; name: string; unit: string; baseline: number | null; target: number | null }[];
  /** Milestones still to do (planned or slipped). */
  milestones: { id: string; title: string; dueOn: Date; state: "PLANNED" | "SLIPPED" | "DONE" }[];
};

export type UpdateDraft = Omit<SaveUpdateInput, "projectId" | "periodId" | "updateId"> & { id: string; periodId: string };

export const NO_CHANGE: MilestoneChoice = { change: "NONE", doneOn: "", newDueOn: "" };
const PERCENT = /^\d{1,3}$/;
const NUMBER = /^-?(\d+\.?\d*|\.\d+)$/;

export function initialUpdateState(periodId: string, draft: UpdateDraft | null): UpdateFormState {
  const milestones: Record<string, MilestoneChoice> = {};
  for (const change of draft?.milestoneChanges ?? []) {
    milestones[change.milestoneId] =
      change.state === "DONE"
        ? { change: "DONE", doneOn: change.doneOn, newDueOn: "" }
        : { change: "SLIPPED", doneOn: "", newDueOn: change.newDueOn };
  }
  return {
    periodId: draft?.periodId ?? periodId,
    rag: draft?.rag ?? "",
    percentComplete: draft?.percentComplete === null || draft?.percentComplete === undefined ? "" : String(draft.percentComplete),
    narrative: draft?.narrative ?? "",
    spend: Object.fromEntries((draft?.spend ?? []).map((entry) => [entry.budgetLineId, penceToDecimalString(entry.spentPence)])),
    overspendReasons: Object.fromEntries((draft?.spend ?? []).map((entry) => [entry.budgetLineId, entry.overspendReason ?? ""])),
    measures: Object.fromEntries(
      (draft?.measureValues ?? []).filter((entry) => entry.value !== null).map((entry) => [entry.measureId, String(entry.value)]),
    ),
    milestones,
    risks: draft?.risks ?? "",
    learning: draft?.learning ?? "",
  };
}

/**
 * Turns what was typed into what the API takes. Answers that cannot be read (a percentage
 * of 120, "about 40" as a measure) are left out and flagged, so the rest still saves.
 */
export function toUpdateInput(project: UpdateFormProject, form: UpdateFormState) {
  const errors: Record<string, string> = {};
  let percentComplete: number | null = null;
  const percentText = form.percentComplete.trim().replace(/%$/, "");
  if (percentText !== "") {
    if (PERCENT.test(percentText) && Number(percentText) <= 100) percentComplete = Number(percentText);
    else errors.percentComplete = "Enter a whole percentage from 0 to 100";
  }
  const spend: SaveUpdateInput["spend"] = [];
  for (const line of project.budgetLines) {
    const text = (form.spend[line.id] ?? "").trim();
    if (text === "") continue;
    try {
      const spentPence = parsePounds(text);
      const reason = (form.overspendReasons?.[line.id] ?? "").trim();
      spend.push(
        spentPence > line.awardedPence && reason !== ""
          ? { budgetLineId: line.id, spentPence, overspendReason: reason }
          : { budgetLineId: line.id, spentPence },
      );
    } catch (error) {
      errors[`spend.${line.id}`] = error instanceof MoneyError ? error.message : "Enter an amount in pounds, like 1,250.00";
    }
  }
  const measureValues: SaveUpdateInput["measureValues"] = [];
  for (const measure of project.measures) {
    const text = (form.measures[measure.id] ?? "").trim().replaceAll(",", "");
    if (text === "") measureValues.push({ measureId: measure.id, value: null });
    else if (NUMBER.test(text)) measureValues.push({ measureId: measure.id, value: Number(text) });
    else errors[`measure.${measure.id}`] = "Enter a number, like 12 or 3.5";
  }
  const milestoneChanges: SaveUpdateInput["milestoneChanges"] = [];
  for (const milestone of project.milestones) {
    const choice = form.milestones[milestone.id];
    if (!choice || choice.change === "NONE") continue;
    const date = choice.change === "DONE" ? choice.doneOn : choice.newDueOn;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      errors[`milestone.${milestone.id}`] = choice.change === "DONE" ? "Enter the date it was done" : "Enter the new date";
      continue;
    }
    milestoneChanges.push(
      choice.change === "DONE"
        ? { milestoneId: milestone.id, state: "DONE", doneOn: date }
        : { milestoneId: milestone.id, state: "SLIPPED", newDueOn: date },
    );
  }
  const input: Omit<SaveUpdateInput, "updateId"> = {
    projectId: project.id,
    periodId: form.periodId,
    rag: form.rag || null,
    percentComplete,
    narrative: form.narrative,
    spend,
    measureValues,
    milestoneChanges,
    risks: form.risks,
    learning: form.learning,
  };
  return { input, errors };
}

/** The server names list entries by position ("spend.2.spentPence"); the form names them by id. */
export function updateErrorsFrom(serverErrors: Record<string, string[]>, sent: Omit<SaveUpdateInput, "updateId"> | null) {
  const errors: Record<string, string> = {};
  for (const [key, messages] of Object.entries(serverErrors)) {
    const [list, index] = key.split(".");
    const position = Number(index);
    let formKey = key;
    const field = key.split(".")[2];
    if (list === "spend" && sent?.spend[position]) {
      formKey = `${field === "overspendReason" ? "overspend" : "spend"}.${sent.spend[position].budgetLineId}`;
    }
    else if (list === "measureValues" && sent?.measureValues[position]) formKey = `measure.${sent.measureValues[position].measureId}`;
    else if (list === "milestoneChanges" && sent?.milestoneChanges[position]) formKey = `milestone.${sent.milestoneChanges[position].milestoneId}`;
    errors[formKey] ??= messages[0] ?? "Check this answer";
  }
  return errors;
}

/** Where each error's control is, for the links in the error summary. */
const FIELD_IDS: Record<string, string> = {
  periodId: "update-period",
  rag: "update-rag-GREEN",
  percentComplete: "update-percent",
  narrative: "update-narrative",
  spend: "update-spend",
  risks: "update-risks",
  learning: "update-learning",
};
export const updateFieldId = (key: string) => FIELD_IDS[key] ?? `update-${key.replace(".", "-")}`;
