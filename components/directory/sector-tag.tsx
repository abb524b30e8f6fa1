import { SECTOR_SHORT_LABELS, type SectorCode } from "@/lib/sectors";

const DOT_CLASS: Record<SectorCode | "INDIVIDUAL", string> = {
  VOLUNTARY: "bg-sector-voluntary",
  PUBLIC: "bg-sector-public",
  PRIVATE: "bg-sector-private",
  COMMUNITY: "bg-sector-community",
  INDIVIDUAL: "bg-sector-individual",
};

export const SECTOR_TAG_LABELS: Record<SectorCode | "INDIVIDUAL", string> = {
  ...SECTOR_SHORT_LABELS,
  INDIVIDUAL: "Individual",
};

/** A sector named in words, with its colour as a decoration only. */
export function SectorTag({ sector }: { sector: SectorCode | "INDIVIDUAL" }) {
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap">
      <span aria-hidden="true" className={`inline-block h-2.5 w-2.5 rounded-full ${DOT_CLASS[sector]}`} />
      {SECTOR_TAG_LABELS[sector]}
    </span>
  );
}

export function sectorDotClass(sector: SectorCode | "INDIVIDUAL"): string {
  return DOT_CLASS[sector];
}

/** A dot between facts on a line; read as a comma by screen readers. */
export function Separator() {
  return (
    <>
      <span aria-hidden="true">·</span>
      <span className="sr-only">,</span>
    </>
  );
}
