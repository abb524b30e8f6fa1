import { LabelledTag, type Tone } from "@/components/ui/status-tag";
import { formatPence } from "@/lib/money";
import { formatInstantDay } from "@/lib/uk-time";
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

/** The tone of each state's tag: the words carry the meaning, the colour only decorates it. */
export const PROPOSAL_STATUS_TONES: Readonly<Record<ProposalStatus, Tone>> = {
  DRAFT: "neutral",
  SUBMITTED: "info",
  UNDER_ASSESSMENT: "info",
  APPROVED: "success",
  DECLINED: "danger",
  WITHDRAWN: "neutral",
};

export function ProposalStatusTag({ status }: { status: ProposalStatus }) {
  return <LabelledTag value={status} labels={PROPOSAL_STATUS_LABELS} tones={PROPOSAL_STATUS_TONES} />;
}

/** How an open round is offered in a list: "Spring round (Winter fund), closes 3 March 2026, £1,000.00 to £10,000.00". */
export function roundChoiceLabel(round: { title: string; fundName: string; closesAt: Date; minAwardPence: number; maxAwardPence: number }): string {
  return `${round.title} (${round.fundName}), closes ${formatInstantDay(round.closesAt)}, ${formatPence(round.minAwardPence)} to ${formatPence(round.maxAwardPence)}`;
}
