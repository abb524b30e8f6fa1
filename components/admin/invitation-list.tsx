"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { buttonClass } from "@/components/ui/button-styles";
import { FormMessage } from "@/components/ui/form";
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

type Notice = { tone: "error" | "success"; text: string } | null;

/** Invitations not yet accepted or withdrawn: resend a fresh link, or withdraw. */
export function InvitationList({ invitations }: { invitations: OpenInvitation[] }) {
  const [notice, setNotice] = useState<Notice>(null);
  return (
    <div className="space-y-4">
      {notice ? <FormMessage tone={notice.tone}>{notice.text}</FormMessage> : null}
      {invitations.length === 0 ? (
        <p className="text-slate-700">No open invitations.</p>
      ) : (
        // A scrollable region must be reachable by keyboard (WCAG 2.1.1).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-labelledby="invitations-caption">
          <table className="w-full min-w-[44rem] border-collapse text-left">
            <caption id="invitations-caption" className="sr-only">
              Open invitations
            </caption>
            <thead>
              <tr className="border-b-2 border-slate-700">
                <th scope="col" className="py-2 pr-4">
                  Email
                </th>
                <th scope="col" className="py-2 pr-4">
                  Role
                </th>
                <th scope="col" className="py-2 pr-4">
                  Invited by
                </th>
                <th scope="col" className="py-2 pr-4">
                  Link expires
                </th>
                <th scope="col" className="py-2 pr-4">
                  Sent
                </th>
                <th scope="col" className="py-2">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((invitation) => (
                <InvitationRow key={invitation.id} invitation={invitation} onNotice={setNotice} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function InvitationRow({ invitation, onNotice }: { invitation: OpenInvitation; onNotice: (notice: Notice) => void }) {
  const trpc = useTRPC();
  const resend = useMutation(trpc.invitation.resend.mutationOptions());
  const revoke = useMutation(trpc.invitation.revoke.mutationOptions());
  const resendAction = useAdminAction(resend.mutateAsync);
  const revokeAction = useAdminAction(revoke.mutateAsync);
  const pending = resendAction.pending || revokeAction.pending;
  const error = resendAction.error ?? revokeAction.error;

  return (
    <tr className="border-b border-slate-200 align-top">
      <th scope="row" className="break-all py-3 pr-4 font-normal">
        {invitation.email}
        {error ? (
          <div className="mt-2 break-normal">
            <FormMessage tone="error">{error}</FormMessage>
          </div>
        ) : null}
      </th>
      <td className="py-3 pr-4">{invitation.roleLabel}</td>
      <td className="py-3 pr-4">{invitation.invitedBy}</td>
      <td className="py-3 pr-4">
        {invitation.expired ? <strong className="block text-red-800">Expired</strong> : null}
        <time dateTime={invitation.expires.iso}>{invitation.expires.label}</time>
      </td>
      <td className="py-3 pr-4">
        {invitation.sendCount === 1 ? "Once" : `${invitation.sendCount} times`}
        <span className="block text-sm text-slate-700">
          last <time dateTime={invitation.lastSent.iso}>{invitation.lastSent.label}</time>
        </span>
      </td>
      <td className="py-3">
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            className={buttonClass.secondary}
            disabled={pending}
            onClick={async () => {
              onNotice(null);
              revokeAction.reset();
              if (await resendAction.submit({ invitationId: invitation.id })) {
                onNotice({ tone: "success", text: `A fresh link was sent to ${invitation.email}. The old link no longer works.` });
              }
            }}
          >
            {resendAction.pending ? "Sending…" : "Resend"}
            <span className="sr-only"> the invitation to {invitation.email}</span>
          </button>
          <button
            type="button"
            className={buttonClass.quiet}
            disabled={pending}
            onClick={async () => {
              onNotice(null);
              resendAction.reset();
              if (await revokeAction.submit({ invitationId: invitation.id })) {
                onNotice({ tone: "success", text: `The invitation to ${invitation.email} was withdrawn: its link no longer works.` });
              }
            }}
          >
            {revokeAction.pending ? "Withdrawing…" : "Withdraw"}
            <span className="sr-only"> the invitation to {invitation.email}</span>
          </button>
        </div>
      </td>
    </tr>
  );
}
