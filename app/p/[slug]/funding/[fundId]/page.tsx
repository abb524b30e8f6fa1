import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AwardGrantForm } from "@/components/funding/award-grant-form";
import { AWARD_STATE_LABELS, dateFormat, ROUND_STATUS_LABELS } from "@/components/funding/award-state";
import { MoneyBar } from "@/components/funding/money-bar";
import { CreateRoundForm, RingFenceForm, RoundStatusButton } from "@/components/funding/round-and-fence-forms";
import { PageHeader } from "@/components/ui/page-header";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { formatPence } from "@/lib/money";
import { partnershipSlug } from "@/lib/schemas/partnership";
import { getApi } from "@/server/api/server-caller";

export const metadata: Metadata = { title: "Fund" };
export const dynamic = "force-dynamic";

const NEXT_STATUS = { DRAFT: ["OPEN", "Open the round"], OPEN: ["CLOSED", "Close the round now"], CLOSED: ["DECIDED", "Mark decisions final"] } as const;

export default async function FundPage({ params }: { params: Promise<{ slug: string; fundId: string }> }) {
  const { slug, fundId } = await params;
  if (!partnershipSlug.safeParse(slug).success) notFound();
  const api = await getApi();
  const refused = (error: unknown) => {
    if (error instanceof TRPCError && ["NOT_FOUND", "FORBIDDEN", "UNAUTHORIZED", "BAD_REQUEST"].includes(error.code)) notFound();
    throw error;
  };
  const fund = await api.funding.fund({ fundId }).catch(refused);
  const { viewer } = fund;
  const areaOptions = fund.priorityAreas.map((area) => ({ id: area.id, label: area.title }));
  const roundOptions = fund.rounds.filter((r) => r.status === "OPEN" || r.status === "CLOSED").map((r) => ({ id: r.id, label: r.title }));

  return (
    <>
      <p className="mb-2">
        <Link href={`/p/${slug}/funding`}>Back to funding</Link>
      </p>
      <PageHeader title={fund.name} lead={`${fund.source} · ${fund.financialYear}`} />

      <section aria-labelledby="balances">
        <h2 id="balances" className="text-2xl font-semibold">
          Balances
        </h2>
        <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
          {[
            ["Total", fund.totalPence],
            ["Committed", fund.committedPence],
            ["Paid", fund.paidPence],
            ["Available", fund.availablePence],
          ].map(([label, value]) => (
            <div key={label} className="rounded-md bg-slate-50 p-3">
              <dt className="text-sm text-slate-700">{label}</dt>
              <dd className="text-xl font-semibold tabular-nums">{formatPence(value as number)}</dd>
            </div>
          ))}
        </dl>
        <MoneyBar label="Whole fund" totalPence={fund.totalPence} committedPence={fund.committedPence} paidPence={fund.paidPence} />
        {viewer.canExport ? (
          <p className="mt-3 flex flex-wrap gap-4">
            <a href={`/p/${slug}/funding/${fund.id}/awards.csv`} download>
              Download awards (CSV)
            </a>
            <a href={`/p/${slug}/funding/${fund.id}/ledger.csv`} download>
              Download ledger (CSV)
            </a>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="by-area" className="mt-10">
        <h2 id="by-area" className="text-2xl font-semibold">
          By priority area
        </h2>
        <ScrollRegion label="Money by priority area" className="mt-3">
          <table className="w-full min-w-[36rem] border-collapse text-left">
            <caption className="sr-only">Money by priority area</caption>
            <thead>
              <tr className="border-b-2 border-slate-700">
                <th scope="col" className="py-2 pr-3">Priority area</th>
                <th scope="col" className="py-2 pr-3 text-right">Ring-fence</th>
                <th scope="col" className="py-2 pr-3 text-right">Committed</th>
                <th scope="col" className="py-2 pr-3 text-right">Paid</th>
                <th scope="col" className="py-2 pr-3 text-right">Awards</th>
                <th scope="col" className="w-1/4 py-2">
                  <span className="sr-only">Share of the fund</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {fund.byPriorityArea.map((area) => (
                <tr key={area.priorityAreaId ?? "none"} className="border-b border-slate-200">
                  <th scope="row" className="py-2 pr-3 font-normal">{area.title}</th>
                  <td className="py-2 pr-3 text-right tabular-nums">{area.ringFencePence === null ? "None" : formatPence(area.ringFencePence)}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{formatPence(area.committedPence)}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{formatPence(area.paidPence)}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{area.awards}</td>
                  <td className="py-2" aria-hidden="true">
                    <div className="flex h-4 overflow-hidden rounded-sm bg-slate-100">
                      <div className="bg-brand-800" style={{ width: `${(area.paidPence / fund.totalPence) * 100}%` }} />
                      <div className="bg-brand-100" style={{ width: `${((area.committedPence - area.paidPence) / fund.totalPence) * 100}%` }} />
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </section>

      <section aria-labelledby="rounds" className="mt-10">
        <h2 id="rounds" className="text-2xl font-semibold">
          Funding rounds
        </h2>
        {fund.rounds.length === 0 ? <p className="mt-2">No rounds yet.</p> : null}
        <ul className="mt-3 space-y-3">
          {fund.rounds.map((round) => {
            const committed = fund.byRound.find((r) => r.roundId === round.id);
            const next = round.status === "DECIDED" ? null : NEXT_STATUS[round.status];
            return (
              <li key={round.id} className="rounded-md border border-slate-300 p-4">
                <h3 className="text-lg font-semibold">{round.title}</h3>
                <p className="text-slate-700">
                  {ROUND_STATUS_LABELS[round.status]} · {dateFormat.format(round.opensAt)} to {dateFormat.format(round.closesAt)} · awards of{" "}
                  {formatPence(round.minAwardPence)} to {formatPence(round.maxAwardPence)}
                  {committed ? ` · ${formatPence(committed.committedPence)} awarded in ${committed.awards} grants` : ""}
                </p>
                {viewer.canChangeRounds && next ? (
                  <div className="mt-2">
                    <RoundStatusButton roundId={round.id} status={next[0]} label={next[1]} />
                  </div>
                ) : null}
                {viewer.canRunAssessment && round.status !== "DRAFT" ? (
                  <p className="mt-2">
                    <Link href={`/p/${slug}/funding/rounds/${round.id}/assessment`}>
                      Panel, scores and decisions<span className="sr-only"> for {round.title}</span>
                    </Link>
                  </p>
                ) : null}
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="awards" className="mt-10">
        <h2 id="awards" className="text-2xl font-semibold">
          Awards
        </h2>
        {fund.awards.length === 0 ? <p className="mt-2">No awards yet.</p> : null}
        <ScrollRegion label="Awards table" className="mt-3">
          <table className="w-full min-w-[36rem] border-collapse text-left">
            <thead>
              <tr className="border-b-2 border-slate-700">
                <th scope="col" className="py-2 pr-3">Project</th>
                <th scope="col" className="py-2 pr-3">Status</th>
                <th scope="col" className="py-2 pr-3 text-right">Awarded</th>
                <th scope="col" className="py-2 text-right">Paid</th>
              </tr>
            </thead>
            <tbody>
              {fund.awards.map((award) => (
                <tr key={award.id} className="border-b border-slate-200">
                  <th scope="row" className="py-2 pr-3 font-normal">
                    <Link href={`/p/${slug}/funding/${fund.id}/awards/${award.id}`}>{award.projectName}</Link>
                    <span className="block text-sm text-slate-700">
                      {award.recipientName}
                      {award.priorityArea ? ` · ${award.priorityArea}` : ""}
                    </span>
                  </th>
                  <td className="py-2 pr-3">
                    {AWARD_STATE_LABELS[award.state]}
                    {award.published ? <span className="block text-sm text-slate-700">Published</span> : null}
                  </td>
                  <td className="py-2 pr-3 text-right tabular-nums">{formatPence(award.awardedPence)}</td>
                  <td className="py-2 text-right tabular-nums">{formatPence(award.paidPence)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </section>

      {viewer.canManageMoney ? (
        <div className="mt-10 grid gap-10 lg:grid-cols-2">
          <section aria-labelledby="award-grant">
            <h2 id="award-grant" className="mb-4 text-2xl font-semibold">
              Award a grant
            </h2>
            <AwardGrantForm
              fundId={fund.id}
              rounds={roundOptions}
              priorityAreas={areaOptions}
              organisations={fund.organisations.map((o) => ({ id: o.id, label: o.name }))}
            />
          </section>
          <div className="space-y-10">
            <section aria-labelledby="new-round">
              <h2 id="new-round" className="mb-4 text-2xl font-semibold">
                Create a funding round
              </h2>
              <CreateRoundForm fundId={fund.id} priorityAreas={areaOptions} />
            </section>
            <section aria-labelledby="ring-fence">
              <h2 id="ring-fence" className="mb-4 text-2xl font-semibold">
                Ring-fence money for a priority area
              </h2>
              <RingFenceForm fundId={fund.id} priorityAreas={areaOptions} />
            </section>
          </div>
        </div>
      ) : null}
    </>
  );
}
