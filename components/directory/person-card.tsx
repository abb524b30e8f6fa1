import { SUB_GROUP_ROLE_SUFFIX } from "@/lib/role-labels";
import { Link } from "@/components/ui/link";
import { directoryHref } from "@/lib/schemas/directory";
import type { DirectoryPersonCard } from "@/server/domain/directory/shared-profile";
import { SectorTag, Separator } from "./sector-tag";
import { paths } from "@/lib/paths";

export const displayName = (person: { name: string | null }) => person.name ?? "Name not given";

/**
 * One person as the directory shows them: only what they chose to share. With no
 * `slug` (the preview on the account page) nothing links anywhere.
 */
export function PersonCard({
  person,
  slug,
  headingLevel = 3,
  showLocality = true,
}: {
  person: DirectoryPersonCard;
  slug: string | null;
  headingLevel?: 2 | 3 | 4;
  showLocality?: boolean;
}) {
  const Heading = (`h${headingLevel}` as const) satisfies "h2" | "h3" | "h4";
  const { organisation } = person;
  return (
    <article className="h-full rounded-lg border border-slate-300 p-4">
      <Heading className="text-lg font-semibold break-words">
        {slug ? <Link href={paths.person(slug, person.userId)}>{displayName(person)}</Link> : displayName(person)}
      </Heading>
      {person.jobTitle ? <p className="break-words">{person.jobTitle}</p> : null}
      <p className="mt-1 flex flex-wrap items-center gap-x-2 text-slate-700">
        <span className="break-words">
          {organisation && slug && organisation.inPartnership ? (
            <Link href={paths.organisation(slug, organisation.id)}>{organisation.name}</Link>
          ) : (
            person.organisationLabel
          )}
          {/* Each separator ends its line rather than starting the next when the line wraps. */}
          <span className="ml-2">
            <Separator />
          </span>
        </span>
        <span>
          <SectorTag sector={organisation?.sector ?? "INDIVIDUAL"} />
          {showLocality ? (
            <span className="ml-2">
              <Separator />
            </span>
          ) : null}
        </span>
        {showLocality ? <span>{person.locality?.name ?? "Whole area"}</span> : null}
      </p>
      {person.bio ? <p className="mt-2 line-clamp-3 break-words">{person.bio}</p> : null}
      {person.interests.length > 0 ? (
        <div className="mt-2">
          <p className="sr-only">Interests:</p>
          <ul className="flex flex-wrap gap-2">
            {person.interests.map((tag) => (
              <li key={tag} className="rounded-full bg-brand-50 px-2.5 py-0.5 text-sm ring-1 ring-brand-700">
                {slug ? <Link href={directoryHref(slug, { interest: tag })}>{tag}</Link> : tag}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {person.subGroups.length > 0 ? (
        <p className="mt-2 text-sm">
          <span className="font-semibold">Sub-groups: </span>
          {person.subGroups.map((group, index) => (
            <span key={group.id}>
              {index > 0 ? ", " : ""}
              {group.name}
              {SUB_GROUP_ROLE_SUFFIX[group.role]}
            </span>
          ))}
        </p>
      ) : null}
      <ContactLines person={person} />
    </article>
  );
}

/** Email and phone, only when the person shares them. */
export function ContactLines({ person }: { person: Pick<DirectoryPersonCard, "email" | "phone"> }) {
  if (!person.email && !person.phone) return null;
  return (
    <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-2 text-sm">
      {person.email ? (
        <>
          <dt className="font-semibold">Email</dt>
          <dd className="break-all">
            <a href={`mailto:${person.email}`}>{person.email}</a>
          </dd>
        </>
      ) : null}
      {person.phone ? (
        <>
          <dt className="font-semibold">Phone</dt>
          <dd>
            <a href={`tel:${person.phone.replace(/[^+0-9]/g, "")}`}>{person.phone}</a>
          </dd>
        </>
      ) : null}
    </dl>
  );
}
