import { SECTORS } from "@/lib/sectors";
import type { Sector } from "@/server/db/generated/enums";

/** A person's sector is their organisation's; people without one take part as individuals. */
export type SectorOrIndividual = Sector | "INDIVIDUAL";
export type SectorMixCounts = Record<SectorOrIndividual, number>;

export function sectorOf(person: { organisation: { sector: Sector } | null }): SectorOrIndividual {
  return person.organisation?.sector ?? "INDIVIDUAL";
}

/** How many members come from each sector (every sector present, zero when nobody). */
export function sectorMix(people: readonly { organisation: { sector: Sector } | null }[]): SectorMixCounts {
  const counts = {
    ...(Object.fromEntries(SECTORS.map((sector) => [sector, 0])) as Record<Sector, number>),
    INDIVIDUAL: 0,
  };
  for (const person of people) counts[sectorOf(person)] += 1;
  return counts;
}

export const LEAD_PAIRING = {
  balanced: "balanced",
  needsVoluntary: "needs a voluntary-sector co-lead",
  needsPublic: "needs a public-sector co-lead",
  needsBoth: "needs voluntary- and public-sector co-leads",
} as const;
export type LeadPairing = (typeof LEAD_PAIRING)[keyof typeof LEAD_PAIRING];

/**
 * Sub-groups work best led by a voluntary + public pair. Says which side the leads are
 * missing, so the page can nudge towards a co-lead from the other sector.
 */
export function leadPairing(leadSectors: readonly SectorOrIndividual[]): LeadPairing {
  const voluntary = leadSectors.includes("VOLUNTARY");
  const publicSector = leadSectors.includes("PUBLIC");
  if (voluntary && publicSector) return LEAD_PAIRING.balanced;
  if (publicSector) return LEAD_PAIRING.needsVoluntary;
  if (voluntary) return LEAD_PAIRING.needsPublic;
  return LEAD_PAIRING.needsBoth;
}
