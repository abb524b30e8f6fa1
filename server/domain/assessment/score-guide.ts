/**
 * What each score on a round's scale means, so assessors score alike. Criteria carry no
 * guide of their own, so every criterion gets this default, worded from the scale: the
 * bottom means no evidence, the top means strong, clear evidence, and the steps between
 * move evenly from one to the other.
 */

export type ScoreGuideStep = { score: number; meaning: string };

const BANDS = [
  "No evidence: the proposal does not address this",
  "Very weak: barely addressed, with little or no evidence",
  "Weak: addressed in part, with gaps or unclear evidence",
  "Adequate: addressed, with some evidence",
  "Good: addressed well, with clear evidence",
  "Excellent: addressed fully and convincingly, with strong evidence",
] as const;

/** One short meaning for every score from 0 to `scoreMax` (1 to 10). */
export function defaultScoreGuide(scoreMax: number): ScoreGuideStep[] {
  const top = Math.max(1, Math.min(10, Math.round(scoreMax)));
  return Array.from({ length: top + 1 }, (_, score) => {
    if (score === 0) return { score, meaning: BANDS[0] };
    if (score === top) return { score, meaning: BANDS[5] };
    // The steps between 0 and the top fall into the middle bands, evenly.
    const band = 1 + Math.floor(((score - 1) * (BANDS.length - 2)) / Math.max(1, top - 1));
    return { score, meaning: BANDS[Math.min(band, BANDS.length - 2)]! };
  });
}
