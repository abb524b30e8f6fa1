import type { ReactNode } from "react";

/**
 * A short state in words ("Overdue", "Accepted"), tinted by tone. The words carry the meaning;
 * the colour only decorates it (WCAG 1.4.1). Every tone's text keeps at least 4.5:1 contrast.
 */
export type Tone = "neutral" | "info" | "success" | "warning" | "danger";

const TONE_CLASSES: Readonly<Record<Tone, string>> = {
  neutral: "bg-slate-100 text-slate-900",
  info: "bg-brand-50 text-brand-900",
  success: "bg-green-50 text-green-900",
  warning: "bg-amber-50 text-amber-900",
  danger: "bg-red-50 text-red-900",
};

export function StatusTag({ tone = "neutral", children }: { tone?: Tone; children: ReactNode }) {
  return (
    <span className={`inline-block rounded-sm px-2 py-0.5 text-sm font-semibold ${TONE_CLASSES[tone]}`}>{children}</span>
  );
}

/** A tag for a value of a lifecycle: its label and tone looked up from two tables. */
export function LabelledTag<K extends string>({
  value,
  labels,
  tones,
}: {
  value: K;
  labels: Readonly<Record<K, string>>;
  tones: Readonly<Record<K, Tone>>;
}) {
  return <StatusTag tone={tones[value]}>{labels[value]}</StatusTag>;
}
