import { Link } from "@/components/ui/link";
import { Section } from "@/components/ui/section";
import { StatusTag } from "@/components/ui/status-tag";
import { Table } from "@/components/ui/table";
import { formatPence } from "@/lib/money";
import { paths } from "@/lib/paths";
import type { LoadedProject } from "@/server/pages/projects";
import { moneyColumn, MoneyTotalRow } from "./money-columns";
import { InstantDay } from "./project-labels";

type Line = LoadedProject["budget"]["lines"][number];

/** Spend to date by budget line, as the latest submitted update reported it, with why any line is over. */
export function BudgetSection({ project }: { project: LoadedProject }) {
  const { budget } = project;
  return (
    <Section
      id="budget-heading"
      title="Budget"
      lead={budget.totalSpentPence === 0 ? "No spend has been reported yet." : "Spend to date as the most recent submitted update reported it."}
    >
      {budget.overAward ? (
        <p className="mb-3 max-w-prose rounded-md border-l-4 border-red-800 bg-red-50 p-3 font-semibold text-red-900">
          Reported spend is more than the award.
        </p>
      ) : null}
      <Table
        caption="Budget by line"
        captionHidden
        rows={budget.lines}
        rowKey={(line) => line.id}
        columns={[
          {
            key: "item",
            header: "Item",
            rowHeader: true,
            cell: (line) => (
              <>
                <span className="font-normal">{line.item}</span>
                {line.over ? (
                  <span className="ml-2">
                    <StatusTag tone="danger">Over budget</StatusTag>
                  </span>
                ) : null}
                {line.overspendReason ? (
                  <span className="mt-1 block text-sm font-normal whitespace-pre-line break-words text-slate-700">
                    Why: {line.overspendReason}
                  </span>
                ) : null}
              </>
            ),
          },
          moneyColumn<Line>("awarded", "Awarded", (line) => line.awardedPence),
          moneyColumn<Line>("spent", "Spent to date", (line) => line.spentPence),
          moneyColumn<Line>("remaining", "Remaining", (line) => line.remainingPence),
        ]}
        footer={<MoneyTotalRow amounts={[budget.totalAwardedPence, budget.totalSpentPence, budget.totalAwardedPence - budget.totalSpentPence]} />}
      />
    </Section>
  );
}

export function PaymentsSection({ slug, project }: { slug: string; project: LoadedProject }) {
  const { award, viewer } = project;
  return (
    <Section
      id="payments-heading"
      title="Payments"
      lead={`${formatPence(award.awardedPence)} awarded, ${formatPence(award.paidPence)} paid so far.`}
    >
      <Table
        caption="Payments from the award"
        captionHidden
        rows={award.tranches}
        rowKey={(tranche) => tranche.id}
        columns={[
          { key: "payment", header: "Payment", rowHeader: true, nowrap: true, cell: (tranche) => `Payment ${tranche.sequence}` },
          moneyColumn<LoadedProject["award"]["tranches"][number]>("amount", "Amount", (tranche) => tranche.amountPence),
          { key: "due", header: "Due", cell: (tranche) => <InstantDay at={tranche.dueOn} /> },
          {
            key: "status",
            header: "Status",
            cell: (tranche) =>
              tranche.paidAt ? (
                <>
                  Paid on <InstantDay at={tranche.paidAt} />
                </>
              ) : tranche.waitsFor && !tranche.waitsFor.accepted ? (
                `Waits for the period ${tranche.waitsFor.periodSequence} update to be accepted`
              ) : (
                "Ready to pay"
              ),
          },
        ]}
      />
      {viewer.canMakePayments ? (
        <p className="mt-3">
          <Link href={paths.award(slug, award.fundId, award.id)}>Make payments from the award page</Link>
        </p>
      ) : null}
    </Section>
  );
}
