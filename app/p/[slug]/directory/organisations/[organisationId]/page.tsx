import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";
import { OrganisationNumbersForm } from "@/components/directory/organisation-numbers-form";
import { PersonCard } from "@/components/directory/person-card";
import { SectorTag } from "@/components/directory/sector-tag";
import { VerifiedBadge } from "@/components/directory/verified-badge";
import { VerifyOrganisationButton } from "@/components/directory/verify-organisation-button";
import { PageHeader } from "@/components/ui/page-header";
import { paths } from "@/lib/paths";
import { directoryHref, directoryOrganisationInput } from "@/lib/schemas/directory";
import { ORGANISATION_TYPE_LABELS } from "@/lib/sectors";
import { formatInstantDay } from "@/lib/uk-time";
import { getApi } from "@/server/api/server-caller";
import { getCurrentActor } from "@/server/auth/current-actor";
import { loadOr404, paramOr404, requireSignedIn } from "@/server/pages/load";

export const dynamic = "force-dynamic";

/** The organisation's registered numbers, those it has. */
function registeredNumbers(organisation: { charityNumber: string | null; scottishCharityNumber: string | null; companyNumber: string | null }) {
  const rows: [string, ReactNode][] = [];
  if (organisation.charityNumber) rows.push(["Charity number (England and Wales)", organisation.charityNumber]);
  if (organisation.scottishCharityNumber) rows.push(["Scottish charity number", organisation.scottishCharityNumber]);
  if (organisation.companyNumber) rows.push(["Company number", organisation.companyNumber]);
  return rows;
}

type Props = { params: Promise<{ slug: string; organisationId: string }> };

async function loadOrganisation(slug: string, organisationId: string) {
  const input = paramOr404(directoryOrganisationInput, { partnershipSlug: slug, organisationId });
  const api = await getApi();
  return loadOr404(() => api.directory.organisation(input), { here: paths.organisation(slug, organisationId) });
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, organisationId } = await params;
  if (!(await getCurrentActor())) return { title: "Sign in" };
  return { title: (await loadOrganisation(slug, organisationId)).name };
}

