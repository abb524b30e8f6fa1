import type { ProgressUpdateStatus, ProjectStatus, RagStatus, ReportingFrequency } from "@/server/db/generated/enums";
import type { ReportState } from "@/lib/projects/schedule";
import { LabelledTag, type Tone } from "@/components/ui/status-tag";
import type { Column } from "@/components/ui/table";
import { formatDateTime, formatDay, formatInstantDay, isoDay } from "@/lib/uk-time";

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

const RAG_TONES: Readonly<Record<RagStatus, Tone>> = { RED: "danger", AMBER: "warning", GREEN: "success" };

export function RagTag({ rag }: { rag: RagStatus }) {
  return <LabelledTag value={rag} labels={RAG_LABELS} tones={RAG_TONES} />;
}

export const REPORT_STATE_LABELS: Readonly<Record<ReportState, string>> = {
  NOT_DUE: "Not due yet",
  DUE_SOON: "Due soon",
  OVERDUE: "Overdue",
  SUBMITTED: "Submitted",
  SUBMITTED_LATE: "Submitted late",
  ACCEPTED: "Accepted",
};

const REPORT_STATE_TONES: Readonly<Record<ReportState, Tone>> = {
  NOT_DUE: "neutral",
  DUE_SOON: "warning",
  OVERDUE: "danger",
  SUBMITTED: "info",
  SUBMITTED_LATE: "info",
  ACCEPTED: "success",
};

export function ReportStateTag({ state }: { state: ReportState }) {
  return <LabelledTag value={state} labels={REPORT_STATE_LABELS} tones={REPORT_STATE_TONES} />;
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

const UPDATE_STATUS_TONES: Readonly<Record<ProgressUpdateStatus, Tone>> = {
  DRAFT: "neutral",
  SUBMITTED: "info",
  ACCEPTED: "success",
  RETURNED: "warning",
};

export function UpdateStatusTag({ status }: { status: ProgressUpdateStatus }) {
  return <LabelledTag value={status} labels={UPDATE_STATUS_LABELS} tones={UPDATE_STATUS_TONES} />;
}

/** A calendar day in a <time> element, machine-readable as YYYY-MM-DD. */
export function Day({ day }: { day: Date }) {
  return <time dateTime={isoDay(day)}>{formatDay(day)}</time>;
}

type MeasureUnit = { unit: string; kind: "NUMBER" | "PERCENTAGE" };

/** A measure's figure as a number: "1,250" or "3.5". */
export const formatFigure = (value: number) => value.toLocaleString("en-GB", { maximumFractionDigits: 2 });

/** "40%", "120 visits", or "Not set". */
export function formatMeasure(value: number | null, measure: MeasureUnit): string {
  if (value === null) return "Not set";
  const number = formatFigure(value);
  if (measure.kind === "PERCENTAGE") return `${number}%`;
  return measure.unit ? `${number} ${measure.unit}` : number;
}

type MeasureRow = MeasureUnit & { name: string; baseline: number | null; target: number | null };

/** A success measure's name, baseline and target: the first columns of every table of measures. */
export function measureColumns<T extends MeasureRow>(): Column<T>[] {
  return [
    { key: "measure", header: "Measure", rowHeader: true, cell: (measure) => measure.name },
    { key: "baseline", header: "Baseline", numeric: true, cell: (measure) => formatMeasure(measure.baseline, measure) },
    { key: "target", header: "Target", numeric: true, cell: (measure) => formatMeasure(measure.target, measure) },
  ];
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
export function InstantDay({ at }: { at: Date }) {
  return <time dateTime={at.toISOString()}>{formatInstantDay(at)}</time>;
}

/** A moment with its time, in a <time> element: "10 January 2026 at 4:14pm". */
export function When({ at }: { at: Date }) {
  return <time dateTime={at.toISOString()}>{formatDateTime(at)}</time>;
}

/** Text as the person wrote it, line breaks kept, long words wrapped; nothing when empty. */
export function WrittenText({ text, as = "p" }: { text: string; as?: "p" | "span" }) {
  if (!text) return null;
  const Tag = as;
  return <Tag className="whitespace-pre-line break-words">{text}</Tag>;
}
