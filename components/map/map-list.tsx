import { Link } from "@/components/ui/link";
import type { MapCells, MapColumn, MapSector, PartnershipMap } from "@/server/domain/directory/partnership-map";
import { describeCounts } from "./counts-text";

function Breakdown({ row, columns, only }: { row: MapCells; columns: MapColumn[]; only?: MapSector }) {
  const present = columns
    .map((column, index) => ({ column, text: describeCounts(row.cells[index]!, only) }))
    .filter((entry) => entry.text !== "");
  const absent = columns.filter((column, index) => column.localityId && describeCounts(row.cells[index]!, only) === "");
  return (
    <>
      <p>
        <span className="font-semibold">In total: </span>
        {describeCounts(row.total, only) || "nobody"}
      </p>
      {present.length > 0 ? (
        <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
          {present.map(({ column, text }) => (
            <div key={column.localityId ?? "whole-area"} className="contents">
              <dt className="text-slate-700">{column.name}</dt>
              <dd>{text}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {absent.length > 0 && present.length > 0 ? (
        <p className="mt-1 text-slate-700">No one from {absent.map((column) => column.name).join(", ")}.</p>
      ) : null}
    </>
  );
}

/** The same map as a list, for narrow screens: one block per priority area and sub-group. */
export function MapList({ map, only }: { map: PartnershipMap; only?: MapSector }) {
  return (
    <div className="space-y-8">
      {map.rows.map((area) => (
        <div key={area.id}>
          <h3 className="text-xl font-semibold">{area.title}</h3>
          {area.subGroups.length === 0 ? (
            <p className="mt-1">No sub-group yet.</p>
          ) : (
            <>
              <div className="mt-1">
                <Breakdown row={area} columns={map.columns} only={only} />
              </div>
              <ul className="mt-3 space-y-4 border-l-4 border-slate-200 pl-4">
                {area.subGroups.map((group) => (
                  <li key={group.id}>
                    <h4 className="font-semibold">
                      <Link href={group.href}>{group.name}</Link>
                    </h4>
                    <Breakdown row={group} columns={map.columns} only={only} />
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      ))}
    </div>
  );
}
