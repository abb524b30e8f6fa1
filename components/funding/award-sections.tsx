import type { ReactNode } from "react";
import { AwardChangeForm, PayTrancheForm } from "@/components/funding/award-actions";
import { SetUpProjectForm } from "@/components/projects/set-up-project-form";
import { ButtonLink } from "@/components/ui/button";
import { Section } from "@/components/ui/section";
import { formatPence } from "@/lib/money";
import { paths } from "@/lib/paths";
import { formatDay } from "@/lib/uk-time";
import { AWARD_TRANSITIONS } from "@/server/domain/funding/award-lifecycle";
import type { FundView } from "./fund-sections";

/** The award page's parts: its money, conditions, payments, funded project and the officer's changes. */

type AwardView = FundView["awards"][number];
type Tranche = AwardView["tranches"][number];

/** "Waits for the update on period 2 (1 April 2026 to 30 June 2026, due 14 July 2026) to be accepted." */
function waitsForText(period: { sequence: number; startsOn: Date; endsOn: Date; dueOn: Date; accepted: boolean }): string {
  const span = `period ${period.sequence} (${formatDay(period.startsOn)} to ${formatDay(period.endsOn)}, update due ${formatDay(period.dueOn)})`;
  return period.accepted
    ? `Can be paid: the update on reporting ${span} has been accepted.`
    : `Waits for the update on reporting ${span} to be accepted.`;
}

export function AwardFigures({ award }: { award: AwardView }) {
  const figures = [
    ["Awarded", award.awardedPence],
    ["Paid", award.paidPence],
    ["Left to pay", award.awardedPence - award.paidPence],
  ] as const;
  return (
    <dl aria-label="The award's money" className="grid grid-cols-1 gap-3 min-[400px]:grid-cols-3">
      {figures.map(([label, value]) => (
        <div key={label} className="rounded-md bg-slate-50 p-3">
          <dt className="text-sm text-slate-700">{label}</dt>
          <dd className="text-xl font-semibold tabular-nums">{formatPence(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

export function AwardConditions({ conditions }: { conditions: string | null }) {
  if (!conditions) return null;
  return (
    <Section title="Conditions" id="conditions">
      <p className="max-w-prose whitespace-pre-wrap">{conditions}</p>
    </Section>
  );
}

function TrancheStatus({ award, tranche, canPay }: { award: AwardView; tranche: Tranche; canPay: boolean }): ReactNode {
  if (tranche.paidOn) {
    return (
      <p>
        Paid on {formatDay(tranche.paidOn, "short")}, reference {tranche.reference}
      </p>
    );
  }
  if (canPay) {
    return (
      <div className="mt-3">
        <PayTrancheForm awardId={award.id} trancheId={tranche.id} sequence={tranche.sequence} />
      </div>
    );
  }
  return <p>Not paid yet.</p>;
}

export function AwardPayments({ award, canManageMoney }: { award: AwardView; canManageMoney: boolean }) {
  const canPay = canManageMoney && AWARD_TRANSITIONS[award.state].PAY.allowed;
  return (
    <Section title="Payments" id="payments">
      <ol className="space-y-4">
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
            <TrancheStatus award={award} tranche={tranche} canPay={canPay} />
          </li>
        ))}
      </ol>
    </Section>
  );
}

export function AwardProject({
  slug,
  award,
  canSetUp,
  people,
}: {
  slug: string;
  award: AwardView;
  canSetUp: boolean;
  people: { id: string; label: string }[];
}) {
  if (award.projectId) {
    return (
      <Section title="Funded project" id="funded-project">
        <ButtonLink variant="secondary" href={paths.project(slug, award.projectId)}>
          Open the project
        </ButtonLink>
      </Section>
    );
  }
  if (!canSetUp) return null;
  return (
    <Section
      title="Funded project"
      id="funded-project"
     
      lead="Set this award up as a project so its team can post progress updates. Its measures, activities and budget come from the proposal."
    >
      <SetUpProjectForm
        slug={slug}
        awardId={award.id}
        people={people}
        tranches={award.tranches
          .filter((tranche) => !tranche.paidOn)
          .map((tranche) => ({ id: tranche.id, sequence: tranche.sequence, amountPence: tranche.amountPence, dueOn: tranche.dueOn }))}
      />
    </Section>
  );
}

export function AwardChanges({ award }: { award: AwardView }) {
  const can = AWARD_TRANSITIONS[award.state];
  const kinds = (
    [
      ["vary", can.VARY.allowed],
      ["return", can.RETURN_UNDERSPEND.allowed],
      ["complete", can.COMPLETE.allowed],
      ["withdraw", can.WITHDRAW.allowed],
    ] as const
  ).filter(([, allowed]) => allowed);
  if (kinds.length === 0) return null;
  return (
    <Section title="Change this award" id="changes">
      <div className="grid gap-4 lg:grid-cols-2">
        {kinds.map(([kind]) => (
          <AwardChangeForm key={kind} awardId={award.id} kind={kind} />
        ))}
      </div>
    </Section>
  );
}
