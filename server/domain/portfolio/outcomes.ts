import type { ProjectMeasure } from "@/server/domain/projects/queries";

/**
 * Success measures against their targets. A measure has reached its target when its value
 * is at or above it, or at or below it for a measure meant to fall (a target below the
 * baseline; no baseline counts as 0).
 */

type MeasureValue = { measureId: string; value: number | null };

export type MeasureCounts = {
  measureCount: number;
  /** Measures with a target to compare against. */
  targetCount: number;
  /** Measures with a value reported. */
  reportedCount: number;
  /** Measures whose value has reached the target. */
  onTrackCount: number;
};

export function targetReached(measure: Pick<ProjectMeasure, "baseline" | "target">, value: number | null): boolean {
  if (measure.target === null || value === null) return false;
  return measure.target >= (measure.baseline ?? 0) ? value >= measure.target : value <= measure.target;
}

const isNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);

/** Values by measure id, from stored JSON that may be missing or malformed. */
function valuesOf(json: unknown): Map<string, number> {
  const values = new Map<string, number>();
  if (!Array.isArray(json)) return values;
  for (const entry of json as Partial<MeasureValue>[]) {
    if (entry && typeof entry.measureId === "string" && isNumber(entry.value) && !values.has(entry.measureId)) {
      values.set(entry.measureId, entry.value);
    }
  }
  return values;
}

/**
 * One project's measures counted against their targets. The value of each measure is the
 * final one in the lead's evaluation when it gives one, otherwise the latest submitted
 * update's.
 */
export function countMeasures(measuresJson: unknown, finalValuesJson: unknown, latestValuesJson: unknown): MeasureCounts {
  const measures = (Array.isArray(measuresJson) ? measuresJson : []) as Partial<ProjectMeasure>[];
  const finalValues = valuesOf(finalValuesJson);
  const latestValues = valuesOf(latestValuesJson);
  const counts: MeasureCounts = { measureCount: 0, targetCount: 0, reportedCount: 0, onTrackCount: 0 };
  for (const measure of measures) {
    if (!measure || typeof measure.id !== "string") continue;
    const target = isNumber(measure.target) ? measure.target : null;
    const baseline = isNumber(measure.baseline) ? measure.baseline : null;
    const value = finalValues.get(measure.id) ?? latestValues.get(measure.id) ?? null;
    counts.measureCount += 1;
    if (target !== null) counts.targetCount += 1;
    if (value !== null) counts.reportedCount += 1;
    if (targetReached({ baseline, target }, value)) counts.onTrackCount += 1;
  }
  return counts;
}
