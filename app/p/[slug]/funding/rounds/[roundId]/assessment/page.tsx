import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AppointAssessorForm, RemoveAssessorButton, StartAssessmentButton } from "@/components/assessment/panel-controls";
import { dateFormat, ROUND_STATUS_LABELS } from "@/components/funding/award-state";
import { PageHeader } from "@/components/ui/page-header";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { formatPence } from "@/lib/money";
import { partnershipSlug } from "@/lib/schemas/partnership";
import { getApi } from "@/server/api/server-caller";

export const metadata: Metadata = { title: "Round assessment" };
export const dynamic = "force-dynamic";

/** Weighted scores are hundredths of a percent: 7350 is "73.5%". */
const score = (value: number | null) =>
  value === null ? "None yet" : `${(value / 100).toLocaleString("en-GB", { maximumFractionDigits: 2 })}%`;

const dateTimeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/London" });

const SEAT_LABELS = { NOT_STARTED: "Not started", DRAFT: "Draft", SUBMITTED: "Submitted", CONFLICT: "Conflict" } as const;
const DECISION_LABELS = { APPROVED: "Approved", DECLINED: "Declined" } as const;
const CONFLICT_KIND_LABELS = {
  DECLARED: "Declared",
  PARTNER_ORGANISATION: "Detected: works for a proposal organisation",
  CO_AUTHOR: "Detected: co-author",
  SUB_GROUP_LEAD: "Detected: leads the sub-group",
} as const;

