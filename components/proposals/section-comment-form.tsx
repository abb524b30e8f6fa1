"use client";

import { useState, type FormEvent } from "react";
import { useTRPCClient, withApi } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { FormMessage, TextArea } from "@/components/ui/form";
import { useApiAction } from "@/components/ui/use-api-action";
import type { ProposalSectionKey } from "@/lib/schemas/proposals";

/** A comment on one section; the authors are told. Once it is added, focus moves to the message saying so. */
function SectionCommentForm({
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
  const [added, setAdded] = useState(0);
  async function comment(event: FormEvent) {
    event.preventDefault();
    const result = await action.run(() => client.proposal.comment.mutate({ proposalId, section, body }), {
      success: `Comment added to ${sectionLabel}. The authors have been told.`,
    });
    if (result.ok) {
      setBody("");
      setAdded((count) => count + 1);
    }
  }
  return (
    <form onSubmit={comment} noValidate className="mt-3 max-w-prose space-y-2">
      {action.done ? (
        <FormMessage tone="success" focus focusKey={added}>
          {action.done}
        </FormMessage>
      ) : null}
      <TextArea
        label={`Comment on ${sectionLabel}`}
        value={body}
        onChange={(event) => setBody(event.target.value)}
        error={action.fieldErrors.body ?? action.error}
        maxLength={5000}
        rows={3}
      />
      <Button type="submit" variant="secondary" pending={action.pending} pendingLabel="Adding…">
        Add comment<span className="sr-only"> on {sectionLabel}</span>
      </Button>
    </form>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const SectionCommentFormWithApi = withApi(SectionCommentForm);
export { SectionCommentFormWithApi as SectionCommentForm };
