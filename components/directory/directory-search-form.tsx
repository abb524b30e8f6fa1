import { Link } from "@/components/ui/link";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/form";
import { directoryHref, ORGANISATION_TYPES, type DirectorySearch } from "@/lib/schemas/directory";
import { ORGANISATION_TYPE_LABELS, SECTOR_LABELS, SECTORS } from "@/lib/sectors";
import { paths } from "@/lib/paths";

export type DirectoryFilterOptions = {
  localities: { id: string; name: string }[];
  priorityAreas: { id: string; title: string }[];
  interests: { tag: string; people: number }[];
};

/**
 * The directory's search: a plain GET form, so every search has an address that can be
 * shared or bookmarked, and it works before (or without) JavaScript.
 */
export function DirectorySearchForm({
  slug,
  search,
  options,
}: {
  slug: string;
  search: DirectorySearch;
  options: DirectoryFilterOptions;
}) {
  const people = search.view === "people";
  return (
    <form
      method="get"
      action={paths.directory(slug)}
      role="search"
      aria-label={people ? "Search for people" : "Search for organisations"}
      className="rounded-lg bg-slate-50 p-4"
    >
      {people ? null : <input type="hidden" name="view" value="organisations" />}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <TextField
          label="Search"
          name="q"
          type="search"
          defaultValue={search.q ?? ""}
          hint={people ? "Name, job title, organisation or interest" : "Name or what they do"}
          maxLength={100}
          className="sm:col-span-2 lg:col-span-3"
        />
        <SelectField label="Sector" name="sector" defaultValue={search.sector ?? ""}>
          <option value="">Any sector</option>
          {SECTORS.map((sector) => (
            <option key={sector} value={sector}>
              {SECTOR_LABELS[sector]}
            </option>
          ))}
          {people ? <option value="INDIVIDUAL">Individuals and local residents</option> : null}
        </SelectField>
        <SelectField label="Type of organisation" name="organisationType" defaultValue={search.organisationType ?? ""}>
          <option value="">Any type</option>
          {ORGANISATION_TYPES.map((type) => (
            <option key={type} value={type}>
              {ORGANISATION_TYPE_LABELS[type]}
            </option>
          ))}
        </SelectField>
        <SelectField label="Locality" name="localityId" defaultValue={search.localityId ?? ""}>
          <option value="">Any locality</option>
          {options.localities.map((locality) => (
            <option key={locality.id} value={locality.id}>
              {locality.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Priority area"
          name="priorityAreaId"
          defaultValue={search.priorityAreaId ?? ""}
          hint={people ? "People in one of its sub-groups" : "Organisations with people in its sub-groups"}
        >
          <option value="">Any priority area</option>
          {options.priorityAreas.map((area) => (
            <option key={area.id} value={area.id}>
              {area.title}
            </option>
          ))}
        </SelectField>
        {people ? (
          <>
            <TextField
              label="Interest"
              name="interest"
              defaultValue={search.interest ?? ""}
              hint="One interest, e.g. carers"
              list="directory-interests"
              maxLength={40}
              autoComplete="off"
            />
            <datalist id="directory-interests">
              {options.interests.map((interest) => (
                <option key={interest.tag} value={interest.tag} />
              ))}
            </datalist>
          </>
        ) : null}
      </div>
      <div className="mt-4 flex flex-wrap items-center gap-4">
        <Button type="submit" variant="primary">
          {people ? "Search people" : "Search organisations"}
        </Button>
        <Link href={directoryHref(slug, { view: search.view })}>Clear search</Link>
      </div>
    </form>
  );
}
