import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { MapGaps } from "@/components/map/map-gaps";
import { MapList } from "@/components/map/map-list";
import { MapSectorFilter } from "@/components/map/map-sector-filter";
import { MapTable } from "@/components/map/map-table";
import { PageHeader } from "@/components/ui/page-header";
import { directoryHref } from "@/lib/schemas/directory";
import { partnershipSlug } from "@/lib/schemas/partnership";
import { getApi } from "@/server/api/server-caller";
import { MAP_SECTORS, MAX_GAPS, type MapSector } from "@/server/domain/directory/partnership-map";
import { paths } from "@/lib/paths";
import { loadOr404, paramOr404, requireSignedIn } from "@/server/pages/load";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Partnership map" };

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function PartnershipMapPage({ params, searchParams }: Props) {
  const slug = paramOr404(partnershipSlug, (await params).slug);
  const here = paths.map(slug);
  await requireSignedIn(here);
  const api = await getApi();
  const map = await loadOr404(() => api.directory.map({ partnershipSlug: slug }), { here });
  const requested = (await searchParams).sector;
  const only = MAP_SECTORS.find((sector) => sector === requested) as MapSector | undefined;

  return (
    <>
      <PageHeader
        title="Partnership map"
        lead="Who takes part in each priority area and sub-group, from which locality and which sector, and where the gaps are."
      />

      <section aria-labelledby="how-to-read" className="max-w-prose">
        <h2 id="how-to-read" className="text-2xl font-semibold">
          How to read the map
        </h2>
        <p className="mt-2">
          Each row is a priority area, followed by its sub-groups. Each column is a locality; &ldquo;Whole
          area&rdquo; counts people who work across the whole partnership. A cell such as &ldquo;2 voluntary, 1
          public&rdquo; counts the members of that sub-group from that locality, by the sector of their organisation.
          People taking part on their own, such as local residents, count as individuals.
        </p>
        <p className="mt-2">
          A person&rsquo;s locality is the one they gave for this partnership, or else their organisation&rsquo;s. A
          priority area&rsquo;s row counts each person once, even if they are in several of its sub-groups.
        </p>
      </section>

      <section aria-labelledby="gaps" className="mt-10">
        <h2 id="gaps" className="text-2xl font-semibold">
          Gaps to fill
        </h2>
        <MapGaps gaps={map.gaps} totalGaps={map.totalGaps} />
        <details className="mt-4 max-w-prose">
          <summary className="cursor-pointer font-semibold text-brand-800 underline underline-offset-2">
            How gaps are found
          </summary>
          <ol className="mt-2 list-decimal space-y-1 pl-6">
            <li>A priority area whose sub-groups have no members at all.</li>
            <li>A priority area with no voluntary-sector, or no public-sector, member in any of its sub-groups.</li>
            <li>A sub-group with no members.</li>
            <li>A sub-group with no voluntary-sector, or no public-sector, member.</li>
            <li>A locality where organisations of the partnership work, but nobody from it is in any sub-group.</li>
            <li>Such a locality with nobody in any of a priority area&rsquo;s sub-groups.</li>
            <li>
              A sub-group with nobody of a sector from a locality where organisations of that sector take part.
            </li>
          </ol>
          <p className="mt-2">
            Gaps are listed in this order, which is their order of importance. A gap already covered by a more
            important one is not repeated. Up to {MAX_GAPS} are shown. Archived priority areas and sub-groups are
            left out.
          </p>
        </details>
      </section>

      <section aria-labelledby="who-is-where" className="mt-10">
        <h2 id="who-is-where" className="text-2xl font-semibold">
          Who is where
        </h2>
        {map.rows.length === 0 ? (
          <p className="mt-2">
            This partnership has no priority areas yet. <Link href={paths.priorities(slug)}>See priorities</Link>.
          </p>
        ) : (
          <>
            <div className="mt-3">
              <MapSectorFilter slug={slug} only={only} />
            </div>
            <div className="mt-6 hidden sm:block">
              <MapTable map={map} only={only} />
            </div>
            <div className="mt-6 sm:hidden">
              <MapList map={map} only={only} />
            </div>
          </>
        )}
        <p className="mt-6">
          <Link href={directoryHref(slug, only ? { sector: only } : {})}>
            Find people in the directory
          </Link>
        </p>
      </section>
    </>
  );
}
