"use client";

import { useState, type FormEvent } from "react";
import { useTRPCClient } from "@/components/providers/trpc-provider";
import { buttonClass } from "@/components/ui/button-styles";
import { TextArea } from "@/components/ui/form";
import { useApiAction } from "@/components/ui/use-api-action";
import type { ProposalSectionKey } from "@/lib/schemas/proposals";

/** A comment on one section; the authors are told. */
export function SectionCommentForm({
  proposalId,
  section,
  sectionLabel,
}: {
  proposalId: string;
  section: ProposalSectionKey;
  sectionLabel: string;
}) {
  const client = useTRPCClient();
  const action = useApiAction();
  const [body, setBody] = useState("");
  async function comment(event: FormEvent) {
    event.preventDefault();
    const result = await action.run(() => client.proposal.comment.mutate({ proposalId, section, body }), {
      success: "Comment added.",
    });
    if (result.ok) setBody("");
  }
  return (
    <form onSubmit={comment} noValidate className="mt-3 max-w-prose space-y-2">
      <TextArea
        label={`Comment on ${sectionLabel}`}
        value={body}
        onChange={(event) => setBody(event.target.value)}
        error={action.fieldErrors.body ?? action.error}
        maxLength={5000}
        rows={3}
      />
      <button type="submit" className={buttonClass.secondary} disabled={action.pending}>
        Add comment<span className="sr-only"> on {sectionLabel}</span>
      </button>
      {action.done ? (
        <p role="status" className="text-green-900">
          {action.done}
        </p>
      ) : null}
    </form>
  );
}
