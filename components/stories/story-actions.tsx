"use client";

import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useTRPCClient, withApi } from "@/components/providers/trpc-provider";
import { commentElementId } from "@/components/stories/story-labels";
import { Button } from "@/components/ui/button";
import { FormMessage, TextArea } from "@/components/ui/form";
import { useApiAction } from "@/components/ui/use-api-action";
import { MODERATION_NOTE_MAX, STORY_COMMENT_MAX } from "@/lib/schemas/stories";

/** The author sends their story to an officer. */
function SubmitStoryButton({ storyId }: { storyId: string }) {
  const client = useTRPCClient();
  const action = useApiAction();
  return (
    <div className="space-y-3">
      {action.error ? <FormMessage tone="error">{action.error}</FormMessage> : null}
      {action.done ? <FormMessage tone="success" focus>{action.done}</FormMessage> : null}
      <Button
        pending={action.pending}
        onClick={() =>
          void action.run(() => client.story.submit.mutate({ storyId }), {
            success: "Submitted. An officer will read it and publish it or return it to you with a note.",
          })
        }
      >
        Submit for publishing
      </Button>
    </div>
  );
}

/** The author takes the story back for good, after saying so twice. */
function WithdrawStoryButton({ storyId, published }: { storyId: string; published: boolean }) {
  const client = useTRPCClient();
  const action = useApiAction();
  const [confirming, setConfirming] = useState(false);
  const warningId = useId();
  if (!confirming) {
    return (
      <Button variant="secondary" onClick={() => setConfirming(true)}>
        Withdraw this story
      </Button>
    );
  }
  return (
    <div className="max-w-prose space-y-3 rounded-md border-2 border-red-800 p-4">
      {action.error ? <FormMessage tone="error">{action.error}</FormMessage> : null}
      <p id={warningId}>
        {published
          ? "Withdrawing takes the story down from the partnership's pages and the public page at once. "
          : "Withdrawing stops the story from being published. "}
        You cannot undo this.
      </p>
      <div className="flex flex-wrap gap-3">
        <Button
          variant="warning"
          aria-describedby={warningId}
          pending={action.pending}
          onClick={() => void action.run(() => client.story.withdraw.mutate({ storyId }), { success: "Story withdrawn." })}
        >
          Yes, withdraw it
        </Button>
        <Button variant="quiet" onClick={() => setConfirming(false)}>
          Keep it
        </Button>
      </div>
    </div>
  );
}

type Decision = "PUBLISH" | "RETURN" | "UNPUBLISH";

const DECISION_LABELS: Record<Decision, string> = {
  PUBLISH: "Publish it",
  RETURN: "Return it to the author",
  UNPUBLISH: "Unpublish it and return it to the author",
};

const DECISION_DONE: Record<Decision, string> = {
  PUBLISH: "Published. The author has been told.",
  RETURN: "Returned to the author with your note. They have been told.",
  UNPUBLISH: "Unpublished and returned to the author with your note. They have been told.",
};

/**
 * An officer's moderation of a story: publish or return a submitted one, or unpublish a
 * published one. A return or unpublish needs a note saying what to change; the author
 * sees it on the story and in their notification.
 */
