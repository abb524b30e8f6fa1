import { formatDateTime } from "@/lib/uk-time";
import type { RoundStatus } from "@/server/db/generated/enums";
import { NEXT_ROUND_STATUS } from "./award-state";
import { RoundStatusAction } from "./round-status-action";

/**
 * The button that moves a round on to its next status (open, close, mark decisions final),
 * or nothing once its decisions are final. The fund page and the round's assessment page
 * both show it, so the step and its warning read the same on each.
 */
export function RoundNextStep({
  round,
  includeOpening = true,
  className = "mt-3",
}: {
  round: { id: string; title: string; status: RoundStatus; closesAt: Date };
  /** The assessment page leaves opening a draft round to the fund page. */
  includeOpening?: boolean;
  className?: string;
}) {
  if (round.status === "DECIDED") return null;
  if (round.status === "DRAFT" && !includeOpening) return null;
  const next = NEXT_ROUND_STATUS[round.status];
  return (
    <div className={className}>
      <RoundStatusAction
        roundId={round.id}
        roundTitle={round.title}
        status={next.status}
        label={next.label}
        closesOn={formatDateTime(round.closesAt)}
      />
    </div>
  );
}
