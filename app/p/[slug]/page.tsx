import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { SectorMix } from "@/components/partnerships/sector-mix";
import { PageHeader } from "@/components/ui/page-header";
import { ORGANISATION_TYPE_LABELS, PARTNERSHIP_KIND_LABELS, ROLE_LABELS, SECTOR_SHORT_LABELS } from "@/lib/sectors";
import { partnershipSlug } from "@/lib/schemas/partnership";
import { getApi } from "@/server/api/server-caller";
import { getCurrentActor } from "@/server/auth/current-actor";
import { isNotFoundError } from "@/server/api/errors";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string }> };

async function loadOverview(slug: string) {
  const parsed = partnershipSlug.safeParse(slug);
  if (!parsed.success) notFound();
  const api = await getApi();
  try {
    return await api.partnership.overview({ partnershipSlug: parsed.data });
  } catch (error) {
    if (isNotFoundError(error)) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { slug } = await params;
  if (!(await getCurrentActor())) return { title: "Sign in" };
  const overview = await loadOverview(slug);
  return { title: overview.name };
}

export default async function PartnershipPage({ params }: Params) {
  const { slug } = await params;
  if (!(await getCurrentActor())) redirect(`/signin?callbackUrl=${encodeURIComponent(`/p/${slug}`)}`);
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
        {/* A scrollable region must be reachable by keyboard (WCAG 2.1.1). */}
        {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
        <div className="mt-3 overflow-x-auto" tabIndex={0} role="region" aria-labelledby="organisations">
          <table className="w-full min-w-[32rem] border-collapse text-left">
            <thead>
              <tr className="border-b-2 border-slate-700">
                <th scope="col" className="py-2 pr-4">
                  Organisation
                </th>
                <th scope="col" className="py-2 pr-4">
                  Sector
                </th>
                <th scope="col" className="py-2 pr-4">
                  Type
                </th>
                <th scope="col" className="py-2">
                  Locality
                </th>
              </tr>
            </thead>
            <tbody>
              {overview.organisations.map((organisation) => (
                <tr key={organisation.id} className="border-b border-slate-200">
                  <td className="py-2 pr-4">{organisation.name}</td>
                  <td className="py-2 pr-4">{SECTOR_SHORT_LABELS[organisation.sector]}</td>
                  <td className="py-2 pr-4">{ORGANISATION_TYPE_LABELS[organisation.type]}</td>
                  <td className="py-2">{organisation.locality ?? "Whole area"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
