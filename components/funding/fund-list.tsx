import { Link } from "@/components/ui/link";
import { formatPence } from "@/lib/money";
import { paths } from "@/lib/paths";
import type { listFunds } from "@/server/domain/funding/dashboard";
import { countOf } from "./award-state";
import { MoneyBar } from "./money-bar";

type FundSummary = Awaited<ReturnType<typeof listFunds>>[number];

/** The partnership's funds as cards: what each holds, what is left, and how much is paid. */
export function FundList({ slug, funds }: { slug: string; funds: readonly FundSummary[] }) {
  if (funds.length === 0) return <p>No funds yet.</p>;
  return (
    <ul className="grid gap-4 sm:grid-cols-2" aria-label="Funds">
      {funds.map((fund) => (
        <li key={fund.id} className="min-w-0 rounded-lg border border-slate-300 p-5">
          <h2 className="text-xl font-semibold">
            <Link href={paths.fund(slug, fund.id)}>{fund.name}</Link>
          </h2>
          <p className="text-sm text-slate-700">
            {fund.source} · {fund.financialYear} · {countOf(fund.awardCount, "award")}
          </p>
          <dl className="mt-3 grid grid-cols-2 gap-2 text-sm">
            <div>
              <dt className="text-slate-700">Total</dt>
              <dd className="text-lg font-semibold tabular-nums">{formatPence(fund.totalPence)}</dd>
            </div>
            <div>
              <dt className="text-slate-700">Available</dt>
              <dd className="text-lg font-semibold tabular-nums">{formatPence(fund.availablePence)}</dd>
            </div>
          </dl>
          <MoneyBar label={fund.name} totalPence={fund.totalPence} committedPence={fund.committedPence} paidPence={fund.paidPence} />
        </li>
      ))}
    </ul>
  );
}
