import { Link } from "@/components/ui/link";
import { SECTOR_TAG_LABELS } from "@/components/directory/sector-tag";
import { Table, type Column } from "@/components/ui/table";
import type { MapAreaRow, MapSector, MapSubGroupRow, PartnershipMap } from "@/server/domain/directory/partnership-map";
import { CountsText } from "./counts-text";

/** One row of the map: a priority area, or one of its sub-groups just below it. */
type MapRow = { kind: "area"; area: MapAreaRow } | { kind: "sub-group"; area: MapAreaRow; group: MapSubGroupRow };

const countsOf = (row: MapRow) => (row.kind === "area" ? row.area : row.group);

/**
 * The map as a table (from a small tablet up): priority areas and their sub-groups down
 * the side, localities across the top. Scrolls sideways inside its own region, with the row
 * names kept in view.
 */
export function MapTable({ map, only }: { map: PartnershipMap; only?: MapSector }) {
  const rows: MapRow[] = map.rows.flatMap((area) => [
    { kind: "area" as const, area },
    ...area.subGroups.map((group) => ({ kind: "sub-group" as const, area, group })),
  ]);
  const columns: Column<MapRow>[] = [
    {
      key: "name",
      header: "Priority area or sub-group",
      rowHeader: true,
      className: "sticky left-0 min-w-44 bg-inherit",
      cell: (row) =>
        row.kind === "area" ? (
          <>
            {row.area.title}
            <span className="block text-xs font-normal text-slate-700">
              {row.area.subGroups.length === 0 ? "Priority area: no sub-group yet" : "Priority area: everyone in its sub-groups"}
            </span>
          </>
        ) : (
          <span className="block pl-4 font-normal">
            <Link href={row.group.href}>{row.group.name}</Link>
            <span className="sr-only"> (sub-group of {row.area.title})</span>
          </span>
        ),
    },
    ...map.columns.map(
      (column, index): Column<MapRow> => ({
        key: column.localityId ?? "whole-area",
        header: column.name,
        className: "min-w-28",
        cell: (row) => <CountsText counts={countsOf(row).cells[index]!} only={only} />,
      }),
    ),
    {
      key: "all",
      header: "All localities",
      className: "min-w-28 border-l border-slate-300 font-semibold",
      cell: (row) => <CountsText counts={countsOf(row).total} only={only} />,
    },
  ];
  return (
    <Table
      caption={`Members of each priority area and sub-group, by locality${only ? `: ${SECTOR_TAG_LABELS[only].toLowerCase()} members only` : ", by sector"}`}
      columns={columns}
      rows={rows}
      rowKey={(row) => (row.kind === "area" ? `area-${row.area.id}` : `group-${row.group.id}`)}
      rowClassName={(row) => (row.kind === "area" ? "border-t-2 border-t-slate-400 bg-slate-100" : "bg-white")}
      className="text-sm"
    />
  );
}
