import { Link } from "@/components/ui/link";
import { PARTNERSHIP_KIND_LABELS, ROLE_LABELS } from "@/lib/sectors";
import { paths } from "@/lib/paths";

type Props = {
  partnership: {
    slug: string;
    name: string;
    kind: keyof typeof PARTNERSHIP_KIND_LABELS;
    area: string | null;
    myRole: keyof typeof ROLE_LABELS;
    memberCount: number;
    organisationCount: number;
    localityCount: number;
  };
};

export function PartnershipCard({ partnership }: Props) {
  return (
    <article className="h-full rounded-lg border border-slate-300 p-5 shadow-sm">
      <p className="text-sm text-slate-700">
        {PARTNERSHIP_KIND_LABELS[partnership.kind]}
        {partnership.area ? ` · ${partnership.area}` : ""}
      </p>
      <h2 className="mt-1 text-xl font-semibold">
        <Link href={paths.partnership(partnership.slug)}>{partnership.name}</Link>
      </h2>
      <p className="mt-2">
        <span className="inline-block rounded bg-brand-100 px-2 py-0.5 text-sm font-semibold text-brand-900">
          Your role: {ROLE_LABELS[partnership.myRole]}
        </span>
      </p>
      <dl className="mt-4 grid grid-cols-3 gap-2 text-center">
        {[
          ["Members", partnership.memberCount],
          ["Organisations", partnership.organisationCount],
          ["Localities", partnership.localityCount],
        ].map(([label, value]) => (
          <div key={label} className="rounded bg-slate-50 p-2">
            <dt className="text-xs text-slate-700">{label}</dt>
            <dd className="text-lg font-semibold">{value}</dd>
          </div>
        ))}
      </dl>
    </article>
  );
}
