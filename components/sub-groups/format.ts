import { SECTOR_SHORT_LABELS, type SectorCode } from "@/lib/sectors";
import { formatInstantDay } from "@/lib/uk-time";

/** @deprecated Use formatInstantDay from lib/uk-time: kept, in UK time, for pages still importing it. */
export const dateFormat = { format: (instant: Date) => formatInstantDay(instant) };

export const SECTOR_OR_INDIVIDUAL_LABELS: Record<SectorCode | "INDIVIDUAL", string> = {
  ...SECTOR_SHORT_LABELS,
  INDIVIDUAL: "Individual",
};

/** "Ann Smith (Carers Trust, Voluntary)": how a person is offered in pickers. */
export function personOption(person: {
  name: string;
  organisation: { name: string } | null;
  sector: SectorCode | "INDIVIDUAL";
}): string {
  return person.organisation
    ? `${person.name} (${person.organisation.name}, ${SECTOR_OR_INDIVIDUAL_LABELS[person.sector]})`
    : `${person.name} (${SECTOR_OR_INDIVIDUAL_LABELS[person.sector]})`;
}
