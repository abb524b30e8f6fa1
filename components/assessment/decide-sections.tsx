import { Link } from "@/components/ui/link";
import { DecideForm } from "@/components/assessment/decide-form";
import { formatScore } from "@/components/assessment/round-assessment-sections";
import { Section } from "@/components/ui/section";
import { LabelledTag, type Tone } from "@/components/ui/status-tag";
import { SummaryList } from "@/components/ui/summary-list";
import { Table } from "@/components/ui/table";
import { formatPence } from "@/lib/money";
import { paths } from "@/lib/paths";
import { formatDateTime } from "@/lib/uk-time";
import type { AssessmentOverview, RankedProposal } from "@/server/domain/assessment/overview";

/** The decide page's parts: the facts the officer decides on, each assessor's score, and the decision. */

const SEAT_LABELS = { NOT_STARTED: "Not started", DRAFT: "Draft, not submitted", SUBMITTED: "Submitted", CONFLICT: "Conflict of interest" } as const;
const SEAT_TONES: Readonly<Record<keyof typeof SEAT_LABELS, Tone>> = {
  NOT_STARTED: "neutral",
  DRAFT: "warning",
  SUBMITTED: "success",
  CONFLICT: "danger",
};
const DECISION_LABELS = { APPROVED: "Approved", DECLINED: "Declined" } as const;

type DecidingProposal = {
  id: string;
  title: string;
  status: string;
  requestedPence: number;
  round: { minAwardPence: number; maxAwardPence: number } | null;
  decision: { reason: string; decidedAt: Date; decidedBy: { name: string } } | null;
  viewer: { canDecide: boolean };
};

export function DecisionFacts({
  slug,
  proposal,
  ranked,
  overview,
}: {
  slug: string;
  proposal: DecidingProposal;
  ranked: RankedProposal;
  overview: AssessmentOverview;
}) {
  return (
    <Section title="Summary" id="summary">
      <SummaryList
        rows={[
          { key: "Requested", value: formatPence(proposal.requestedPence) },
          proposal.round
            ? { key: "Round award range", value: `${formatPence(proposal.round.minAwardPence)} to ${formatPence(proposal.round.maxAwardPence)}` }
            : null,
          { key: "Mean score", value: formatScore(ranked.meanScore) },
          { key: "Scored", value: `${ranked.scoredCount} of ${ranked.expectedCount} assessors` },
          { key: "Rank", value: `${ranked.rank} of ${overview.proposals.length}` },
          { key: "Available in the fund", value: `${formatPence(overview.fund.availablePence)} in ${overview.fund.name}` },
        ]}
      />
      <p className="mt-3">
        <Link href={paths.proposal(slug, proposal.id)}>Read the proposal</Link>
      </p>
    </Section>
  );
}

type Seat = { userId: string; name: string; state: keyof typeof SEAT_LABELS; weightedScore: number | null };

export function AssessorScores({ proposalId, overview }: { proposalId: string; overview: AssessmentOverview }) {
  const seats: Seat[] = overview.panel.map((member) => {
    const cell = overview.completion.find((c) => c.proposalId === proposalId && c.assessorId === member.userId);
    return { userId: member.userId, name: member.name, state: cell?.state ?? "NOT_STARTED", weightedScore: cell?.weightedScore ?? null };
  });
  return (
    <Section title="Assessors' scores" id="scores">
      <Table<Seat>
        caption="Each assessor's score for this proposal"
        captionHidden
        rows={seats}
        rowKey={(seat) => seat.userId}
        empty={<p>Nobody is on the panel.</p>}
        columns={[
          { key: "assessor", header: "Assessor", rowHeader: true, cell: (seat) => seat.name },
          { key: "state", header: "Progress", cell: (seat) => <LabelledTag value={seat.state} labels={SEAT_LABELS} tones={SEAT_TONES} /> },
          {
            key: "score",
            header: "Weighted score",
            numeric: true,
            nowrap: true,
            cell: (seat) => (seat.weightedScore === null ? "None yet" : formatScore(seat.weightedScore)),
          },
        ]}
      />
    </Section>
  );
}

export function DecisionSection({
  proposal,
  ranked,
  today,
  returnPath,
}: {
  proposal: DecidingProposal;
  ranked: RankedProposal;
  /** yyyy-mm-dd in the UK, the first payment's default due date. */
  today: string;
  returnPath: string;
}) {
  return (
    <Section title="Decision" id="decision" className="max-w-2xl">
      {ranked.decision ? (
        <>
          <p>
            {DECISION_LABELS[ranked.decision.outcome]}
            {ranked.decision.awardedPence !== null ? `: ${formatPence(ranked.decision.awardedPence)} awarded` : ""}.
            {proposal.decision ? ` ${proposal.decision.reason}` : ""}
          </p>
          {proposal.decision ? (
            <p className="mt-2 text-slate-700">
              Decided by {proposal.decision.decidedBy.name} on {formatDateTime(proposal.decision.decidedAt)}.
            </p>
          ) : null}
        </>
      ) : !proposal.viewer.canDecide ? (
        <p>
          {proposal.status === "SUBMITTED"
            ? "The assessment of this proposal has not started yet."
            : proposal.status === "UNDER_ASSESSMENT"
              ? "You co-wrote this proposal, so another officer must decide it."
              : "This proposal is not awaiting a decision."}
        </p>
      ) : (
        <DecideForm
          proposalId={proposal.id}
          requestedPence={proposal.requestedPence}
          scoringComplete={ranked.complete}
          today={today}
          returnPath={returnPath}
        />
      )}
    </Section>
  );
}
