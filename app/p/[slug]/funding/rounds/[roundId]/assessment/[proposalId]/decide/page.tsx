import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DecideForm } from "@/components/assessment/decide-form";
import { PageHeader } from "@/components/ui/page-header";
import { formatPence } from "@/lib/money";
import { partnershipSlug } from "@/lib/schemas/partnership";
import { getApi } from "@/server/api/server-caller";

export const metadata: Metadata = { title: "Decide a proposal" };
export const dynamic = "force-dynamic";

/** Weighted scores are hundredths of a percent: 7350 is "73.5%". */
const score = (value: number | null) =>
  value === null ? "None yet" : `${(value / 100).toLocaleString("en-GB", { maximumFractionDigits: 2 })}%`;

const SEAT_LABELS = { NOT_STARTED: "Not started", DRAFT: "Draft, not submitted", SUBMITTED: "Submitted", CONFLICT: "Conflict of interest" } as const;
const DECISION_LABELS = { APPROVED: "Approved", DECLINED: "Declined" } as const;

/** yyyy-mm-dd in London, for the first payment's default due date. */
const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date());

export default async function DecideProposalPage({
  params,
}: {
  params: Promise<{ slug: string; roundId: string; proposalId: string }>;
}) {
  const { slug, roundId, proposalId } = await params;
  if (!partnershipSlug.safeParse(slug).success) notFound();
  const api = await getApi();
  const refused = (error: unknown) => {
    if (error instanceof TRPCError && ["NOT_FOUND", "FORBIDDEN", "UNAUTHORIZED", "BAD_REQUEST"].includes(error.code)) notFound();
    throw error;
  };
  const [proposal, overview] = await Promise.all([
    api.proposal.get({ proposalId }).catch(refused),
    api.assessment.overview({ roundId }).catch(refused),
  ]);
  const ranked = overview.proposals.find((candidate) => candidate.id === proposal.id);
  if (!proposal.round || proposal.round.id !== roundId || proposal.partnership.slug !== slug || !ranked) notFound();

  const roundPath = `/p/${slug}/funding/rounds/${roundId}/assessment`;
  const seats = overview.panel.map((member) => ({
    member,
    cell: overview.completion.find((c) => c.proposalId === proposal.id && c.assessorId === member.userId),
  }));

  return (
    <>
      <p className="mb-2">
        <Link href={roundPath}>Back to the assessment of {overview.round.title}</Link>
      </p>
      <PageHeader title={`Decide: ${proposal.title}`} lead={`${proposal.subGroup.name} · ${overview.round.title}`} />

      <section aria-labelledby="summary">
        <h2 id="summary" className="text-2xl font-semibold">
          Summary
        </h2>
        <dl className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {[
            ["Requested", formatPence(proposal.requestedPence)],
            ["Round award range", `${formatPence(proposal.round.minAwardPence)} to ${formatPence(proposal.round.maxAwardPence)}`],
            ["Mean score", score(ranked.meanScore)],
            ["Scored", `${ranked.scoredCount} of ${ranked.expectedCount} assessors`],
            ["Rank", `${ranked.rank} of ${overview.proposals.length}`],
            ["Available in the fund", `${formatPence(overview.fund.availablePence)} in ${overview.fund.name}`],
          ].map(([label, value]) => (
            <div key={label} className="rounded-md bg-slate-50 p-3">
              <dt className="text-sm text-slate-700">{label}</dt>
              <dd className="text-lg font-semibold tabular-nums">{value}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-3">
          <Link href={`/p/${slug}/proposals/${proposal.id}`}>Read the proposal</Link>
        </p>
      </section>

      <section aria-labelledby="scores" className="mt-10">
        <h2 id="scores" className="text-2xl font-semibold">
          Assessors&apos; scores
        </h2>
        {seats.length === 0 ? <p className="mt-2">Nobody is on the panel.</p> : null}
        <ul className="mt-3 space-y-2">
          {seats.map(({ member, cell }) => (
            <li key={member.userId} className="flex flex-wrap justify-between gap-x-4 border-b border-slate-200 py-2">
              <span className="font-semibold">{member.name}</span>
              <span>
                {SEAT_LABELS[cell?.state ?? "NOT_STARTED"]}
                {cell?.weightedScore != null ? `: ${score(cell.weightedScore)}` : ""}
              </span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="decision" className="mt-10 max-w-2xl">
        <h2 id="decision" className="mb-4 text-2xl font-semibold">
          Decision
        </h2>
        {ranked.decision ? (
          <p>
            {DECISION_LABELS[ranked.decision.outcome]}
            {ranked.decision.awardedPence !== null ? `: ${formatPence(ranked.decision.awardedPence)} awarded` : ""}.
            {proposal.decision ? ` ${proposal.decision.reason}` : ""}
          </p>
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
            today={today()}
            returnPath={roundPath}
          />
        )}
      </section>
    </>
  );
}
