import { Link } from "@/components/ui/link";
import { SectorTag } from "@/components/directory/sector-tag";
import { Table, type Column } from "@/components/ui/table";
import { SUB_GROUP_ROLE_LABELS } from "@/lib/schemas/sub-groups";
import { formatInstantDay } from "@/lib/uk-time";
import type { LoadedSubGroup } from "@/server/pages/sub-groups";
import { MemberActions } from "./member-actions";

type Member = LoadedSubGroup["members"][number];

/**
 * The sub-group's members, leads first. Its Actions column stays on one line and the table
 * scrolls inside its own region, so the last column is never cut off.
 */
export function MemberTable({ group, canManage }: { group: LoadedSubGroup; canManage: boolean }) {
  const columns: Column<Member>[] = [
    {
      key: "name",
      header: "Name",
      rowHeader: true,
      cell: (member) => (
        <>
          {member.profilePath ? <Link href={member.profilePath}>{member.name}</Link> : member.name}
          {member.isMe ? <span className="text-slate-700"> (you)</span> : null}
        </>
      ),
    },
    { key: "organisation", header: "Organisation", cell: (member) => member.organisation?.name ?? "Individual / local resident" },
    { key: "sector", header: "Sector", cell: (member) => <SectorTag sector={member.sector} /> },
    {
      key: "role",
      header: "Role",
      cell: (member) => <span className={member.isLead ? "font-semibold" : undefined}>{SUB_GROUP_ROLE_LABELS[member.role]}</span>,
    },
    { key: "joined", header: "Joined", nowrap: true, cell: (member) => formatInstantDay(member.joinedAt) },
  ];
  if (canManage) {
    columns.push({
      key: "actions",
      header: "Actions",
      nowrap: true,
      cell: (member) => (
        <MemberActions
          subGroupId={group.id}
          userId={member.userId}
          name={member.name}
          isLead={member.isLead}
          isOnlyLead={member.isOnlyLead}
          isMe={member.isMe}
        />
      ),
    });
  }
  return (
    <Table
      caption={`Members of ${group.name}, leads first`}
      captionHidden
      columns={columns}
      rows={group.members}
      rowKey={(member) => member.userId}
      empty={<p className="mt-2">Nobody has joined yet.</p>}
    />
  );
}