export default async function RoundAssessmentPage({ params }: { params: Promise<{ slug: string; roundId: string }> }) {
  const { slug, roundId } = await params;
  if (!partnershipSlug.safeParse(slug).success) notFound();
  const api = await getApi();
  const refused = (error: unknown) => {
    if (error instanceof TRPCError && ["NOT_FOUND", "FORBIDDEN", "UNAUTHORIZED", "BAD_REQUEST"].includes(error.code)) notFound();
    throw error;
  };
  const [overview, candidates] = await Promise.all([
    api.assessment.overview({ roundId }).catch(refused),
    api.assessment.panelCandidates({ roundId }).catch(refused),
  ]);
  const { round, fund, panel, proposals, completion, recusals } = overview;
  const cell = (proposalId: string, assessorId: string) =>
    completion.find((c) => c.proposalId === proposalId && c.assessorId === assessorId);
  const decidePath = (proposalId: string) => `/p/${slug}/funding/rounds/${round.id}/assessment/${proposalId}/decide`;

  return (
    <>
      <p className="mb-2">
        <Link href={`/p/${slug}/funding/${fund.id}`}>Back to {fund.name}</Link>
      </p>
      <PageHeader
        title={`Assessment: ${round.title}`}
        lead={`${ROUND_STATUS_LABELS[round.effectiveStatus]} · closes ${dateFormat.format(round.closesAt)} · scored 0 to ${round.scoreMax} on ${round.criteria
          .map((criterion) => `${criterion.name} (${criterion.weight}%)`)
          .join(", ")}`}
      />

      <section aria-labelledby="panel">
        <h2 id="panel" className="text-2xl font-semibold">
          Panel
        </h2>
        {panel.length === 0 ? <p className="mt-2">Nobody is on the panel yet.</p> : null}
        <ul className="mt-3 space-y-3">
          {panel.map((member) => (
            <li key={member.userId} className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-slate-300 p-3">
              <span>
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
      </section>

      <section aria-labelledby="completion" className="mt-10">
        <h2 id="completion" className="text-2xl font-semibold">
          Completion
        </h2>
        <p className="mt-2 text-slate-700">
          {overview.submittedCount} {overview.submittedCount === 1 ? "assessment" : "assessments"} submitted.
        </p>
        {proposals.length === 0 || panel.length === 0 ? (
          <p className="mt-2">{proposals.length === 0 ? "No proposals have been submitted to this round yet." : "Appoint a panel to see who has scored."}</p>
        ) : (
          <ScrollRegion label="Completion by proposal and assessor" className="mt-3">
            <table className="w-full min-w-[36rem] border-collapse text-left">
              <caption className="sr-only">Each assessor&apos;s progress on each proposal</caption>
              <thead>
                <tr className="border-b-2 border-slate-700">
                  <th scope="col" className="py-2 pr-3">Proposal</th>
                  {panel.map((member) => (
                    <th key={member.userId} scope="col" className="py-2 pr-3">
                      {member.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {proposals.map((proposal) => (
                  <tr key={proposal.id} className="border-b border-slate-200">
                    <th scope="row" className="py-2 pr-3 font-normal">
                      {proposal.title}
                    </th>
                    {panel.map((member) => {
                      const seat = cell(proposal.id, member.userId);
                      return (
                        <td key={member.userId} className="py-2 pr-3">
                          {seat ? SEAT_LABELS[seat.state] : "Not started"}
                          {seat?.state === "SUBMITTED" && seat.weightedScore !== null ? ` ${score(seat.weightedScore)}` : ""}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>

      <section aria-labelledby="ranking" className="mt-10">
        <h2 id="ranking" className="text-2xl font-semibold">
          Ranking
        </h2>
        <p className="mt-2 text-lg font-semibold">
          {formatPence(fund.availablePence)} available in {fund.name}
        </p>
        <p className="text-slate-700">
          Highest mean score first. Cumulative requested adds up what the undecided proposals ask for, down the ranking.
        </p>
        {proposals.length === 0 ? (
          <p className="mt-2">Nothing to rank yet.</p>
        ) : (
          <ScrollRegion label="Ranking of proposals" className="mt-3">
            <table className="w-full min-w-[60rem] border-collapse text-left">
              <caption className="sr-only">Proposals ranked by mean weighted score</caption>
              <thead>
                <tr className="border-b-2 border-slate-700">
                  <th scope="col" className="py-2 pr-3">Rank</th>
                  <th scope="col" className="py-2 pr-3">Proposal</th>
                  <th scope="col" className="py-2 pr-3 text-right">Mean</th>
                  <th scope="col" className="py-2 pr-3 text-right">Min–max</th>
                  <th scope="col" className="py-2 pr-3 text-right">Spread</th>
                  <th scope="col" className="py-2 pr-3">Scored</th>
                  <th scope="col" className="py-2 pr-3 text-right">Requested</th>
                  <th scope="col" className="py-2 pr-3 text-right">Cumulative requested</th>
                  <th scope="col" className="py-2 pr-3">Fits in available money</th>
                  <th scope="col" className="py-2">Decision</th>
                </tr>
              </thead>
              <tbody>
                {proposals.map((proposal) => (
                  <tr key={proposal.id} className="border-b border-slate-200 align-top">
                    <td className="py-2 pr-3 tabular-nums">{proposal.rank}</td>
                    <th scope="row" className="py-2 pr-3 font-normal">
                      <Link href={`/p/${slug}/proposals/${proposal.id}`}>{proposal.title}</Link>
                      <span className="block text-sm text-slate-700">
                        {proposal.subGroupName}
                        {proposal.leadOrganisationName ? ` · ${proposal.leadOrganisationName}` : ""}
                      </span>
                    </th>
                    <td className="py-2 pr-3 text-right tabular-nums">{score(proposal.meanScore)}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">
                      {proposal.minScore === null || proposal.maxScore === null
                        ? "None yet"
                        : `${score(proposal.minScore)} to ${score(proposal.maxScore)}`}
                    </td>
                    <td className="py-2 pr-3 text-right tabular-nums">{proposal.spread === null ? "Not enough scores" : score(proposal.spread)}</td>
                    <td className="py-2 pr-3">
                      {proposal.scoredCount} of {proposal.expectedCount}
                      {proposal.complete ? <span className="block text-sm text-slate-700">Complete</span> : null}
                    </td>
                    <td className="py-2 pr-3 text-right tabular-nums">{formatPence(proposal.requestedPence)}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{formatPence(proposal.cumulativeRequestedPence)}</td>
                    <td className="py-2 pr-3">{proposal.decision ? "Decided" : proposal.fitsInAvailable ? "Yes" : "No"}</td>
                    <td className="py-2">
                      {proposal.decision ? (
                        <>
                          {DECISION_LABELS[proposal.decision.outcome]}
                          {proposal.decision.awardedPence !== null ? ` ${formatPence(proposal.decision.awardedPence)}` : ""}
                        </>
                      ) : proposal.status === "UNDER_ASSESSMENT" ? (
                        <Link href={decidePath(proposal.id)}>
                          Decide<span className="sr-only"> on {proposal.title}</span>
                        </Link>
                      ) : (
                        "Assessment not started"
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>

      <section aria-labelledby="recusals" className="mt-10">
        <h2 id="recusals" className="text-2xl font-semibold">
          Recusal register
        </h2>
        <p className="mt-2 text-slate-700">
          Conflicts of interest: those Tandem detected from where people work, and those assessors declared.
        </p>
        {recusals.length === 0 ? (
          <p className="mt-2">No conflicts of interest recorded.</p>
        ) : (
          <ScrollRegion label="Recusal register" className="mt-3">
            <table className="w-full min-w-[40rem] border-collapse text-left">
              <caption className="sr-only">Recusal register</caption>
              <thead>
                <tr className="border-b-2 border-slate-700">
                  <th scope="col" className="py-2 pr-3">Proposal</th>
                  <th scope="col" className="py-2 pr-3">Assessor</th>
                  <th scope="col" className="py-2 pr-3">Kind</th>
                  <th scope="col" className="py-2 pr-3">Reason</th>
                  <th scope="col" className="py-2">Declared at</th>
                </tr>
              </thead>
              <tbody>
                {recusals.map((recusal, index) => (
                  <tr key={`${recusal.proposalId}-${recusal.assessorId}-${index}`} className="border-b border-slate-200 align-top">
                    <th scope="row" className="py-2 pr-3 font-normal">
                      {recusal.proposalTitle}
                    </th>
                    <td className="py-2 pr-3">{recusal.assessorName}</td>
                    <td className="py-2 pr-3">{CONFLICT_KIND_LABELS[recusal.kind]}</td>
                    <td className="py-2 pr-3">{recusal.reason}</td>
                    <td className="py-2">{recusal.declaredAt ? dateTimeFormat.format(recusal.declaredAt) : "Not applicable"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </section>
    </>
  );
}

