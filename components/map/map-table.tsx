import Link from "next/link";
import { SECTOR_TAG_LABELS } from "@/components/directory/sector-tag";
import type { MapCells, MapSector, PartnershipMap } from "@/server/domain/directory/partnership-map";
import { CountsText } from "./counts-text";

function Cells({ row, only }: { row: MapCells; only?: MapSector }) {
  return (
    <>
      {row.cells.map((cell, index) => (
        <td key={index} className="px-3 py-2 align-top">
          <CountsText counts={cell} only={only} />
        </td>
      ))}
      <td className="border-l border-slate-300 px-3 py-2 align-top font-semibold">
        <CountsText counts={row.total} only={only} />
      </td>
    </>
  );
}

/**
 * The map as a table (from a small tablet up): priority areas and their sub-groups down
 * the side, localities across the top. Scrolls sideways, with the row names kept in view.
 */
export function MapTable({ map, only }: { map: PartnershipMap; only?: MapSector }) {
  return (
    // A scrollable region must be reachable by keyboard (WCAG 2.1.1).
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-labelledby="map-table-caption">
      <table className="w-full border-collapse text-left text-sm">
        <caption id="map-table-caption" className="mb-2 text-left text-base text-slate-700">
          Members of each priority area and sub-group, by locality
          {only ? `: ${SECTOR_TAG_LABELS[only].toLowerCase()} members only` : ", by sector"}.
        </caption>
        <thead>
          <tr className="border-b-2 border-slate-700">
            <th scope="col" className="sticky left-0 min-w-44 bg-white px-3 py-2">
              Priority area or sub-group
            </th>
            {map.columns.map((column) => (
              <th key={column.localityId ?? "whole-area"} scope="col" className="min-w-28 px-3 py-2">
                {column.name}
              </th>
            ))}
            <th scope="col" className="min-w-28 border-l border-slate-300 px-3 py-2">
              All localities
            </th>
          </tr>
        </thead>
        {map.rows.map((area) => (
          <tbody key={area.id} className="border-b-2 border-slate-400">
            <tr className="bg-slate-100">
              <th scope="row" className="sticky left-0 bg-slate-100 px-3 py-2 align-top font-semibold">
                {area.title}
                <span className="block text-xs font-normal text-slate-700">Priority area: everyone in its sub-groups</span>
              </th>
              {area.subGroups.length === 0 ? (
                <td colSpan={map.columns.length + 1} className="px-3 py-2 text-slate-700">
                  No sub-group yet
                </td>
              ) : (
                <Cells row={area} only={only} />
              )}
            </tr>
            {area.subGroups.map((group) => (
              <tr key={group.id} className="border-t border-slate-200">
                <th scope="row" className="sticky left-0 bg-white py-2 pr-3 pl-6 align-top font-normal">
                  <Link href={group.href}>{group.name}</Link>
                  <span className="sr-only"> (sub-group of {area.title})</span>
                </th>
                <Cells row={group} only={only} />
              </tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
