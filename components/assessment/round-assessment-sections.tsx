import { Link } from "@/components/ui/link";
import { AppointAssessorForm, RemoveAssessorButton, StartAssessmentButton } from "@/components/assessment/panel-controls";
import { ROUND_STATUS_LABELS, ROUND_STATUS_TONES } from "@/components/funding/award-state";
import { RoundNextStep } from "@/components/funding/round-next-step";
import { Section } from "@/components/ui/section";
import { LabelledTag, StatusTag, type Tone } from "@/components/ui/status-tag";
import { SummaryList } from "@/components/ui/summary-list";
import { Table } from "@/components/ui/table";
import { formatPence } from "@/lib/money";
import { paths } from "@/lib/paths";
import { formatDateTime } from "@/lib/uk-time";
import type { AssessmentOverview, Recusal, RankedProposal } from "@/server/domain/assessment/overview";

/** The parts of a round's assessment page: the round, its panel, who has scored, the ranking and recusals. */

/** Weighted scores are hundredths of a percent: 7350 is "73.5%". */
export const formatScore = (value: number | null) =>
  value === null ? "None yet" : `${(value / 100).toLocaleString("en-GB", { maximumFractionDigits: 2 })}%`;

const SEAT_LABELS = { NOT_STARTED: "Not started", DRAFT: "Draft", SUBMITTED: "Submitted", CONFLICT: "Conflict" } as const;
const SEAT_TONES: Readonly<Record<keyof typeof SEAT_LABELS, Tone>> = {
  NOT_STARTED: "neutral",
  DRAFT: "warning",
  SUBMITTED: "success",
  CONFLICT: "danger",
};
const DECISION_LABELS = { APPROVED: "Approved", DECLINED: "Declined" } as const;
const DECISION_TONES: Readonly<Record<keyof typeof DECISION_LABELS, Tone>> = { APPROVED: "success", DECLINED: "neutral" };
const CONFLICT_KIND_LABELS = {
  DECLARED: "Declared",
  PARTNER_ORGANISATION: "Detected: works for a proposal organisation",
  CO_AUTHOR: "Detected: co-author",
  SUB_GROUP_LEAD: "Detected: leads the sub-group",
} as const;

export function RoundFacts({ overview, canChangeRounds }: { overview: AssessmentOverview; canChangeRounds: boolean }) {
  const { round } = overview;
  const status = round.effectiveStatus;
  const closed = status === "CLOSED" || status === "DECIDED";
  return (
    <Section title="The round" id="round">
      <SummaryList
        rows={[
          { key: "Status", value: <LabelledTag value={status} labels={ROUND_STATUS_LABELS} tones={ROUND_STATUS_TONES} /> },
          { key: closed ? "Closed" : "Closes", value: formatDateTime(closed ? round.closedAt : round.closesAt) },
          { key: "Scale", value: `Each criterion is scored from 0 to ${round.scoreMax}` },
          {
            key: "Criteria",
            value: (
              <ul className="space-y-1">
                {round.criteria.map((criterion) => (
                  <li key={criterion.name}>
                    {criterion.name} ({criterion.weight}%)
                  </li>
                ))}
              </ul>
            ),
          },
        ]}
      />
      {canChangeRounds ? (
        <RoundNextStep round={{ ...round, status }} includeOpening={false} className="mt-4" />
      ) : null}
    </Section>
  );
}

export function PanelSection({
  overview,
  candidates,
}: {
  overview: AssessmentOverview;
  candidates: { userId: string; name: string; organisationName: string | null }[];
}) {
  const { round, panel } = overview;
  return (
    <Section title="Panel" id="panel">
      {panel.length === 0 ? <p>Nobody is on the panel yet.</p> : null}
      <ul className="space-y-3">
        {panel.map((member) => (
          <li key={member.userId} className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-slate-300 p-3">
            <span className="min-w-0">
              <span className="font-semibold">{member.name}</span>
              <span className="block text-sm text-slate-700">{member.organisationName ?? "No organisation"}</span>
            </span>
            <RemoveAssessorButton roundId={round.id} userId={member.userId} name={member.name} />
          </li>
        ))}
      </ul>
      <h3 className="mt-6 text-lg font-semibold">Appoint an assessor</h3>
      <AppointAssessorForm
        roundId={round.id}
        candidates={candidates.map((candidate) => ({
          userId: candidate.userId,
          label: candidate.organisationName ? `${candidate.name} (${candidate.organisationName})` : candidate.name,
        }))}
      />
      <div className="mt-6">
        <StartAssessmentButton roundId={round.id} awaitingCount={overview.awaitingStartCount} />
      </div>
    </Section>
  );
}

export function CompletionSection({ overview }: { overview: AssessmentOverview }) {
  const { proposals, panel, completion } = overview;
  const cell = (proposalId: string, assessorId: string) =>
    completion.find((c) => c.proposalId === proposalId && c.assessorId === assessorId);
  return (
    <Section
      title="Completion"
      id="completion"
      lead={`${overview.submittedCount} ${overview.submittedCount === 1 ? "assessment" : "assessments"} submitted.`}
    >
      {proposals.length === 0 || panel.length === 0 ? (
        <p>{proposals.length === 0 ? "No proposals have been submitted to this round yet." : "Appoint a panel to see who has scored."}</p>
      ) : (
        <Table<RankedProposal>
          caption="Each assessor's progress on each proposal"
          captionHidden
          rows={proposals}
          rowKey={(proposal) => proposal.id}
          columns={[
            { key: "proposal", header: "Proposal", rowHeader: true, cell: (proposal) => proposal.title },
            ...panel.map((member) => ({
              key: member.userId,
              header: member.name,
              cell: (proposal: RankedProposal) => {
                const seat = cell(proposal.id, member.userId);
                const state = seat?.state ?? "NOT_STARTED";
                return (
                  <>
                    <LabelledTag value={state} labels={SEAT_LABELS} tones={SEAT_TONES} />
                    {seat?.state === "SUBMITTED" && seat.weightedScore !== null ? (
                      <span className="block tabular-nums">{formatScore(seat.weightedScore)}</span>
                    ) : null}
                  </>
                );
              },
            })),
          ]}
        />
      )}
    </Section>
  );
}