export default async function DirectoryOrganisationPage({ params }: Props) {
  const { slug, organisationId } = await params;
  await requireSignedIn(paths.organisation(slug, organisationId));
  const organisation = await loadOrganisation(slug, organisationId);
  const facts: [string, ReactNode][] = [
    ["Sector", <SectorTag key="sector" sector={organisation.sector} />],
    ["Type", ORGANISATION_TYPE_LABELS[organisation.type]],
    ["Locality", organisation.locality?.name ?? "Whole area"],
    [
      "Website",
      organisation.website ? (
        <a key="website" href={organisation.website} rel="noopener noreferrer" className="break-all">
          {organisation.website}
        </a>
      ) : (
        "Not given"
      ),
    ],
    ...registeredNumbers(organisation),
    [
      "Verification",
      organisation.verifiedAt
        ? `Checked by an officer of this partnership on ${formatInstantDay(organisation.verifiedAt)}`
        : "Not yet checked by an officer",
    ],
  ];

  return (
    <>
      <p className="mb-4">
        <Link href={directoryHref(slug, { view: "organisations" })}>Back to organisations</Link>
      </p>
      <PageHeader title={organisation.name}>
        {organisation.verified ? (
          <p className="mt-3">
            <VerifiedBadge />
          </p>
        ) : null}
      </PageHeader>

      <div className="grid gap-10 lg:grid-cols-2">
        <section aria-labelledby="what-they-do">
          <h2 id="what-they-do" className="text-2xl font-semibold">
            What they do
          </h2>
          <p className="mt-2 whitespace-pre-line break-words">
            {organisation.description ?? "No description yet."}
          </p>
          <dl className="mt-4 divide-y divide-slate-200 border-y border-slate-200">
            {facts.map(([label, value]) => (
              <div key={label} className="grid gap-1 py-2 sm:grid-cols-3">
                <dt className="font-semibold">{label}</dt>
                <dd className="sm:col-span-2">{value}</dd>
              </div>
            ))}
          </dl>
        </section>

        <div className="space-y-10">
          <section aria-labelledby="sub-groups">
            <h2 id="sub-groups" className="text-2xl font-semibold">
              Sub-groups they take part in
            </h2>
            {organisation.subGroups.length === 0 ? (
              <p className="mt-2">No one from {organisation.name} is in a sub-group yet.</p>
            ) : (
              <ul className="mt-3 divide-y divide-slate-200 border-y border-slate-200">
                {organisation.subGroups.map((group) => (
                  <li key={group.id} className="py-2">
                    <Link href={paths.subGroup(slug, group.id)} className="font-semibold">
                      {group.name}
                    </Link>
                    <span className="block text-sm text-slate-700">
                      {group.priorityArea.title} ·{" "}
                      {group.peopleCount === 1 ? "1 person" : `${group.peopleCount} people`} from {organisation.name}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="projects">
            <h2 id="projects" className="text-2xl font-semibold">
              Projects
            </h2>
            {/* Funded projects will be listed here once proposals and projects exist. */}
            <p className="mt-2">No funded projects yet.</p>
          </section>

          <section aria-labelledby="other-partnerships">
            <h2 id="other-partnerships" className="text-2xl font-semibold">
              Also part of
            </h2>
            {organisation.otherPartnerships.length === 0 ? (
              <p className="mt-2">No other partnership on Tandem.</p>
            ) : (
              <ul className="mt-2 list-disc pl-6">
                {organisation.otherPartnerships.map((name) => (
                  <li key={name}>{name}</li>
                ))}
              </ul>
            )}
          </section>

          {organisation.viewerCanVerify ? (
            <section aria-labelledby="verification" className="rounded-lg border border-slate-300 p-4">
              <h2 id="verification" className="text-xl font-semibold">
                Verification (officers)
              </h2>
              <div className="mt-2">
                <VerifyOrganisationButton
                  slug={slug}
                  organisationId={organisation.id}
                  organisationName={organisation.name}
                  verified={organisation.verified}
                />
              </div>
            </section>
          ) : null}

          {organisation.viewerCanSetNumbers ? (
            <section aria-labelledby="registered-numbers" className="rounded-lg border border-slate-300 p-4">
              <h2 id="registered-numbers" className="text-xl font-semibold">
                Registered numbers (officers)
              </h2>
              <div className="mt-2">
                <OrganisationNumbersForm
                  slug={slug}
                  organisationId={organisation.id}
                  initial={{
                    charityNumber: organisation.charityNumber,
                    scottishCharityNumber: organisation.scottishCharityNumber,
                    companyNumber: organisation.companyNumber,
                  }}
                />
              </div>
            </section>
          ) : null}
        </div>
      </div>

      <section aria-labelledby="people" className="mt-10">
        <h2 id="people" className="text-2xl font-semibold">
          People
        </h2>
        <p className="mt-1 text-slate-700">
          {organisation.peopleTotal === 1
            ? `1 person from ${organisation.name} is listed in this partnership's directory.`
            : `${organisation.peopleTotal} people from ${organisation.name} are listed in this partnership's directory.`}
        </p>
        {organisation.people.length > 0 ? (
          <ul className="mt-4 grid gap-4 md:grid-cols-2">
            {organisation.people.map((person) => (
              <li key={person.userId}>
                <PersonCard person={person} slug={slug} />
              </li>
            ))}
          </ul>
        ) : null}
        {organisation.peopleTotal > organisation.people.length ? (
          <p className="mt-4">
            <Link href={directoryHref(slug, { q: organisation.name })}>See everyone from {organisation.name} in the directory</Link>
          </p>
        ) : null}
      </section>
    </>
  );
}
