import type { ProposalStatus } from "@/server/db/generated/enums";

/** How each lifecycle state reads on screen. */
export const PROPOSAL_STATUS_LABELS: Readonly<Record<ProposalStatus, string>> = {
  DRAFT: "Draft",
  SUBMITTED: "Submitted",
  UNDER_ASSESSMENT: "Being assessed",
  APPROVED: "Approved",
  DECLINED: "Declined",
  WITHDRAWN: "Withdrawn",
};

/** Tag colours with at least 4.5:1 contrast for their text. */
export const PROPOSAL_STATUS_CLASSES: Readonly<Record<ProposalStatus, string>> = {
  DRAFT: "bg-slate-100 text-slate-900",
  SUBMITTED: "bg-brand-50 text-brand-900",
  UNDER_ASSESSMENT: "bg-brand-50 text-brand-900",
  APPROVED: "bg-green-50 text-green-900",
  DECLINED: "bg-red-50 text-red-900",
  WITHDRAWN: "bg-slate-100 text-slate-900",
};

export function ProposalStatusTag({ status }: { status: ProposalStatus }) {
  return (
    <span className={`inline-block rounded-sm px-2 py-0.5 text-sm font-semibold ${PROPOSAL_STATUS_CLASSES[status]}`}>
      {PROPOSAL_STATUS_LABELS[status]}
    </span>
  );
}

export const timeFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/London",
});