export function RankingSection({ slug, overview }: { slug: string; overview: AssessmentOverview }) {
  const { round, fund, proposals } = overview;
  return (
    <Section title="Ranking" id="ranking" lead="Highest mean score first. Cumulative requested adds up what the undecided proposals ask for, down the ranking.">
      <p className="mb-4 text-lg font-semibold">
        {formatPence(fund.availablePence)} available in {fund.name}
      </p>
      <Table<RankedProposal>
        caption="Proposals ranked by mean weighted score"
        captionHidden
        rows={proposals}
        rowKey={(proposal) => proposal.id}
        empty={<p>Nothing to rank yet.</p>}
        columns={[
          { key: "rank", header: "Rank", numeric: true, nowrap: true, cell: (proposal) => proposal.rank },
          {
            key: "proposal",
            header: "Proposal",
            rowHeader: true,
            cell: (proposal) => (
              <div className="min-w-[12rem]">
                <Link href={paths.proposal(slug, proposal.id)}>{proposal.title}</Link>
                <span className="block text-sm font-normal text-slate-700">
                  {proposal.subGroupName}
                  {proposal.leadOrganisationName ? `, ${proposal.leadOrganisationName}` : ""}
                </span>
              </div>
            ),
          },
          { key: "mean", header: "Mean", numeric: true, nowrap: true, cell: (proposal) => formatScore(proposal.meanScore) },
          {
            key: "range",
            header: "Lowest to highest",
            numeric: true,
            cell: (proposal) =>
              proposal.minScore === null || proposal.maxScore === null
                ? "None yet"
                : `${formatScore(proposal.minScore)} to ${formatScore(proposal.maxScore)}`,
          },
          {
            key: "spread",
            header: "Spread",
            numeric: true,
            cell: (proposal) => (proposal.spread === null ? "Not enough scores" : formatScore(proposal.spread)),
          },
          {
            key: "scored",
            header: "Scored",
            nowrap: true,
            cell: (proposal) => (
              <>
                {proposal.scoredCount} of {proposal.expectedCount}
                {proposal.complete ? <span className="block text-sm text-slate-700">Complete</span> : null}
              </>
            ),
          },
          { key: "requested", header: "Requested", numeric: true, nowrap: true, cell: (proposal) => formatPence(proposal.requestedPence) },
          {
            key: "cumulative",
            header: "Cumulative requested",
            numeric: true,
            nowrap: true,
            cell: (proposal) => formatPence(proposal.cumulativeRequestedPence),
          },
          {
            key: "fits",
            header: "Fits in available money",
            cell: (proposal) => (proposal.decision ? "Decided" : proposal.fitsInAvailable ? "Yes" : "No"),
          },
          {
            key: "decision",
            header: "Decision",
            cell: (proposal) =>
              proposal.decision ? (
                <>
                  <LabelledTag value={proposal.decision.outcome} labels={DECISION_LABELS} tones={DECISION_TONES} />
                  {proposal.decision.awardedPence !== null ? (
                    <span className="block tabular-nums">{formatPence(proposal.decision.awardedPence)}</span>
                  ) : null}
                </>
              ) : proposal.status === "UNDER_ASSESSMENT" ? (
                <Link href={paths.decide(slug, round.id, proposal.id)}>
                  Decide<span className="sr-only"> on {proposal.title}</span>
                </Link>
              ) : (
                <StatusTag>Assessment not started</StatusTag>
              ),
          },
        ]}
      />
    </Section>
  );
}

export function RecusalSection({ recusals }: { recusals: Recusal[] }) {
  return (
    <Section
      title="Recusal register"
      id="recusals"
      lead="Conflicts of interest: those Tandem detected from where people work, and those assessors declared."
    >
      <Table<Recusal & { index: number }>
        caption="Recusal register"
        captionHidden
        rows={recusals.map((recusal, index) => ({ ...recusal, index }))}
        rowKey={(recusal) => `${recusal.proposalId}-${recusal.assessorId}-${recusal.index}`}
        empty={<p>No conflicts of interest recorded.</p>}
        columns={[
          { key: "proposal", header: "Proposal", rowHeader: true, cell: (recusal) => recusal.proposalTitle },
          { key: "assessor", header: "Assessor", cell: (recusal) => recusal.assessorName },
          { key: "kind", header: "Kind", cell: (recusal) => CONFLICT_KIND_LABELS[recusal.kind] },
          { key: "reason", header: "Reason", cell: (recusal) => recusal.reason },
          {
            key: "declared",
            header: "Declared",
            cell: (recusal) => (recusal.declaredAt ? formatDateTime(recusal.declaredAt, "short") : "Not applicable"),
          },
        ]}
      />
    </Section>
  );
}
