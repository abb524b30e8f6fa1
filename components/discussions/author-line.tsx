import { Separator, SectorTag } from "@/components/directory/sector-tag";
import type { SectorCode } from "@/lib/sectors";
import { TimeStamp } from "./time-stamp";

type Author = { name: string; organisation: { name: string; sector: SectorCode } | null };

/** Who wrote a post (name, organisation, sector) and when: cross-sector voices are the point. */
export function AuthorLine({ author, date, verb = "" }: { author: Author; date: Date; verb?: string }) {
  return (
    <p className="flex flex-wrap items-center gap-x-2 text-sm text-slate-700">
      <span>
        {verb ? `${verb} ` : ""}
        <span className="font-semibold text-slate-900">{author.name}</span>
      </span>
      <Separator />
      {author.organisation ? (
        <>
          <span>{author.organisation.name}</span>
          <Separator />
          <SectorTag sector={author.organisation.sector} />
        </>
      ) : (
        <SectorTag sector="INDIVIDUAL" />
      )}
      <Separator />
      <TimeStamp date={date} />
    </p>
  );
}
