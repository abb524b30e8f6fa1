import { formatPence } from "@/lib/money";
import { formatInstantDay } from "@/lib/uk-time";
import type { LoadedProposal } from "@/server/pages/proposals";

/** The panel's decision, its reasons and any award: what the authors most want to know, so it comes first. */
export function ProposalDecisionSection({ proposal }: { proposal: LoadedProposal }) {
  const { decision, award } = proposal;
  if (!decision) return null;
  const approved = decision.outcome === "APPROVED";
  return (
    <section
      aria-labelledby="decision-heading"
      className={`mb-8 max-w-prose rounded-md border-l-4 p-4 ${approved ? "border-green-800 bg-green-50" : "border-red-800 bg-red-50"}`}
    >
      <h2 id="decision-heading" className="text-2xl font-semibold">
        {approved ? "Approved" : "Declined"}
      </h2>
      <p className="mt-1 text-slate-700">
        Decided by {decision.decidedBy.name} on {formatInstantDay(decision.decidedAt)}
      </p>
      <p className="mt-2 whitespace-pre-line">{decision.reason}</p>
      {award ? (
        <p className="mt-3 text-lg font-semibold">
          Award: {formatPence(award.awardedPence)}
          {award.awardedPence < proposal.requestedPence ? ` (asked for ${formatPence(proposal.requestedPence)})` : ""}
          {award.paidPence > 0 ? `, ${formatPence(award.paidPence)} paid so far` : ""}
        </p>
      ) : null}
    </section>
  );
}
