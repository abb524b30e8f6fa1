import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/form";
import { SECTOR_LABELS, SECTORS } from "@/lib/sectors";
import type { MapSector } from "@/server/domain/directory/partnership-map";
import { paths } from "@/lib/paths";

/** Narrows the map's counts to one sector. A GET form: works without JavaScript, and the view has an address. */
export function MapSectorFilter({ slug, only }: { slug: string; only?: MapSector }) {
  return (
    <form method="get" action={paths.map(slug)} className="flex flex-wrap items-end gap-3">
      <SelectField label="Show members from" name="sector" defaultValue={only ?? ""} className="min-w-60">
        <option value="">Every sector</option>
        {SECTORS.map((sector) => (
          <option key={sector} value={sector}>
            {SECTOR_LABELS[sector]} only
          </option>
        ))}
        <option value="INDIVIDUAL">Individuals only</option>
      </SelectField>
      <Button type="submit" variant="secondary">
        Show
      </Button>
    </form>
  );
}
