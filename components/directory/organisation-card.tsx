import { Link } from "@/components/ui/link";
import { ORGANISATION_TYPE_LABELS, type SectorCode } from "@/lib/sectors";
import { SectorTag, Separator } from "./sector-tag";
import { VerifiedBadge } from "./verified-badge";
import { paths } from "@/lib/paths";

export type OrganisationSummary = {
  id: string;
  name: string;
  sector: SectorCode;
  type: keyof typeof ORGANISATION_TYPE_LABELS;
  description: string | null;
  locality: { id: string; name: string } | null;
  verified: boolean;
  peopleCount: number;
  subGroups: { id: string; name: string }[];
};

/** One organisation in the directory's list. */
export function OrganisationCard({ organisation, slug }: { organisation: OrganisationSummary; slug: string }) {
  return (
    <article className="h-full rounded-lg border border-slate-300 p-4">
      <h3 className="text-lg font-semibold break-words">
        <Link href={paths.organisation(slug, organisation.id)}>{organisation.name}</Link>
      </h3>
      {organisation.verified ? (
        <p className="mt-1">
          <VerifiedBadge />
        </p>
      ) : null}
      <p className="mt-1 flex flex-wrap items-center gap-x-2 text-slate-700">
        <SectorTag sector={organisation.sector} />
        <Separator />
        <span>{ORGANISATION_TYPE_LABELS[organisation.type]}</span>
        <Separator />
        <span>{organisation.locality?.name ?? "Whole area"}</span>
      </p>
      {organisation.description ? <p className="mt-2 line-clamp-2 break-words">{organisation.description}</p> : null}
      <p className="mt-2 text-sm">
        {organisation.peopleCount === 1 ? "1 person listed" : `${organisation.peopleCount} people listed`}
        {organisation.subGroups.length > 0 ? (
          <>
            {" · "}
            <span className="font-semibold">Sub-groups: </span>
            {organisation.subGroups.map((group) => group.name).join(", ")}
          </>
        ) : (
          " · Not in a sub-group yet"
        )}
      </p>
    </article>
  );
}
