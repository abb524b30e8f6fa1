import { z } from "zod";
import { paths } from "@/lib/paths";
import { ORGANISATION_TYPE_LABELS, SECTORS } from "@/lib/sectors";
import { partnershipSlug } from "./partnership";
import { id, singleLine } from "./text";

/** How someone taking part without an organisation is described in the directory. */
export const INDIVIDUAL_LABEL = "Individual / local resident";

/** People and organisations per page of directory results. */
export const DIRECTORY_PAGE_SIZE = 25;


export const ORGANISATION_TYPES = Object.keys(ORGANISATION_TYPE_LABELS) as (keyof typeof ORGANISATION_TYPE_LABELS)[];

export const sectorFilter = z.enum(SECTORS, { error: "Choose a sector from the list" });
/** People may also be found as individuals (no organisation), e.g. local residents. */
export const personSectorFilter = z.enum([...SECTORS, "INDIVIDUAL"], { error: "Choose a sector from the list" });
export const organisationTypeFilter = z.enum(
  ORGANISATION_TYPES as [keyof typeof ORGANISATION_TYPE_LABELS, ...(keyof typeof ORGANISATION_TYPE_LABELS)[]],
  { error: "Choose a type of organisation from the list" },
);

/** Free-text search: matched, word by word (as English words, and as parts of names), against names, job titles, organisations and interests. */
export const directoryQuery = singleLine().max(100, "Search for 100 characters or fewer");
const interestFilter = singleLine().toLowerCase().min(1).max(40, "An interest is 40 characters or fewer");
const page = z.number().int().min(1).max(10_000);

export const directoryPeopleInput = z.object({
  partnershipSlug,
  q: directoryQuery.optional(),
  sector: personSectorFilter.optional(),
  organisationType: organisationTypeFilter.optional(),
  localityId: id.optional(),
  priorityAreaId: id.optional(),
  interest: interestFilter.optional(),
  page: page.default(1),
});
export type DirectoryPeopleInput = z.input<typeof directoryPeopleInput>;
export type DirectoryPeopleFilters = Omit<z.output<typeof directoryPeopleInput>, "partnershipSlug">;

export const directoryOrganisationsInput = z.object({
  partnershipSlug,
  q: directoryQuery.optional(),
  sector: sectorFilter.optional(),
  organisationType: organisationTypeFilter.optional(),
  localityId: id.optional(),
  priorityAreaId: id.optional(),
  page: page.default(1),
});
export type DirectoryOrganisationsInput = z.input<typeof directoryOrganisationsInput>;
export type DirectoryOrganisationsFilters = Omit<z.output<typeof directoryOrganisationsInput>, "partnershipSlug">;

export const directoryPersonInput = z.object({ partnershipSlug, userId: id });
export const directoryOrganisationInput = z.object({ partnershipSlug, organisationId: id });
export const setOrganisationVerifiedInput = z.object({
  partnershipSlug,
  organisationId: id,
  verified: z.boolean({ error: "Say whether the organisation is verified" }),
});
export type SetOrganisationVerifiedInput = z.infer<typeof setOrganisationVerifiedInput>;

/**
 * A registered number as typed (spaces dropped, letters in capitals), checked with the same
 * pattern as the database's CHECK on Organisation; left blank, the organisation has none.
 */
const registeredNumber = (pattern: RegExp, message: string) =>
  z
    .string()
    .max(40, message)
    .transform((value) => value.replace(/\s+/g, "").toUpperCase())
    .refine((value) => value === "" || pattern.test(value), message)
    .transform((value) => (value === "" ? null : value));

/** The patterns of the CHECK constraints in prisma/migrations/20261202150100_open_grants_identifiers. */
export const CHARITY_NUMBER = /^[0-9]{6,8}$/;
export const SCOTTISH_CHARITY_NUMBER = /^SC[0-9]{6}$/;
export const COMPANY_NUMBER = /^([0-9]{8}|(SC|NI|OC|SO|NC|R0|IP|SP|RS|CE|CS)[0-9]{6})$/;

export const setOrganisationNumbersInput = z.object({
  partnershipSlug,
  organisationId: id,
  charityNumber: registeredNumber(CHARITY_NUMBER, "Enter a charity number in England and Wales as 6 to 8 digits, like 1123456"),
  scottishCharityNumber: registeredNumber(SCOTTISH_CHARITY_NUMBER, "Enter a Scottish charity number as SC and 6 digits, like SC012345"),
  companyNumber: registeredNumber(
    COMPANY_NUMBER,
    "Enter a company number as 8 digits (with any leading zeros, like 01234567) or 2 letters and 6 digits (like SC123456)",
  ),
});
export type SetOrganisationNumbersInput = z.infer<typeof setOrganisationNumbersInput>;

export const DIRECTORY_VIEWS = ["people", "organisations"] as const;
export type DirectoryView = (typeof DIRECTORY_VIEWS)[number];

/** The directory's search, as it travels in a page address (every field optional). */
export type DirectorySearch = {
  view: DirectoryView;
  q?: string;
  sector?: z.infer<typeof personSectorFilter>;
  organisationType?: z.infer<typeof organisationTypeFilter>;
  localityId?: string;
  priorityAreaId?: string;
  interest?: string;
  page: number;
};

type RawParams = Record<string, string | string[] | undefined>;

function single(params: RawParams, key: string): string | undefined {
  const value = params[key];
  const text = Array.isArray(value) ? value[0] : value;
  return text === undefined || text.trim() === "" ? undefined : text;
}

function optional<T>(schema: z.ZodType<T>, value: string | undefined): T | undefined {
  if (value === undefined) return undefined;
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Reads the directory search from a page's query string (a GET form, so results can be
 * linked to and work without JavaScript). Values that do not fit are dropped, not errors:
 * an old or hand-edited link still shows a useful page.
 */
export function readDirectorySearch(params: RawParams): DirectorySearch {
  const view = single(params, "view") === "organisations" ? "organisations" : "people";
  const pageNumber = Number.parseInt(single(params, "page") ?? "1", 10);
  return {
    view,
    q: optional(directoryQuery, single(params, "q")),
    sector: optional(personSectorFilter, single(params, "sector")),
    organisationType: optional(organisationTypeFilter, single(params, "organisationType")),
    localityId: optional(id, single(params, "localityId")),
    priorityAreaId: optional(id, single(params, "priorityAreaId")),
    interest: optional(interestFilter, single(params, "interest")),
    page: Number.isFinite(pageNumber) && pageNumber >= 1 && pageNumber <= 10_000 ? pageNumber : 1,
  };
}

/** A link to the directory with these filters (empty ones left out). */
export function directoryHref(slug: string, search: Partial<DirectorySearch>): string {
  const params = new URLSearchParams();
  if (search.view === "organisations") params.set("view", "organisations");
  for (const key of ["q", "sector", "organisationType", "localityId", "priorityAreaId", "interest"] as const) {
    const value = search[key];
    if (value) params.set(key, value);
  }
  if (search.page && search.page > 1) params.set("page", String(search.page));
  return paths.directory(slug, Object.fromEntries(params));
}
