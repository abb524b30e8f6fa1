"use client";

import type { MembershipRole } from "@/server/db/generated/enums";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC, withApi } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { FormMessage } from "@/components/ui/form";
import { Table, type Column } from "@/components/ui/table";
import { paths } from "@/lib/paths";
import { MEMBERSHIP_ROLES } from "@/lib/schemas/partnership-admin";
import { ROLE_LABELS } from "@/lib/sectors";
import { ActionNotice, type Notice } from "./action-notice";
import { useAdminAction } from "./use-admin-action";

type Role = (typeof MEMBERSHIP_ROLES)[number];

export type MemberRowData = {
  membershipId: string;
  name: string;
  email: string;
  organisation: string | null;
  sector: string | null;
  role: Role;
  joined: { label: string; iso: string };
  isMe: boolean;
};

type RowContext = { slug: string; rolesThatAdminister: readonly MembershipRole[]; onNotice: (notice: Notice) => void };

/** Everyone in the partnership: officers change roles and remove people (after confirming). */
function MemberTable({
  slug,
  members,
  rolesThatAdminister,
}: {
  slug: string;
  members: MemberRowData[];
  rolesThatAdminister: readonly MembershipRole[];
}) {
  const [notice, setNotice] = useState<Notice>(null);
  const context: RowContext = { slug, rolesThatAdminister, onNotice: setNotice };
  const columns: Column<MemberRowData>[] = [
    {
      key: "name",
      header: "Name",
      rowHeader: true,
      cell: (member) => (
        <>
          {member.name}
          {member.isMe ? <span className="font-normal text-slate-700"> (you)</span> : null}
          <span className="block break-all text-sm font-normal text-slate-700">{member.email}</span>
        </>
      ),
    },
    {
      key: "organisation",
      header: "Organisation",
      cell: (member) => (
        <>
          {member.organisation ?? "Individual"}
          {member.sector ? <span className="block text-sm text-slate-700">{member.sector}</span> : null}
        </>
      ),
    },
    {
      key: "joined",
      header: "Joined",
      nowrap: true,
      cell: (member) => <time dateTime={member.joined.iso}>{member.joined.label}</time>,
    },
    // The role picker and its Save button stay side by side; the table scrolls rather than wrap them.
    { key: "role", header: "Role", nowrap: true, cell: (member) => <RoleForm member={member} {...context} /> },
    {
      key: "remove",
      header: <span className="sr-only">Remove</span>,
      nowrap: true,
      cell: (member) => <RemoveMember member={member} {...context} />,
    },
  ];
  return (
    <div className="space-y-4">
      <ActionNotice notice={notice} />
      <Table caption="Members of the partnership" captionHidden columns={columns} rows={members} rowKey={(member) => member.membershipId} />
    </div>
  );
}

function RoleForm({ member, slug, rolesThatAdminister, onNotice }: { member: MemberRowData } & RowContext) {
  const trpc = useTRPC();
  const router = useRouter();
  const changeRole = useMutation(trpc.membership.changeRole.mutationOptions());
  const action = useAdminAction(changeRole.mutateAsync);
  // The role picked but not saved yet; otherwise the select shows the saved role.
  const [draftRole, setDraftRole] = useState<Role | null>(null);
  const selectId = `role-${member.membershipId}`;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onNotice(null);
    const role = draftRole ?? member.role;
    // Stepping down as an officer ends access to this page: leave it rather than refresh it.
    const leavingAdministration = member.isMe && !rolesThatAdminister.includes(role);
    const result = await action.submit({ membershipId: member.membershipId, role }, { refresh: !leavingAdministration });
    if (!result) {
      setDraftRole(null); // refused: show the role they still have
      return;
    }
    if (leavingAdministration && result.changed) {
      router.push(paths.partnership(slug));
      return;
    }
    onNotice({
      tone: "success",
      text: result.changed
        ? `${member.name} is now ${ROLE_LABELS[result.role].toLowerCase()}. This applies from their next page.`
        : `${member.name} already has that role.`,
    });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-2">
      <div className="flex items-center gap-2">
        <label htmlFor={selectId} className="sr-only">
          Role of {member.name}
        </label>
        <select
          id={selectId}
          name="role"
          value={draftRole ?? member.role}
          onChange={(event) => setDraftRole(event.target.value as Role)}
          className="min-h-11 rounded-md border-2 border-slate-700 bg-white px-2 py-2"
        >
          {MEMBERSHIP_ROLES.map((role) => (
            <option key={role} value={role}>
              {ROLE_LABELS[role]}
            </option>
          ))}
        </select>
        <Button type="submit" variant="secondary" pending={action.pending} pendingLabel="Saving…">
          Save<span className="sr-only"> role of {member.name}</span>
        </Button>
      </div>
      {action.error ? (
        <div className="max-w-64 whitespace-normal">
          <FormMessage tone="error">{action.error}</FormMessage>
        </div>
      ) : null}
    </form>
  );
}

function RemoveMember({ member, onNotice }: { member: MemberRowData } & RowContext) {
  const trpc = useTRPC();
  const router = useRouter();
  const remove = useMutation(trpc.membership.remove.mutationOptions());
  const action = useAdminAction(remove.mutateAsync);
  const who = member.isMe ? "yourself" : member.name;

  async function onRemove() {
    onNotice(null);
    const result = await action.submit({ membershipId: member.membershipId }, { refresh: !member.isMe });
    if (!result) return;
    if (member.isMe) {
      router.push(paths.home());
      return;
    }
    onNotice({ tone: "success", text: `${member.name} was removed from the partnership.` });
  }

  return (
    // Its question and consequences wrap within the cell; the button beside the role stays on one line.
    <div className="max-w-64 space-y-2 whitespace-normal [&>button]:whitespace-nowrap">
      <ConfirmAction
        label={
          member.isMe ? (
            "Leave the partnership"
          ) : (
            <>
              Remove<span className="sr-only"> {member.name}</span>
            </>
          )
        }
        question={`Remove ${who} from the partnership?`}
        consequences={`${member.isMe ? "You" : "They"} will also leave its sub-groups. This cannot be undone, but ${member.isMe ? "you" : "they"} can be invited again.`}
        confirmLabel="Yes, remove"
        pending={action.pending}
        onConfirm={onRemove}
      />
      {action.error ? <FormMessage tone="error">{action.error}</FormMessage> : null}
    </div>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const MemberTableWithApi = withApi(MemberTable);
export { MemberTableWithApi as MemberTable };
