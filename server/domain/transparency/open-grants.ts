import { toCsv, type CsvValue } from "@/lib/csv";
import { penceToDecimalString } from "@/lib/money";
import { absoluteUrl, paths } from "@/lib/paths";
import type { Database } from "@/server/db/client";
import type { Env } from "@/server/env";
import { AppError, notFound } from "@/server/errors";

/**
 * A partnership's grants as 360Giving open data (Data Standard 1.4): a JSON package and the
 * standard's spreadsheet layout. Published with the partnership's public page, from the same
 * rule: only published awards, and nothing personal. So a grant goes out only when its
 * recipient is an organisation (a grant to someone not recorded as an organisation might be to
 * a person), and its description is written from the facts, never from what people wrote.
 *
 * Identifiers: each grant is "<prefix>-<award id>" under the installation's registered
 * 360Giving prefix; organisations by their org-id.guide identifier where they have a
 * registered number (GB-CHC, GB-SC, GB-COH), otherwise under the prefix.
 */

export const THREE_SIXTY_GIVING_VERSION = "1.4";
/** Used in demo mode, where no prefix has been registered. */
export const DEMO_PREFIX = "360G-tandemdemo";
export const OPEN_DATA_LICENSE = "https://creativecommons.org/licenses/by/4.0/";

export type OrganisationIdentity = {
  id: string;
  name: string;
  charityNumber: string | null;
  scottishCharityNumber: string | null;
  companyNumber: string | null;
};

export type ThreeSixtyOrganization = { id: string; name: string; charityNumber?: string; companyNumber?: string };

export type ThreeSixtyGrant = {
  id: string;
  title: string;
  description: string;
  currency: "GBP";
  amountAwarded: number;
  awardDate: string;
  recipientOrganization: [ThreeSixtyOrganization];
  fundingOrganization: [ThreeSixtyOrganization];
  grantProgramme: [{ code: string; title: string }];
  plannedDates?: [{ startDate: string; endDate: string }];
  fromOpenCall: "Yes" | "No";
  dateModified: string;
  dataSource: string;
};

export type ThreeSixtyPackage = {
  version: string;
  title: string;
  description: string;
  issued: string;
  publisher: { name: string };
  license: string;
  grants: ThreeSixtyGrant[];
};

/** The installation's 360Giving prefix, or null when it has none (then nothing is published). */
export function openDataPrefix(env: Pick<Env, "TANDEM_360GIVING_PREFIX" | "TANDEM_DEMO_MODE">): string | null {
  return env.TANDEM_360GIVING_PREFIX ?? (env.TANDEM_DEMO_MODE ? DEMO_PREFIX : null);
}

/** The organisation's identifier in the org-id.guide scheme it is registered in, else one under the prefix. */
export function organisationIdentifier(organisation: Omit<OrganisationIdentity, "name">, prefix: string): string {
  if (organisation.charityNumber) return `GB-CHC-${organisation.charityNumber}`;
  if (organisation.scottishCharityNumber) return `GB-SC-${organisation.scottishCharityNumber}`;
  if (organisation.companyNumber) return `GB-COH-${organisation.companyNumber}`;
  return `${prefix}-org-${organisation.id}`;
}

