"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC, withApi } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { FormMessage } from "@/components/ui/form";
import { StatusTag } from "@/components/ui/status-tag";
import { Table, type Column } from "@/components/ui/table";
import { ActionNotice, type Notice } from "./action-notice";
import { useAdminAction } from "./use-admin-action";

export type OpenInvitation = {
  id: string;
  email: string;
  roleLabel: string;
  invitedBy: string;
  expired: boolean;
  expires: { label: string; iso: string };
  lastSent: { label: string; iso: string };
  sendCount: number;
};

/** Invitations not yet accepted or withdrawn: resend a fresh link, or withdraw. */
function InvitationList({ invitations }: { invitations: OpenInvitation[] }) {
  const [notice, setNotice] = useState<Notice>(null);
  const columns: Column<OpenInvitation>[] = [
    { key: "email", header: "Email", rowHeader: true, className: "break-all", cell: (invitation) => invitation.email },
    { key: "role", header: "Role", cell: (invitation) => invitation.roleLabel },
    { key: "invitedBy", header: "Invited by", cell: (invitation) => invitation.invitedBy },
    {
      key: "expires",
      header: "Link expires",
      cell: (invitation) => (
        <>
          {invitation.expired ? (
            <span className="mb-1 block">
              <StatusTag tone="danger">Expired</StatusTag>
            </span>
          ) : null}
          <time dateTime={invitation.expires.iso}>{invitation.expires.label}</time>
        </>
      ),
    },
    {
      key: "sent",
      header: "Sent",
      cell: (invitation) => (
        <>
          {invitation.sendCount === 1 ? "Once" : `${invitation.sendCount} times`}
          <span className="block text-sm text-slate-700">
            last <time dateTime={invitation.lastSent.iso}>{invitation.lastSent.label}</time>
          </span>
        </>
      ),
    },
    {
      key: "actions",
      header: <span className="sr-only">Actions</span>,
      cell: (invitation) => <InvitationActions invitation={invitation} onNotice={setNotice} />,
    },
  ];
  return (
    <div className="space-y-4">
      <ActionNotice notice={notice} />
      <Table
        caption="Open invitations"
        captionHidden
        columns={columns}
        rows={invitations}
        rowKey={(invitation) => invitation.id}
        empty={<p className="text-slate-700">No open invitations.</p>}
      />
    </div>
  );
}

function InvitationActions({ invitation, onNotice }: { invitation: OpenInvitation; onNotice: (notice: Notice) => void }) {
  const trpc = useTRPC();
  const resend = useMutation(trpc.invitation.resend.mutationOptions());
  const revoke = useMutation(trpc.invitation.revoke.mutationOptions());
  const resendAction = useAdminAction(resend.mutateAsync);
  const revokeAction = useAdminAction(revoke.mutateAsync);
  const pending = resendAction.pending || revokeAction.pending;
  const error = resendAction.error ?? revokeAction.error;

  return (
    <div className="min-w-48 space-y-2">
      <Button
        variant="secondary"
        disabled={pending}
        pending={resendAction.pending}
        pendingLabel="Sending…"
        onClick={async () => {
          onNotice(null);
          revokeAction.reset();
          if (await resendAction.submit({ invitationId: invitation.id })) {
            onNotice({ tone: "success", text: `A fresh link was sent to ${invitation.email}. The old link no longer works.` });
          }
        }}
      >
        Resend<span className="sr-only"> the invitation to {invitation.email}</span>
      </Button>
      <ConfirmAction
        label="Withdraw"
        question={`Withdraw the invitation to ${invitation.email}?`}
        consequences="Its link stops working at once. You can invite them again later."
        confirmLabel="Yes, withdraw it"
        triggerVariant="quiet"
        disabled={pending}
        pending={revokeAction.pending}
        onConfirm={async () => {
          onNotice(null);
          resendAction.reset();
          if (await revokeAction.submit({ invitationId: invitation.id })) {
            onNotice({ tone: "success", text: `The invitation to ${invitation.email} was withdrawn: its link no longer works.` });
          }
        }}
      />
      {error ? <FormMessage tone="error">{error}</FormMessage> : null}
    </div>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const InvitationListWithApi = withApi(InvitationList);
export { InvitationListWithApi as InvitationList };
