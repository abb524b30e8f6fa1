import { invitationEmail } from "@/lib/schemas/invitations";
import { ORGANISATION_TYPE_LABELS, SECTOR_SHORT_LABELS, SECTORS, SECTOR_LABELS, type SectorCode } from "@/lib/sectors";
import type { Database } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/client";
import type { OrganisationType } from "@/server/db/generated/enums";
import type { RawImportRow } from "./parse-file";

/**
 * A row of an import as previewed and stored with its batch: what will be created from it,
 * and its problems in words. A row with problems is never imported.
 */
export type ImportRow = {
  row: number;
  email: string;
  name: string;
  organisation: string | null;
  /** The organisation already in Tandem that the row names (matched without regard to case). */
  organisationId: string | null;
  /** Set when the organisation is new to Tandem and will be added. */
  newOrganisation: { sector: SectorCode; type: OrganisationType } | null;
  sector: SectorCode | null;
  role: "MEMBER" | "OBSERVER";
  localityId: string | null;
  locality: string | null;
  problems: string[];
};

export type ImportContext = {
  memberEmails: ReadonlySet<string>;
  invitedEmails: ReadonlySet<string>;
  /** Organisations by lower-case name. */
  organisations: ReadonlyMap<string, { id: string; name: string; sector: SectorCode }>;
  /** The partnership's localities by lower-case name. */
  localities: ReadonlyMap<string, { id: string; name: string }>;
};

const key = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, "");
const nameKey = (text: string) => text.trim().replace(/\s+/g, " ").toLowerCase();

const SECTOR_WORDS: Record<string, SectorCode> = Object.fromEntries([
  ...SECTORS.flatMap((code) => [
    [key(code), code],
    [key(SECTOR_LABELS[code]), code],
    [key(SECTOR_SHORT_LABELS[code]), code],
    [key(`${SECTOR_SHORT_LABELS[code]} sector`), code],
  ]),
  [key("third sector"), "VOLUNTARY"],
  [key("third"), "VOLUNTARY"],
  [key("VCSE"), "VOLUNTARY"],
  [key("statutory"), "PUBLIC"],
  [key("statutory sector"), "PUBLIC"],
  [key("community sector"), "COMMUNITY"],
  [key("private sector"), "PRIVATE"],
]) as Record<string, SectorCode>;

const ORGANISATION_TYPES = Object.keys(ORGANISATION_TYPE_LABELS) as OrganisationType[];
const TYPE_WORDS: Record<string, OrganisationType> = Object.fromEntries(
  ORGANISATION_TYPES.flatMap((code) => [
    [key(code), code],
    [key(ORGANISATION_TYPE_LABELS[code]), code],
  ]),
) as Record<string, OrganisationType>;

const SECTOR_LIST = "Voluntary, Public, Private or Community";
const TYPE_LIST = ORGANISATION_TYPES.map((code) => ORGANISATION_TYPE_LABELS[code]).join(", ");

