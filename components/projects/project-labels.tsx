import type { ProgressUpdateStatus, ProjectStatus, RagStatus, ReportingFrequency } from "@/server/db/generated/enums";
import type { ReportState } from "@/server/domain/projects/schedule";

/** How a funded project's states read on screen. Tags always carry their words, never colour alone. */

export const PROJECT_STATUS_LABELS: Readonly<Record<ProjectStatus, string>> = {
  ACTIVE: "Running",
  EVALUATING: "Being evaluated",
  DECIDED: "Decided",
};

export const REPORTING_FREQUENCY_LABELS: Readonly<Record<ReportingFrequency, string>> = {
  MONTHLY: "Reports monthly",
  QUARTERLY: "Reports quarterly",
};

export const RAG_LABELS: Readonly<Record<RagStatus, string>> = { RED: "Red", AMBER: "Amber", GREEN: "Green" };

/** Tag colours with at least 4.5:1 contrast for their text. */
const RAG_CLASSES: Readonly<Record<RagStatus, string>> = {
  RED: "bg-red-50 text-red-900",
  AMBER: "bg-amber-50 text-amber-900",
  GREEN: "bg-green-50 text-green-900",
};

export function RagTag({ rag }: { rag: RagStatus }) {
  return (
    <span className={`inline-block rounded-sm px-2 py-0.5 text-sm font-semibold ${RAG_CLASSES[rag]}`}>
      {RAG_LABELS[rag]}
    </span>
  );
}

export const REPORT_STATE_LABELS: Readonly<Record<ReportState, string>> = {
  NOT_DUE: "Not due yet",
  DUE_SOON: "Due soon",
  OVERDUE: "Overdue",
  SUBMITTED: "Submitted",
  SUBMITTED_LATE: "Submitted late",
  ACCEPTED: "Accepted",
};

const REPORT_STATE_CLASSES: Readonly<Record<ReportState, string>> = {
  NOT_DUE: "bg-slate-100 text-slate-900",
  DUE_SOON: "bg-amber-50 text-amber-900",
  OVERDUE: "bg-red-50 text-red-900",
  SUBMITTED: "bg-brand-50 text-brand-900",
  SUBMITTED_LATE: "bg-brand-50 text-brand-900",
  ACCEPTED: "bg-green-50 text-green-900",
};

export function ReportStateTag({ state }: { state: ReportState }) {
  return (
    <span className={`inline-block rounded-sm px-2 py-0.5 text-sm font-semibold ${REPORT_STATE_CLASSES[state]}`}>
      {REPORT_STATE_LABELS[state]}
    </span>
  );
}

/** "in 3 days", "today", "2 days late": how far a report not yet in is from its due date. */
export function dueDistance(daysUntilDue: number): string {
  if (daysUntilDue === 0) return "due today";
  if (daysUntilDue > 0) return `in ${daysUntilDue} ${daysUntilDue === 1 ? "day" : "days"}`;
  const late = -daysUntilDue;
  return `${late} ${late === 1 ? "day" : "days"} late`;
}

export const UPDATE_STATUS_LABELS: Readonly<Record<ProgressUpdateStatus, string>> = {
  DRAFT: "Draft",
  SUBMITTED: "Waiting for review",
  ACCEPTED: "Accepted",
  RETURNED: "Sent back",
};

const UPDATE_STATUS_CLASSES: Readonly<Record<ProgressUpdateStatus, string>> = {
  DRAFT: "bg-slate-100 text-slate-900",
  SUBMITTED: "bg-brand-50 text-brand-900",
  ACCEPTED: "bg-green-50 text-green-900",
  RETURNED: "bg-amber-50 text-amber-900",
};

export function UpdateStatusTag({ status }: { status: ProgressUpdateStatus }) {
  return (
    <span className={`inline-block rounded-sm px-2 py-0.5 text-sm font-semibold ${UPDATE_STATUS_CLASSES[status]}`}>
      {UPDATE_STATUS_LABELS[status]}
    </span>
  );
}

/** Calendar days are held as UTC midnight, so they are shown in UTC: "14 May 2021" everywhere. */
export const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

export function formatDay(day: Date): string {
  return dayFormat.format(day);
}

/** A calendar day in a <time> element, machine-readable as YYYY-MM-DD. */
export function Day({ day }: { day: Date }) {
  return <time dateTime={day.toISOString().slice(0, 10)}>{dayFormat.format(day)}</time>;
}

type MeasureUnit = { unit: string; kind: "NUMBER" | "PERCENTAGE" };

/** "40%", "120 visits", or "Not set". */
export function formatMeasure(value: number | null, measure: MeasureUnit): string {
  if (value === null) return "Not set";
  const number = value.toLocaleString("en-GB", { maximumFractionDigits: 2 });
  if (measure.kind === "PERCENTAGE") return `${number}%`;
  return measure.unit ? `${number} ${measure.unit}` : number;
}

/**
 * How far the latest value has come from the baseline towards the target, 0 to 100, for a
 * decorative bar (the figures themselves are always shown). Works for targets below the
 * baseline too (a measure meant to fall). Null when there is nothing to compare.
 */
export function measureProgress(measure: { baseline: number | null; target: number | null; latest: number | null }): number | null {
  const { target, latest } = measure;
  if (target === null || latest === null) return null;
  const baseline = measure.baseline ?? 0;
  if (target === baseline) return latest === target ? 100 : 0;
  const share = (latest - baseline) / (target - baseline);
  return Math.round(Math.min(Math.max(share, 0), 1) * 100);
}

/** A moment (not a calendar day), such as when a payment was made: its day where the partnership is. */
export const instantDayFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "Europe/London",
});

export function InstantDay({ at }: { at: Date }) {
  return <time dateTime={at.toISOString()}>{instantDayFormat.format(at)}</time>;
}
