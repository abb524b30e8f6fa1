import type { LedgerKind } from "@/server/db/generated/enums";

/** The words the screens and the exports both use, so a spreadsheet reads like the page. */

export const AWARD_STATE_LABELS = {
  COMMITTED: "Awarded, not yet paid",
  PART_PAID: "Part paid",
  PAID_IN_FULL: "Paid in full",
  COMPLETED: "Completed",
  WITHDRAWN: "Withdrawn",
} as const;

/** What each kind of ledger movement did, in plain words. */
export const LEDGER_MOVEMENT_LABELS: Readonly<Record<LedgerKind, string>> = {
  COMMIT: "Grant awarded",
  VARY: "Award changed",
  RELEASE: "Money released back to the fund",
  PAY: "Payment made",
  RETURN: "Underspend returned",
};

/** The ledger's columns, in order, on the fund page and in its CSV. */
export const LEDGER_COLUMN_LABELS = {
  when: "When",
  movement: "Movement",
  project: "Project",
  recipient: "Recipient",
  committed: "Committed change (£)",
  paid: "Paid change (£)",
  reason: "Reason",
  by: "Recorded by",
} as const;