function ModerateStoryForm({ storyId, decisions }: { storyId: string; decisions: readonly Decision[] }) {
  const client = useTRPCClient();
  const action = useApiAction();
  const [decision, setDecision] = useState<Decision | null>(decisions.length === 1 ? decisions[0]! : null);
  const [note, setNote] = useState("");
  const decisionErrorId = useId();
  const decisionError = action.fieldErrors.action?.[0];

  async function moderate(event: FormEvent) {
    event.preventDefault();
    if (!decision) {
      action.setFieldErrors({ action: ["Choose what to do with the story"] });
      action.setError("Please check the highlighted fields.");
      return;
    }
    const result = await action.run(() => client.story.moderate.mutate({ storyId, action: decision, note }), {
      success: DECISION_DONE[decision],
    });
    if (result.ok) setNote("");
  }

  return (
    <form onSubmit={moderate} noValidate className="max-w-prose space-y-4 rounded-md border-2 border-slate-300 p-4">
      {action.error ? <FormMessage tone="error">{action.error}</FormMessage> : null}
      {action.done ? <FormMessage tone="success" focus>{action.done}</FormMessage> : null}
      {decisions.length > 1 ? (
        <fieldset
          className={`space-y-2 ${decisionError ? "border-l-4 border-red-800 pl-3" : ""}`}
          aria-describedby={decisionError ? decisionErrorId : undefined}
        >
          <legend className="font-semibold">Your decision</legend>
          {decisionError ? (
            <p id={decisionErrorId} className="font-semibold text-red-800">
              <span className="sr-only">Error: </span>
              {decisionError}
            </p>
          ) : null}
          <div className="flex flex-wrap gap-x-6 gap-y-2">
            {decisions.map((value) => (
              <label key={value} className="flex min-h-11 items-center gap-2">
                <input
                  type="radio"
                  name={`decision-${storyId}`}
                  value={value}
                  checked={decision === value}
                  onChange={() => setDecision(value)}
                  className="h-5 w-5"
                />
                {DECISION_LABELS[value]}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      <TextArea
        label="Note to the author"
        hint={
          decision === "PUBLISH"
            ? "Optional: a word of thanks, kept in the story's moderation record."
            : "Say what the author should change, or why the story is coming down. They will see this note."
        }
        value={note}
        onChange={(event) => setNote(event.target.value)}
        error={action.fieldErrors.note}
        maxLength={MODERATION_NOTE_MAX}
        rows={3}
      />
      <Button type="submit" pending={action.pending}>
        {decisions.length === 1 ? DECISION_LABELS[decisions[0]!] : "Record decision"}
      </Button>
    </form>
  );
}

/**
 * "What do you think?": a reader's comment on a published story. Once posted and shown in
 * the list above (the page re-renders with `commentCount` one higher), focus moves to it.
 */
function CommentForm({ storyId, commentCount }: { storyId: string; commentCount: number }) {
  const client = useTRPCClient();
  const action = useApiAction();
  const [body, setBody] = useState("");
  const posted = useRef<string | null>(null);

  useEffect(() => {
    if (!posted.current) return;
    const shown = document.getElementById(commentElementId(posted.current));
    if (!shown) return;
    posted.current = null;
    shown.focus();
  }, [commentCount]);

  async function comment(event: FormEvent) {
    event.preventDefault();
    const result = await action.run(() => client.story.comment.mutate({ storyId, body }), {
      success: "Thank you: your comment is posted above, and the author has been told.",
    });
    if (result.ok) {
      posted.current = result.value.id;
      setBody("");
    }
  }

  return (
    <form onSubmit={comment} noValidate className="max-w-prose space-y-4">
      {action.error ? <FormMessage tone="error">{action.error}</FormMessage> : null}
      {action.done ? <FormMessage tone="success">{action.done}</FormMessage> : null}
      <TextArea
        label="What do you think?"
        hint="Everyone in the partnership can read comments. They are not shown on the public page."
        name="comment"
        value={body}
        onChange={(event) => setBody(event.target.value)}
        error={action.fieldErrors.body}
        maxLength={STORY_COMMENT_MAX}
        rows={4}
      />
      <Button type="submit" pending={action.pending} pendingLabel="Posting…">
        Post comment
      </Button>
    </form>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const SubmitStoryButtonWithApi = withApi(SubmitStoryButton);
const WithdrawStoryButtonWithApi = withApi(WithdrawStoryButton);
const ModerateStoryFormWithApi = withApi(ModerateStoryForm);
const CommentFormWithApi = withApi(CommentForm);
export { SubmitStoryButtonWithApi as SubmitStoryButton, WithdrawStoryButtonWithApi as WithdrawStoryButton, ModerateStoryFormWithApi as ModerateStoryForm, CommentFormWithApi as CommentForm };