/** Checks every row against the file and the partnership, and words each problem for the officer. */
export function checkImportRows(rows: readonly RawImportRow[], context: ImportContext): ImportRow[] {
  const firstRowOfEmail = new Map<string, number>();
  const newOrganisations = new Map<string, { row: number; sector: SectorCode }>();
  return rows.map((raw) => {
    const problems = [...raw.problems];
    let email = raw.email.toLowerCase();
    if (!raw.email) {
      problems.push("There is no email address.");
    } else {
      const parsed = invitationEmail.safeParse(raw.email);
      if (!parsed.success) problems.push(`"${raw.email}" is not an email address.`);
      else {
        email = parsed.data;
        const earlier = firstRowOfEmail.get(email);
        if (earlier !== undefined) problems.push(`The same email address as row ${earlier}.`);
        else firstRowOfEmail.set(email, raw.row);
        if (context.memberEmails.has(email)) problems.push("Already a member of this partnership.");
        else if (context.invitedEmails.has(email)) problems.push("Already has an open invitation: resend it from the administration page instead.");
      }
    }
    if (raw.name.length > 200) problems.push("The name is longer than 200 characters.");

    let role: ImportRow["role"] = "MEMBER";
    const roleKey = key(raw.role);
    if (roleKey === "observer") role = "OBSERVER";
    else if (roleKey === "officer" || roleKey === "chair") {
      problems.push(`${raw.role} cannot be imported: officers and chairs are invited one by one from the administration page.`);
    } else if (roleKey !== "" && roleKey !== "member") problems.push(`"${raw.role}" is not a role: use Member or Observer.`);

    let sector: SectorCode | null = null;
    if (raw.sector) {
      sector = SECTOR_WORDS[key(raw.sector)] ?? null;
      if (!sector) problems.push(`"${raw.sector}" is not a sector: use ${SECTOR_LIST}.`);
    }
    let type: OrganisationType | null = null;
    if (raw.organisationType) {
      type = TYPE_WORDS[key(raw.organisationType)] ?? null;
      if (!type) problems.push(`"${raw.organisationType}" is not an organisation type: use one of ${TYPE_LIST}.`);
    }

    let locality: ImportContext["localities"] extends ReadonlyMap<string, infer L> ? L | null : never = null;
    if (raw.locality) {
      locality = context.localities.get(nameKey(raw.locality)) ?? null;
      if (!locality) {
        const known = [...context.localities.values()].map((place) => place.name);
        problems.push(
          known.length
            ? `"${raw.locality}" is not one of this partnership's localities (${known.join(", ")}).`
            : `"${raw.locality}" is not a locality: this partnership has none yet (an officer adds them on the administration page).`,
        );
      }
    }

    let organisationId: string | null = null;
    let newOrganisation: ImportRow["newOrganisation"] = null;
    if (raw.organisation.length > 200) problems.push("The organisation's name is longer than 200 characters.");
    else if (raw.organisation) {
      const existing = context.organisations.get(nameKey(raw.organisation));
      if (existing) {
        organisationId = existing.id;
        sector = existing.sector;
      } else if (!raw.sector) {
        problems.push(`"${raw.organisation}" is not in Tandem yet: give its sector (${SECTOR_LIST}) so it can be added.`);
      } else if (sector) {
        const named = newOrganisations.get(nameKey(raw.organisation));
        if (named && named.sector !== sector) {
          problems.push(`Row ${named.row} gives "${raw.organisation}" the sector ${SECTOR_SHORT_LABELS[named.sector]}: use the same sector on every row.`);
        } else {
          if (!named) newOrganisations.set(nameKey(raw.organisation), { row: raw.row, sector });
          newOrganisation = { sector, type: type ?? "OTHER" };
        }
      }
    }

    return {
      row: raw.row,
      email,
      name: raw.name,
      organisation: raw.organisation || null,
      organisationId,
      newOrganisation,
      sector,
      role,
      localityId: locality?.id ?? null,
      locality: locality?.name ?? (raw.locality || null),
      problems,
    };
  });
}

/** What the rows are checked against: the partnership's members, open invitations and localities, and Tandem's organisations. */
export async function loadImportContext(
  db: Database | Prisma.TransactionClient,
  partnershipId: string,
  rows: readonly Pick<RawImportRow, "email" | "organisation">[],
): Promise<ImportContext> {
  const emails = [...new Set(rows.map((row) => row.email.toLowerCase()).filter(Boolean))];
  const organisationNames = [...new Set(rows.map((row) => nameKey(row.organisation)).filter(Boolean))];
  const [members, invitations, organisations, localities] = await Promise.all([
    db.user.findMany({
      where: { email: { in: emails, mode: "insensitive" }, memberships: { some: { partnershipId } } },
      select: { email: true },
    }),
    db.invitation.findMany({
      where: { partnershipId, email: { in: emails, mode: "insensitive" }, acceptedAt: null, revokedAt: null },
      select: { email: true },
    }),
    organisationNames.length
      ? db.organisation.findMany({
          where: { OR: organisationNames.map((name) => ({ name: { equals: name, mode: "insensitive" as const } })) },
          select: { id: true, name: true, sector: true, partnerships: { where: { partnershipId }, select: { partnershipId: true } } },
          orderBy: { createdAt: "asc" },
        })
      : Promise.resolve([]),
    db.locality.findMany({ where: { partnershipId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  const byName = new Map<string, { id: string; name: string; sector: SectorCode }>();
  // An organisation already in the partnership wins over a namesake elsewhere in Tandem.
  for (const organisation of [...organisations].sort((a, b) => b.partnerships.length - a.partnerships.length)) {
    const name = nameKey(organisation.name);
    if (!byName.has(name)) byName.set(name, { id: organisation.id, name: organisation.name, sector: organisation.sector });
  }
  return {
    memberEmails: new Set(members.map((member) => member.email.toLowerCase())),
    invitedEmails: new Set(invitations.map((invitation) => invitation.email.toLowerCase())),
    organisations: byName,
    localities: new Map(localities.map((place) => [nameKey(place.name), place])),
  };
}

export const organisationKey = nameKey;
