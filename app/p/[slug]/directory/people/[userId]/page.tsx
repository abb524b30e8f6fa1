import { SUB_GROUP_ROLE_LABELS } from "@/lib/role-labels";
import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { ContactLines, displayName } from "@/components/directory/person-card";
import { SectorTag, Separator } from "@/components/directory/sector-tag";
import { VerifiedBadge } from "@/components/directory/verified-badge";
import { PageHeader } from "@/components/ui/page-header";
import { paths } from "@/lib/paths";
import { directoryHref, directoryPersonInput } from "@/lib/schemas/directory";
import { getApi } from "@/server/api/server-caller";
import { getCurrentActor } from "@/server/auth/current-actor";
import { loadOr404, paramOr404, requireSignedIn } from "@/server/pages/load";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; userId: string }> };

async function loadPerson(slug: string, userId: string) {
  const input = paramOr404(directoryPersonInput, { partnershipSlug: slug, userId });
  const api = await getApi();
  return loadOr404(() => api.directory.person(input), { here: paths.person(slug, userId) });
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, userId } = await params;
  if (!(await getCurrentActor())) return { title: "Sign in" };
  return { title: displayName(await loadPerson(slug, userId)) };
}

export default async function DirectoryPersonPage({ params }: Props) {
  const { slug, userId } = await params;
  await requireSignedIn(paths.person(slug, userId));
  const person = await loadPerson(slug, userId);
  const { organisation } = person;
  const name = displayName(person);

  return (
    <>
      <p className="mb-4">
        <Link href={paths.directory(slug)}>Back to the directory</Link>
      </p>
      <PageHeader title={name} lead={person.jobTitle ?? undefined}>
        <p className="mt-3 flex flex-wrap items-center gap-x-2 gap-y-1 text-slate-700">
          <span>
            {organisation && organisation.inPartnership ? (
              <Link href={paths.organisation(slug, organisation.id)}>{organisation.name}</Link>
            ) : (
              person.organisationLabel
            )}
            {/* Each separator ends its line rather than starting the next when the line wraps. */}
            {organisation?.verified ? (
              <span className="ml-2">
                <VerifiedBadge />
              </span>
            ) : null}
            <span className="ml-2">
              <Separator />
            </span>
          </span>
          <span>
            <SectorTag sector={organisation?.sector ?? "INDIVIDUAL"} />
            <span className="ml-2">
              <Separator />
            </span>
          </span>
          <span>{person.locality ? person.locality.name : "Whole area"}</span>
        </p>
      </PageHeader>

      <div className="grid gap-10 lg:grid-cols-2">
        <section aria-labelledby="about">
          <h2 id="about" className="text-2xl font-semibold">
            About
          </h2>
          <p className="mt-2 whitespace-pre-line break-words">
            {person.bio ?? `${name} has not written anything about themselves yet.`}
          </p>
          <h3 className="mt-6 text-xl font-semibold">Interests</h3>
          {person.interests.length === 0 ? (
            <p className="mt-2">No interests listed.</p>
          ) : (
            <ul className="mt-2 flex flex-wrap gap-2">
              {person.interests.map((tag) => (
                <li key={tag} className="rounded-full bg-brand-50 px-3 py-1 ring-1 ring-brand-700">
                  <Link href={directoryHref(slug, { interest: tag })}>
                    {tag}
                    <span className="sr-only">: find others interested in this</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="contact">
          <h2 id="contact" className="text-2xl font-semibold">
            Contact
          </h2>
          {person.email || person.phone ? (
            <ContactLines person={person} />
          ) : (
            <p className="mt-2">
              {name} has not shared an email address or phone number.
              {person.subGroups.length > 0 ? " You can reach them through a sub-group you share." : ""}
            </p>
          )}
        </section>
      </div>

      <section aria-labelledby="sub-groups" className="mt-10">
        <h2 id="sub-groups" className="text-2xl font-semibold">
          Sub-groups in this partnership
        </h2>
        {person.subGroups.length === 0 ? (
          <p className="mt-2">Not in a sub-group yet.</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-200 border-y border-slate-200">
            {person.subGroups.map((group) => (
              <li key={group.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-3">
                <span>
                  <Link href={paths.subGroup(slug, group.id)} className="font-semibold">
                    {group.name}
                  </Link>
                  <span className="block text-sm text-slate-700">{group.priorityArea.title}</span>
                </span>
                <span>{SUB_GROUP_ROLE_LABELS[group.role]}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
