"use client";

import type { MembershipRole } from "@/server/db/generated/enums";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTRPC } from "@/components/providers/trpc-provider";
import { buttonClass } from "@/components/ui/button-styles";
import { FormMessage } from "@/components/ui/form";
import { MEMBERSHIP_ROLES } from "@/lib/schemas/partnership-admin";
import { ROLE_LABELS } from "@/lib/sectors";
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

type Notice = { tone: "error" | "success"; text: string } | null;

/** Everyone in the partnership: officers change roles and remove people (after confirming). */
export function MemberTable({
  slug,
  members,
  rolesThatAdminister,
}: {
  slug: string;
  members: MemberRowData[];
  rolesThatAdminister: readonly MembershipRole[];
}) {
  const [notice, setNotice] = useState<Notice>(null);
  return (
    <div className="space-y-4">
      {notice ? <FormMessage tone={notice.tone}>{notice.text}</FormMessage> : null}
      {/* A scrollable region must be reachable by keyboard (WCAG 2.1.1). */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-labelledby="members-caption">
        <table className="w-full min-w-[44rem] border-collapse text-left">
          <caption id="members-caption" className="sr-only">
            Members of the partnership
          </caption>
          <thead>
            <tr className="border-b-2 border-slate-700">
              <th scope="col" className="py-2 pr-4">
                Name
              </th>
              <th scope="col" className="py-2 pr-4">
                Organisation
              </th>
              <th scope="col" className="py-2 pr-4">
                Joined
              </th>
              <th scope="col" className="py-2 pr-4">
                Role
              </th>
              <th scope="col" className="py-2">
                <span className="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <MemberRow key={member.membershipId} slug={slug} member={member} rolesThatAdminister={rolesThatAdminister} onNotice={setNotice} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function MemberRow({
  slug,
  member,
  rolesThatAdminister,
  onNotice,
}: {
  slug: string;
  member: MemberRowData;
  rolesThatAdminister: readonly MembershipRole[];
  onNotice: (notice: Notice) => void;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const changeRole = useMutation(trpc.membership.changeRole.mutationOptions());
  const remove = useMutation(trpc.membership.remove.mutationOptions());
  const roleAction = useAdminAction(changeRole.mutateAsync);
  const removeAction = useAdminAction(remove.mutateAsync);
  const [confirming, setConfirming] = useState(false);
  // The role picked but not saved yet; otherwise the select shows the saved role.
  const [draftRole, setDraftRole] = useState<Role | null>(null);
  const question = useRef<HTMLParagraphElement>(null);
  const removeButton = useRef<HTMLButtonElement>(null);
  const selectId = `role-${member.membershipId}`;

  useEffect(() => {
    if (confirming) question.current?.focus();
  }, [confirming]);

  async function onChangeRole(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onNotice(null);
    const role = draftRole ?? member.role;
    // Stepping down as an officer ends access to this page: leave it rather than refresh it.
    const leavingAdministration = member.isMe && !rolesThatAdminister.includes(role);
    const result = await roleAction.submit({ membershipId: member.membershipId, role }, { refresh: !leavingAdministration });
    if (!result) {
      setDraftRole(null); // refused: show the role they still have
      return;
    }
    if (leavingAdministration && result.changed) {
      router.push(`/p/${slug}`);
      return;
    }
    onNotice({
      tone: "success",
      text: result.changed
        ? `${member.name} is now ${ROLE_LABELS[result.role].toLowerCase()}. This applies from their next page.`
        : `${member.name} already has that role.`,
    });
  }

  async function onRemove() {
    onNotice(null);
    const result = await removeAction.submit({ membershipId: member.membershipId }, { refresh: !member.isMe });
    if (!result) return;
    if (member.isMe) {
      router.push("/");
      return;
    }
    onNotice({ tone: "success", text: `${member.name} was removed from the partnership.` });
  }

  const error = roleAction.error ?? removeAction.error;
  return (
    <tr className="border-b border-slate-200 align-top">
      <th scope="row" className="py-3 pr-4 font-normal">
        <span className="font-semibold">{member.name}</span>
        {member.isMe ? <span className="text-slate-700"> (you)</span> : null}
        <br />
        <span className="break-all text-sm text-slate-700">{member.email}</span>
        {error ? (
          <div className="mt-2">
            <FormMessage tone="error">{error}</FormMessage>
          </div>
        ) : null}
      </th>
      <td className="py-3 pr-4">
        {member.organisation ?? "Individual"}
        {member.sector ? <span className="block text-sm text-slate-700">{member.sector}</span> : null}
      </td>
      <td className="py-3 pr-4">
        <time dateTime={member.joined.iso}>{member.joined.label}</time>
      </td>
      <td className="py-3 pr-4">
        <form onSubmit={onChangeRole} className="flex flex-wrap items-center gap-2">
          <label htmlFor={selectId} className="sr-only">
            Role of {member.name}
          </label>
          <select
            id={selectId}
            name="role"
            value={draftRole ?? member.role}
            onChange={(event) => setDraftRole(event.target.value as Role)}
            className="rounded-md border-2 border-slate-700 bg-white px-2 py-2"
          >
            {MEMBERSHIP_ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
          <button type="submit" className={buttonClass.secondary} disabled={roleAction.pending}>
            {roleAction.pending ? "Saving…" : "Save"}
            <span className="sr-only"> role of {member.name}</span>
          </button>
        </form>
      </td>
      <td className="py-3">
        {confirming ? (
          <div className="space-y-2">
            <p ref={question} tabIndex={-1} className="max-w-56 font-semibold">
              Remove {member.isMe ? "yourself" : member.name} from the partnership? {member.isMe ? "You" : "They"} will
              also leave its sub-groups.
            </p>
            <div className="flex flex-wrap gap-2">
              <button type="button" className={buttonClass.primary} disabled={removeAction.pending} onClick={onRemove}>
                {removeAction.pending ? "Removing…" : "Yes, remove"}
              </button>
              <button
                type="button"
                className={buttonClass.quiet}
                onClick={() => {
                  setConfirming(false);
                  removeAction.reset();
                  requestAnimationFrame(() => removeButton.current?.focus());
                }}
              >
                Cancel
              </button>
            </div>
          </div>
        ) : (
          <button
            ref={removeButton}
            type="button"
            className={buttonClass.secondary}
            onClick={() => {
              onNotice(null);
              roleAction.reset();
              setConfirming(true);
            }}
          >
            Remove<span className="sr-only"> {member.name}</span>
          </button>
        )}
      </td>
    </tr>
  );
}
