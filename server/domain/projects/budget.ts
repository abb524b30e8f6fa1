/**
 * A project's budget as awarded, and spend against it: integer pence throughout.
 */

export type RequestedLine = { id: string; item: string; organisationId: string | null; amountPence: number };
export type AwardedLine = { id: string; item: string; organisationId: string | null; awardedPence: number };

/**
 * Shares the award across the proposal's budget lines in proportion to what each asked
 * for, so the lines add up to the award exactly (largest remainders get the spare pence,
 * earlier lines first on ties). With nothing asked for, the award is one line.
 */
export function allocateAward(lines: readonly RequestedLine[], awardPence: number): AwardedLine[] {
  const requested = lines.reduce((sum, line) => sum + BigInt(line.amountPence), 0n);
  if (requested === 0n) return [{ id: "award", item: "The award", organisationId: null, awardedPence: awardPence }];
  const award = BigInt(awardPence);
  const shares = lines.map((line, index) => {
    const exact = BigInt(line.amountPence) * award;
    return { index, whole: exact / requested, remainder: exact % requested };
  });
  let spare = award - shares.reduce((sum, share) => sum + share.whole, 0n);
  const byRemainder = [...shares].sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const share of byRemainder) {
    if (spare === 0n) break;
    share.whole += 1n;
    spare -= 1n;
  }
  return lines.map((line, index) => ({
    id: line.id,
    item: line.item,
    organisationId: line.organisationId,
    awardedPence: Number(shares[index]!.whole),
  }));
}

export type LineSpend = AwardedLine & {
  spentPence: number;
  remainingPence: number;
  over: boolean;
  /** Why the line is over budget, as the team explained it ("" when not over or not said). */
  overspendReason: string;
};

export type SpendEntry = { budgetLineId: string; spentPence: number; overspendReason?: string };

export type SpendReport = {
  lines: LineSpend[];
  totalAwardedPence: number;
  totalSpentPence: number;
  /** Lines whose spend is above what was awarded for them: allowed, with a reason, on submission. */
  overLines: string[];
  /** Total spend above the award: refused on submission. */
  overAward: boolean;
};

/** Spend to date against each awarded line; lines with no spend given count as nothing spent. */
export function spendAgainstBudget(
  lines: readonly AwardedLine[],
  spend: readonly SpendEntry[],
  awardPence: number,
): SpendReport {
  const byLine = new Map(spend.map((entry) => [entry.budgetLineId, entry]));
  const report = lines.map((line) => {
    const entry = byLine.get(line.id);
    const spentPence = entry?.spentPence ?? 0;
    const over = spentPence > line.awardedPence;
    return {
      ...line,
      spentPence,
      remainingPence: line.awardedPence - spentPence,
      over,
      overspendReason: over ? (entry?.overspendReason ?? "").trim() : "",
    };
  });
  const totalSpentPence = report.reduce((sum, line) => sum + line.spentPence, 0);
  return {
    lines: report,
    totalAwardedPence: lines.reduce((sum, line) => sum + line.awardedPence, 0),
    totalSpentPence,
    overLines: report.filter((line) => line.over).map((line) => line.id),
    overAward: totalSpentPence > awardPence,
  };
}
