import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AwardChangeForm, PayTrancheForm } from "@/components/funding/award-actions";
import { AWARD_STATE_LABELS } from "@/components/funding/award-state";
import { PublishAwardButton } from "@/components/funding/publish-award-button";
import { SetUpProjectForm } from "@/components/projects/set-up-project-form";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { formatPence } from "@/lib/money";
import { formatDay } from "@/lib/uk-time";
import { paths } from "@/lib/paths";
import { getApi } from "@/server/api/server-caller";
import { AWARD_TRANSITIONS } from "@/server/domain/funding/award-lifecycle";
import { loadOr404 } from "@/server/pages/load";

export const metadata: Metadata = { title: "Award" };
export const dynamic = "force-dynamic";

/** "Waits for the update on period 2 (1 April 2026 to 30 June 2026, due 14 July 2026) to be accepted." */
function waitsForText(period: { sequence: number; startsOn: Date; endsOn: Date; dueOn: Date; accepted: boolean }): string {
  const span = `period ${period.sequence} (${formatDay(period.startsOn)} to ${formatDay(period.endsOn)}, update due ${formatDay(period.dueOn)})`;
  return period.accepted
    ? `Can be paid: the update on reporting ${span} has been accepted.`
    : `Waits for the update on reporting ${span} to be accepted.`;
}

export default async function AwardPage({ params }: { params: Promise<{ slug: string; fundId: string; awardId: string }> }) {
  const { slug, fundId, awardId } = await params;
  const api = await getApi();
  const fund = await loadOr404(() => api.funding.fund({ fundId }), { here: paths.award(slug, fundId, awardId) });
  const award = fund.awards.find((a) => a.id === awardId);
  if (!award) notFound();
  const { viewer } = fund;
  const canManageMoney = viewer.canManageMoney;
  const can = AWARD_TRANSITIONS[award.state];
  const canSetUp = viewer.canSetUpProjects && !award.projectId && award.state !== "COMPLETED" && award.state !== "WITHDRAWN";
  // Observers do not take part in projects, so they are not offered as its lead.
  const people = canSetUp
    ? (await api.membership.list({ partnershipSlug: slug })).members
        .filter((member) => member.takesPart)
        .map((member) => ({
          id: member.userId,
          label: member.organisation ? `${member.name} (${member.organisation.name})` : member.name,
        }))
    : [];

  return (
    <>
      <p className="mb-2">
        <Link href={paths.fund(slug, fund.id)}>Back to {fund.name}</Link>
      </p>
      <PageHeader
        title={award.projectName}
        lead={`${award.recipientName} · ${AWARD_STATE_LABELS[award.state]} · ${award.published ? "published to the partnership" : "not published"}`}
      >
        {canManageMoney ? (
          <div className="mt-4">
            <PublishAwardButton awardId={award.id} published={award.published} />
          </div>
        ) : null}
      </PageHeader>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3">
        {[
          ["Awarded", formatPence(award.awardedPence)],
          ["Paid", formatPence(award.paidPence)],
          ["Left to pay", formatPence(award.awardedPence - award.paidPence)],
        ].map(([label, value]) => (
          <div key={label} className="rounded-md bg-slate-50 p-3">
            <dt className="text-sm text-slate-700">{label}</dt>
            <dd className="text-xl font-semibold tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      {award.conditions ? (
        <section aria-labelledby="conditions" className="mt-6">
          <h2 id="conditions" className="text-xl font-semibold">Conditions</h2>
          <p className="mt-1 whitespace-pre-wrap">{award.conditions}</p>
        </section>
      ) : null}

      <section aria-labelledby="payments" className="mt-8">
        <h2 id="payments" className="text-2xl font-semibold">Payments</h2>
        <ol className="mt-3 space-y-4">
          {award.tranches.map((tranche) => (
            <li key={tranche.id} className="rounded-md border border-slate-300 p-4">
              <p className="font-semibold">
                Payment {tranche.sequence}: {formatPence(tranche.amountPence)}, due {formatDay(tranche.dueOn)}
              </p>
              {tranche.waitsFor && !tranche.paidOn ? (
                <p className="text-slate-700">{waitsForText(tranche.waitsFor)}</p>
              ) : tranche.waitsForReporting && !tranche.paidOn ? (
                <p className="text-slate-700">Waits for the project&apos;s progress update to be accepted.</p>
              ) : null}
              {tranche.paidOn ? (
                <p>
                  Paid on {formatDay(tranche.paidOn, "short")}, reference {tranche.reference}
                </p>
              ) : canManageMoney && can.PAY.allowed ? (
                <div className="mt-3">
                  <PayTrancheForm awardId={award.id} trancheId={tranche.id} sequence={tranche.sequence} />
                </div>
              ) : (
                <p>Not paid yet.</p>
              )}
            </li>
          ))}
        </ol>
      </section>

      {award.projectId ? (
        <section aria-labelledby="funded-project" className="mt-8">
          <h2 id="funded-project" className="text-2xl font-semibold">Funded project</h2>
          <p className="mt-3">
            <ButtonLink variant="secondary" href={paths.project(slug, award.projectId)}>
              Open the project
            </ButtonLink>
          </p>
        </section>
      ) : canSetUp ? (
        <section aria-labelledby="funded-project" className="mt-8">
          <h2 id="funded-project" className="text-2xl font-semibold">Funded project</h2>
          <p className="mt-1 max-w-prose text-slate-700">
            Set this award up as a project so its team can post progress updates. Its measures, activities and
            budget come from the proposal.
          </p>
          <div className="mt-4">
            <SetUpProjectForm
              slug={slug}
              awardId={award.id}
              people={people}
              tranches={award.tranches
                .filter((tranche) => !tranche.paidOn)
                .map((tranche) => ({ id: tranche.id, sequence: tranche.sequence, amountPence: tranche.amountPence, dueOn: tranche.dueOn }))}
            />
          </div>
        </section>
      ) : null}

      {canManageMoney ? (
        <section aria-labelledby="changes" className="mt-8">
          <h2 id="changes" className="text-2xl font-semibold">Change this award</h2>
          <div className="mt-3 grid gap-4 lg:grid-cols-2">
            {can.VARY.allowed ? <AwardChangeForm awardId={award.id} kind="vary" /> : null}
            {can.RETURN_UNDERSPEND.allowed ? <AwardChangeForm awardId={award.id} kind="return" /> : null}
            {can.COMPLETE.allowed ? <AwardChangeForm awardId={award.id} kind="complete" /> : null}
            {can.WITHDRAW.allowed ? <AwardChangeForm awardId={award.id} kind="withdraw" /> : null}
          </div>
        </section>
      ) : null}
    </>
  );
}
