import { SECTOR_SHORT_LABELS, type SectorCode } from "@/lib/sectors";

export const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric" });

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
