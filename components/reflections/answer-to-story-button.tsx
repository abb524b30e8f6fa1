"use client";

import { Link } from "@/components/ui/link";
import { useState } from "react";
import { useTRPCClient, withApi } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form";
import { useApiAction } from "@/components/ui/use-api-action";

/**
 * Turns the person's own named, written answer into a draft story. Pressing it is their
 * consent; the draft stays private to them until they submit it.
 */
function AnswerToStoryButton({
  answerId,
  storyPath,
  questionLabel,
}: {
  answerId: string;
  /** The story already made from this answer, if any. */
  storyPath: string | null;
  /** Names the answer for screen readers, e.g. "your answer to question 2". */
  questionLabel: string;
}) {
  const client = useTRPCClient();
  const action = useApiAction();
  const [path, setPath] = useState(storyPath);

  if (path) {
    return (
      <p>
        <Link href={path}>
          Open the draft story<span className="sr-only"> made from {questionLabel}</span>
        </Link>
      </p>
    );
  }

  async function turnIntoStory() {
    const result = await action.run(() => client.reflection.answerToStory.mutate({ answerId }), { refresh: false });
    if (result.ok) setPath(result.value.path);
  }

  return (
    <div className="space-y-2">
      <Button variant="secondary" onClick={turnIntoStory} pending={action.pending} aria-label={`Turn into a draft story: ${questionLabel}`}>
        Turn into a draft story
      </Button>
      {action.error ? <FormMessage tone="error">{action.error}</FormMessage> : null}
    </div>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const AnswerToStoryButtonWithApi = withApi(AnswerToStoryButton);
export { AnswerToStoryButtonWithApi as AnswerToStoryButton };
