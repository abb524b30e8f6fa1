import { ROLE_LABELS, SECTOR_LABELS } from "@/lib/sectors";
import type { Database } from "@/server/db/client";
import type { SpreadsheetTable } from "@/server/domain/exports/spreadsheet";
import { displayName } from "./administration";

/**
 * The partnership's member list for officers, as CSV and as .xlsx from one description: the
 * people on the administration page, in its order, with where they work and when they joined.
 * A member's locality is their own, or else their organisation's within this partnership.
 */
export async function memberListTable(db: Database, partnershipId: string): Promise<SpreadsheetTable> {
  const memberships = await db.membership.findMany({
    where: { partnershipId },
    orderBy: [{ user: { name: "asc" } }, { user: { email: "asc" } }],
    select: {
      role: true,
      createdAt: true,
      locality: { select: { name: true } },
      user: {
        select: {
          name: true,
          email: true,
          organisation: {
            select: {
              name: true,
              sector: true,
              partnerships: { where: { partnershipId }, select: { locality: { select: { name: true } } } },
            },
          },
        },
      },
    },
  });
  return {
    sheetName: "Members",
    columns: [
      { header: "Name", kind: "text" },
      { header: "Email", kind: "text" },
      { header: "Organisation", kind: "text" },
      { header: "Sector", kind: "text" },
      { header: "Role", kind: "text" },
      { header: "Locality", kind: "text" },
      { header: "Joined on", kind: "date" },
    ],
    rows: memberships.map((membership) => {
      const organisation = membership.user.organisation;
      return [
        displayName(membership.user),
        membership.user.email,
        organisation?.name ?? null,
        organisation ? SECTOR_LABELS[organisation.sector] : null,
        ROLE_LABELS[membership.role],
        membership.locality?.name ?? organisation?.partnerships[0]?.locality?.name ?? null,
        membership.createdAt,
      ];
    }),
  };
}
