import { formatPence } from "@/lib/money";

/**
 * Paid / committed-not-paid / available as one bar, with the figures as text beside it:
 * the bar is decoration, the text carries the meaning.
 */
export function MoneyBar({ totalPence, committedPence, paidPence, label }: { totalPence: number; committedPence: number; paidPence: number; label: string }) {
  const scale = Math.max(totalPence, committedPence, 1);
  const paid = (paidPence / scale) * 100;
  const committed = ((committedPence - paidPence) / scale) * 100;
  return (
    <figure className="mt-2">
      <div className="flex h-5 w-full overflow-hidden rounded-sm border border-slate-400 bg-white" aria-hidden="true">
        <div className="bg-brand-800" style={{ width: `${paid}%` }} />
        <div className="bg-brand-100 [background-image:repeating-linear-gradient(45deg,transparent,transparent_4px,rgba(11,81,72,.35)_4px,rgba(11,81,72,.35)_6px)]" style={{ width: `${committed}%` }} />
      </div>
      <figcaption className="mt-1 text-sm text-slate-700">
        <span className="sr-only">{label}: </span>
        {formatPence(paidPence)} paid, {formatPence(committedPence - paidPence)} committed not yet paid,{" "}
        {formatPence(Math.max(totalPence - committedPence, 0))} available
      </figcaption>
    </figure>
  );
}
