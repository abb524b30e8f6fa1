export const AWARD_STATE_LABELS = {
  COMMITTED: "Awarded, not yet paid",
  PART_PAID: "Part paid",
  PAID_IN_FULL: "Paid in full",
  COMPLETED: "Completed",
  WITHDRAWN: "Withdrawn",
} as const;

export const ROUND_STATUS_LABELS = { DRAFT: "Draft", OPEN: "Open", CLOSED: "Closed", DECIDED: "Decided" } as const;

export const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "Europe/London" });
