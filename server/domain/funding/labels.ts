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

/** What each recorded action was, in plain words, for the audit log (its codes are never shown). */
export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  "fund.created": "Fund created",
  "fund.funder_changed": "Fund's funder named",
  "ringfence.created": "Ring-fence added",
  "round.created": "Funding round created",
  "round.open": "Funding round opened",
  "round.closed": "Funding round closed",
  "round.decided": "Funding round decisions made final",
  "award.granted": "Grant awarded",
  "award.pay": "Payment made",
  "award.vary": "Award changed",
  "award.withdraw": "Award withdrawn",
  "award.return_underspend": "Underspend returned",
  "award.complete": "Award completed",
  "award.published": "Award published",
  "award.unpublished": "Award unpublished",
  "assessment.assessor_appointed": "Assessor appointed",
  "assessment.assessor_removed": "Assessor removed",
  "assessment.conflict_declared": "Conflict of interest declared",
  "assessment.started": "Assessment started",
  "proposal.approved": "Proposal approved",
  "proposal.declined": "Proposal declined",
  "project.set_up": "Project set up",
  "project.decided": "Project decision recorded",
  "project.lead_changed": "Project lead changed",
  "project.team_added": "Added to a project team",
  "project.team_removed": "Removed from a project team",
  "project.update_accepted": "Progress update accepted",
  "project.update_returned": "Progress update returned",
  "membership.role_changed": "Member's role changed",
  "membership.removed": "Member removed",
  "organisation.numbers_changed": "Organisation's registered numbers changed",
  "personal-data.erasure_requested": "Asked to close their account",
  "personal-data.erasure_withdrawn": "Withdrew a request to close their account",
  "personal-data.erased": "Account closed and personal data erased",
  "reflection.opened": "Reflection opened",
  "reflection.closed": "Reflection closed",
  "partnership.portfolio_published": "Public portfolio published",
  "partnership.portfolio_unpublished": "Public portfolio taken down",
  "personal-data.exported": "Copy of their data asked for",
  "personal-data.downloaded": "Copy of their data downloaded",
};

/** An action in words; one not listed yet still reads as words ("Award: something new"), never as a code. */
export function auditActionLabel(action: string): string {
  const known = AUDIT_ACTION_LABELS[action];
  if (known) return known;
  const [subject = "", ...rest] = action.split(".");
  const words = (text: string) => text.replace(/[_.-]+/g, " ").trim();
  const head = words(subject);
  const tail = words(rest.join(" "));
  const sentence = (text: string) => (text ? `${text[0]!.toUpperCase()}${text.slice(1)}` : "Something changed");
  return tail ? `${sentence(head)}: ${tail}` : sentence(head);
}

/** The audit log's filter: each choice matches the actions whose codes start with it. */
export const AUDIT_ACTION_FILTERS = [
  ["", "All actions"],
  ["fund", "Funds"],
  ["ringfence", "Ring-fences"],
  ["round", "Funding rounds"],
  ["award.granted", "Grants awarded"],
  ["award.pay", "Payments"],
  ["award.vary", "Award changes"],
  ["award.return", "Underspend returned"],
  ["award.withdraw", "Withdrawals"],
  ["award.complete", "Completions"],
  ["award", "Everything about awards"],
  ["assessment", "Assessment panels"],
  ["proposal", "Decisions on proposals"],
  ["personal-data", "People's requests for their data"],
] as const;