function organization(organisation: OrganisationIdentity, prefix: string): ThreeSixtyOrganization {
  const charityNumber = organisation.charityNumber ?? organisation.scottishCharityNumber;
  return {
    id: organisationIdentifier(organisation, prefix),
    name: organisation.name,
    ...(charityNumber ? { charityNumber } : {}),
    ...(organisation.companyNumber ? { companyNumber: organisation.companyNumber } : {}),
  };
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const pounds = (pence: number) => Number(penceToDecimalString(pence));

export async function openGrantsPackage(db: Database, slug: string, options: { env: Env; origin: string; now?: Date }): Promise<ThreeSixtyPackage> {
  const prefix = openDataPrefix(options.env);
  const partnership = await db.partnership.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, publishesPortfolio: true } });
  // Unknown and unpublished partnerships answer alike, as the public page does.
  if (!partnership?.publishesPortfolio) throw notFound();
  if (!prefix) throw new AppError("NOT_FOUND", "This installation does not publish open grants data yet.");

  const awards = await db.award.findMany({
    where: { fund: { partnershipId: partnership.id }, publishedAt: { not: null }, status: { not: "WITHDRAWN" }, recipientOrganisationId: { not: null } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      projectName: true,
      awardedPence: true,
      roundId: true,
      createdAt: true,
      updatedAt: true,
      priorityArea: { select: { title: true } },
      recipientOrganisation: { select: { id: true, name: true, charityNumber: true, scottishCharityNumber: true, companyNumber: true } },
      fund: {
        select: {
          id: true,
          name: true,
          funderOrganisation: { select: { id: true, name: true, charityNumber: true, scottishCharityNumber: true, companyNumber: true } },
        },
      },
      project: { select: { name: true, startsOn: true, endsOn: true, updatedAt: true } },
    },
  });

  const dataSource = absoluteUrl(options.origin, paths.publicPage(partnership.slug));
  const partnershipAsFunder: ThreeSixtyOrganization = { id: `${prefix}-partnership-${partnership.slug}`, name: partnership.name };
  const grants = awards.flatMap((award): ThreeSixtyGrant[] => {
    const recipient = award.recipientOrganisation;
    if (!recipient) return [];
    const title = award.project?.name ?? award.projectName;
    const area = award.priorityArea ? ` for the priority area "${award.priorityArea.title}"` : "";
    const modified = [award.updatedAt, award.project?.updatedAt].filter((date): date is Date => Boolean(date));
    return [
      {
        id: `${prefix}-${award.id}`,
        title,
        description: `A test-and-learn project funded by ${partnership.name} from ${award.fund.name}${area}, awarded to ${recipient.name}.`,
        currency: "GBP",
        amountAwarded: pounds(award.awardedPence),
        awardDate: isoDay(award.createdAt),
        recipientOrganization: [organization(recipient, prefix)],
        fundingOrganization: [award.fund.funderOrganisation ? organization(award.fund.funderOrganisation, prefix) : partnershipAsFunder],
        grantProgramme: [{ code: `${prefix}-fund-${award.fund.id}`, title: award.fund.name }],
        ...(award.project?.startsOn && award.project.endsOn
          ? { plannedDates: [{ startDate: isoDay(award.project.startsOn), endDate: isoDay(award.project.endsOn) }] as [{ startDate: string; endDate: string }] }
          : {}),
        fromOpenCall: award.roundId ? "Yes" : "No",
        dateModified: new Date(Math.max(...modified.map((date) => date.getTime()))).toISOString(),
        dataSource,
      },
    ];
  });

  return {
    version: THREE_SIXTY_GIVING_VERSION,
    title: `Grants awarded by ${partnership.name}`,
    description: `Grants from ${partnership.name}'s partnership funds for test-and-learn projects, published with its public page on Tandem.`,
    issued: (options.now ?? new Date()).toISOString(),
    publisher: { name: partnership.name },
    license: OPEN_DATA_LICENSE,
    grants,
  };
}

/**
 * The standard's spreadsheet layout: one row per grant, columns titled as the standard's
 * schema titles them ("Recipient Org:Identifier"), amounts as numbers, dates in ISO 8601.
 */
export const OPEN_GRANTS_CSV_COLUMNS = [
  "Identifier",
  "Title",
  "Description",
  "Currency",
  "Amount Awarded",
  "Award Date",
  "Recipient Org:Identifier",
  "Recipient Org:Name",
  "Recipient Org:Charity Number",
  "Recipient Org:Company Number",
  "Funding Org:Identifier",
  "Funding Org:Name",
  "Grant Programme:Code",
  "Grant Programme:Title",
  "Planned Dates:Start Date",
  "Planned Dates:End Date",
  "From An Open Call?",
  "Last Modified",
  "Data Source",
] as const;

export function openGrantsCsv(data: ThreeSixtyPackage): string {
  const rows = data.grants.map((grant): CsvValue[] => {
    const [recipient] = grant.recipientOrganization;
    const [funder] = grant.fundingOrganization;
    const [programme] = grant.grantProgramme;
    const dates = grant.plannedDates?.[0];
    return [
      grant.id,
      grant.title,
      grant.description,
      grant.currency,
      grant.amountAwarded,
      grant.awardDate,
      recipient.id,
      recipient.name,
      recipient.charityNumber,
      recipient.companyNumber,
      funder.id,
      funder.name,
      programme.code,
      programme.title,
      dates?.startDate,
      dates?.endDate,
      grant.fromOpenCall,
      grant.dateModified,
      grant.dataSource,
    ];
  });
  return toCsv(OPEN_GRANTS_CSV_COLUMNS, rows);
}
