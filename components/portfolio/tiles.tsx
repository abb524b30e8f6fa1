/** Summary tiles: a term and its figure. */
export function Tiles({ items }: { items: { label: string; value: string; note?: string }[] }) {
  return (
    <dl className="grid grid-cols-1 gap-3 min-[24rem]:grid-cols-2 md:grid-cols-3">
      {items.map((item) => (
        <div key={item.label} className="rounded-md bg-slate-50 p-3">
          <dt className="text-sm text-slate-700">{item.label}</dt>
          <dd className="text-xl font-semibold tabular-nums break-words">
            {item.value}
            {item.note ? <span className="block text-sm font-normal text-slate-700">{item.note}</span> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}
