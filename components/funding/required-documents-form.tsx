"use client";

import { useState, type FormEvent } from "react";
import { useTRPCClient, withApi } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { FormMessage, TextArea } from "@/components/ui/form";
import { useApiAction } from "@/components/ui/use-api-action";

/** The documents every proposal to the round must attach, one per line ("Constitution", "Latest accounts"). */
function RequiredDocumentsForm({ roundId, roundTitle, documents }: { roundId: string; roundTitle: string; documents: string[] }) {
  const client = useTRPCClient();
  const action = useApiAction();
  const [text, setText] = useState(documents.join("\n"));

  async function save(event: FormEvent) {
    event.preventDefault();
    const names = text
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean);
    await action.run(() => client.funding.setRequiredDocuments.mutate({ roundId, documents: names }), { success: "Saved the documents this round asks for." });
  }

  return (
    <details className="mt-3">
      <summary className="cursor-pointer font-semibold text-brand-800">
        Documents proposals must attach<span className="sr-only"> to {roundTitle}</span>
      </summary>
      <form onSubmit={save} noValidate className="mt-3 max-w-prose space-y-3">
        {action.error ? (
          <FormMessage tone="error" focus focusKey={action.error}>
            {action.error}
          </FormMessage>
        ) : null}
        {action.done ? (
          <FormMessage tone="success" focus focusKey={action.done}>
            {action.done}
          </FormMessage>
        ) : null}
        <TextArea
          label="Required documents"
          hint="One per line, for example Constitution, Latest accounts, Safeguarding policy. A proposal cannot be submitted until each is attached."
          value={text}
          onChange={(event) => setText(event.target.value)}
          error={action.fieldErrors.documents}
          rows={4}
        />
        <Button type="submit" variant="secondary" pending={action.pending}>
          Save the documents
        </Button>
      </form>
    </details>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const RequiredDocumentsFormWithApi = withApi(RequiredDocumentsForm);
export { RequiredDocumentsFormWithApi as RequiredDocumentsForm };
