import { Table } from "@/components/ui/table";
import { paths } from "@/lib/paths";
import type { PersonalDataHeld } from "@/server/domain/personal-data/partnership-summary";

/** The administration page's summary of the personal data the partnership holds. */
export function PartnershipPersonalData({ rows }: { rows: readonly PersonalDataHeld[] }) {
  return (
    <>
      <Table
        caption="Personal data this partnership holds"
        captionHidden
        columns={[
          { key: "what", header: "What", cell: (row: PersonalDataHeld) => row.what, rowHeader: true },
          { key: "count", header: "How many", cell: (row: PersonalDataHeld) => row.count.toLocaleString("en-GB"), numeric: true },
          { key: "seen", header: "Who sees it", cell: (row: PersonalDataHeld) => row.seenBy },
        ]}
        rows={rows}
        rowKey={(row) => row.key}
      />
      <p className="mt-4 max-w-prose text-slate-700">
        The <a href={paths.privacyNotice()}>privacy notice</a> tells members what is held, why and for how long. Each member can download
        their own data and close their account on their account page; the member list above downloads as a spreadsheet. For a request
        that arrives by email, ask the organisation that runs this site (see the privacy notice).
      </p>
    </>
  );
}
