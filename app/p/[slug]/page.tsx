import type { Metadata } from "next";
import { SectorMix } from "@/components/partnerships/sector-mix";
import { PageHeader } from "@/components/ui/page-header";
import { Table, type Column } from "@/components/ui/table";
import { paths } from "@/lib/paths";
import { ORGANISATION_TYPE_LABELS, PARTNERSHIP_KIND_LABELS, ROLE_LABELS, SECTOR_SHORT_LABELS } from "@/lib/sectors";
import { partnershipSlug } from "@/lib/schemas/partnership";
import { getApi } from "@/server/api/server-caller";
import { getCurrentActor } from "@/server/auth/current-actor";
import { loadOr404, paramOr404, requireSignedIn } from "@/server/pages/load";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string }> };

type OverviewOrganisation = Awaited<ReturnType<typeof loadOverview>>["organisations"][number];

const organisationColumns: Column<OverviewOrganisation>[] = [
  { key: "name", header: "Organisation", cell: (organisation) => organisation.name },
  { key: "sector", header: "Sector", cell: (organisation) => SECTOR_SHORT_LABELS[organisation.sector] },
  { key: "type", header: "Type", cell: (organisation) => ORGANISATION_TYPE_LABELS[organisation.type] },
  { key: "locality", header: "Locality", cell: (organisation) => organisation.locality ?? "Whole area" },
];

async function loadOverview(slug: string) {
  const valid = paramOr404(partnershipSlug, slug);
  const api = await getApi();
  return loadOr404(() => api.partnership.overview({ partnershipSlug: valid }), { here: paths.partnership(valid) });
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { slug } = await params;
  if (!(await getCurrentActor())) return { title: "Sign in" };
  const overview = await loadOverview(slug);
  return { title: overview.name };
}

export default async function PartnershipPage({ params }: Params) {
  const { slug } = await params;
  await requireSignedIn(paths.partnership(slug));
  const overview = await loadOverview(slug);

  return (
    <>
      <PageHeader title={overview.name} lead={overview.description}>
        <p className="mt-3 text-slate-700">
          {PARTNERSHIP_KIND_LABELS[overview.kind]}
          {overview.area ? ` · ${overview.area}` : ""} · Your role:{" "}
          <span className="font-semibold">{ROLE_LABELS[overview.myRole]}</span>
        </p>
      </PageHeader>

      {overview.welcomeText ? (
        <section aria-label="Welcome" className="mb-10 max-w-prose rounded-lg border-l-4 border-brand-800 bg-brand-50 p-5">
          <p className="whitespace-pre-line text-lg">{overview.welcomeText}</p>
        </section>
      ) : null}

      <div className="grid gap-10 lg:grid-cols-2">
        <section aria-labelledby="sector-mix">
          <h2 id="sector-mix" className="text-2xl font-semibold">
            Who takes part
          </h2>
          <p className="mt-1 text-slate-700">
            {overview.memberCount} {overview.memberCount === 1 ? "member" : "members"}, by the sector of their
            organisation.
          </p>
          <SectorMix counts={overview.membersBySector} caption="Members by sector" />
        </section>

        <section aria-labelledby="localities">
          <h2 id="localities" className="text-2xl font-semibold">
            Localities
          </h2>
          {overview.localities.length === 0 ? (
            <p className="mt-2 text-slate-700">This partnership covers one area with no separate localities.</p>
          ) : (
            <ul className="mt-3 columns-1 gap-6 sm:columns-2">
              {overview.localities.map((locality) => (
                <li key={locality.id} className="py-0.5">
                  {locality.name}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <section aria-labelledby="organisations" className="mt-10">
        <h2 id="organisations" className="text-2xl font-semibold">
          Organisations
        </h2>
        <Table
          className="mt-3"
          caption={`Organisations in ${overview.name}`}
          captionHidden
          columns={organisationColumns}
          rows={overview.organisations}
          rowKey={(organisation) => organisation.id}
          empty={<p className="mt-3">No organisations yet.</p>}
        />
      </section>
    </>
  );
}
