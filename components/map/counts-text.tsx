import { sectorDotClass } from "@/components/directory/sector-tag";
import { MAP_SECTORS, type MapSector, type SectorCounts } from "@/server/domain/directory/partnership-map";

const WORD: Record<MapSector, [string, string]> = {
  VOLUNTARY: ["voluntary", "voluntary"],
  PUBLIC: ["public", "public"],
  PRIVATE: ["private", "private"],
  COMMUNITY: ["community", "community"],
  INDIVIDUAL: ["individual", "individuals"],
};

/** The counts as words, e.g. "2 voluntary, 1 public" ("" when there is nobody). */
export function describeCounts(counts: SectorCounts, only?: MapSector): string {
  return (only ? [only] : MAP_SECTORS)
    .filter((sector) => counts[sector] > 0)
    .map((sector) => `${counts[sector]} ${WORD[sector][counts[sector] === 1 ? 0 : 1]}`)
    .join(", ");
}

/**
 * A cell of the map, readable as text ("2 voluntary, 1 public"); the coloured dots only
 * repeat what the words say. Nobody reads as "None".
 */
export function CountsText({ counts, only }: { counts: SectorCounts; only?: MapSector }) {
  const sectors = (only ? [only] : MAP_SECTORS).filter((sector) => counts[sector] > 0);
  if (sectors.length === 0) {
    return (
      <>
        <span aria-hidden="true" className="text-slate-500">
          –
        </span>
        <span className="sr-only">None</span>
      </>
    );
  }
  return (
    <>
      {sectors.map((sector, index) => (
        <span key={sector} className="flex items-center gap-1.5 whitespace-nowrap">
          <span aria-hidden="true" className={`inline-block h-2 w-2 shrink-0 rounded-full ${sectorDotClass(sector)}`} />
          <span>
            {counts[sector]} {WORD[sector][counts[sector] === 1 ? 0 : 1]}
            {index < sectors.length - 1 ? <span className="sr-only">,</span> : null}
          </span>
        </span>
      ))}
    </>
  );
}
