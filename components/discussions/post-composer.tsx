"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent } from "react";
import { useTRPC, withApi } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { FormMessage, TextArea, TextField } from "@/components/ui/form";
import { fieldErrorsFromIssues, readApiError } from "@/lib/api-errors";
import { POST_BODY_MAX, replyInput, startThreadInput, THREAD_TITLE_MAX } from "@/lib/schemas/discussions";
import { focusWhenRendered } from "@/components/sub-groups/focus-result";
import { MentionPicker, type MentionablePerson } from "./mention-picker";

type Props = { subGroupId: string } & ({ mode: "thread" } | { mode: "reply"; threadId: string });

/**
 * Writes a new conversation or a reply. Mentions picked with "Mention someone" are sent
 * as ids; one whose "@Name" was deleted from the text again is not notified.
 */
function PostComposer(props: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const bodyId = useId();
  const form = useRef<HTMLFormElement>(null);
  const startThread = useMutation(trpc.discussion.startThread.mutationOptions());
  const reply = useMutation(trpc.discussion.reply.mutationOptions());
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  const [mentioned, setMentioned] = useState<MentionablePerson[]>([]);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [posted, setPosted] = useState(false);
  const pending = startThread.isPending || reply.isPending;
  const isThread = props.mode === "thread";

  const stillMentioned = mentioned.filter((person) => body.includes(`@${person.name}`));

  function insertMention(person: MentionablePerson) {
    const field = form.current?.elements.namedItem("body");
    const textarea = field instanceof HTMLTextAreaElement ? field : null;
    const start = textarea?.selectionStart ?? body.length;
    const end = textarea?.selectionEnd ?? body.length;
    const before = body.slice(0, start);
    const insert = `${before && !/\s$/.test(before) ? " " : ""}@${person.name} `;
    setBody(before + insert + body.slice(end));
    setMentioned((list) => (list.some((p) => p.id === person.id) ? list : [...list, person]));
    setStatus(`@${person.name} added to your message.`);
    const caret = before.length + insert.length;
    requestAnimationFrame(() => {
      textarea?.focus();
      textarea?.setSelectionRange(caret, caret);
    });
  }

  async function send(run: () => Promise<void>) {
    setFieldErrors({});
    try {
      await run();
    } catch (caught) {
      const view = readApiError(caught);
      setError(view?.message ?? "Your message could not be posted. Please try again.");
      setFieldErrors(view?.fieldErrors ?? {});
    }
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setStatus("");
    setPosted(false);
    const mentionUserIds = stillMentioned.map((person) => person.id);
    if (props.mode === "thread") {
      const parsed = startThreadInput.safeParse({ subGroupId: props.subGroupId, title, body, mentionUserIds });
      if (!parsed.success) return setFieldErrors(fieldErrorsFromIssues(parsed.error.issues));
      await send(async () => {
        const thread = await startThread.mutateAsync(parsed.data);
        router.push(thread.linkPath);
      });
      return;
    }
    const parsed = replyInput.safeParse({ threadId: props.threadId, body, mentionUserIds });
    if (!parsed.success) return setFieldErrors(fieldErrorsFromIssues(parsed.error.issues));
    await send(async () => {
      const posted = await reply.mutateAsync(parsed.data);
      setBody("");
      setMentioned([]);
      setPosted(true);
      router.refresh();
      // The new reply, once the refresh has put it on the page.
      focusWhenRendered(`reply-${posted.id}`);
    });
  }

  return (
    <form ref={form} onSubmit={onSubmit} noValidate className="max-w-2xl space-y-4">
      {error ? (
        <FormMessage tone="error" focus focusKey={error}>
          {error}
        </FormMessage>
      ) : null}
      {isThread ? (
        <TextField
          label="Title"
          name="title"
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          error={fieldErrors.title}
          hint="For example: Venue for the March meeting"
          maxLength={THREAD_TITLE_MAX}
        />
      ) : null}
      <TextArea
        id={bodyId}
        label={isThread ? "Message" : "Your reply"}
        name="body"
        rows={6}
        value={body}
        onChange={(event) => setBody(event.target.value)}
        error={fieldErrors.body ?? fieldErrors.mentionUserIds}
        hint="Plain text: line breaks are kept."
        maxLength={POST_BODY_MAX}
      />
      <MentionPicker subGroupId={props.subGroupId} onPick={insertMention} />
      {stillMentioned.length > 0 ? (
        <p className="text-sm text-slate-700">
          Will be notified: {stillMentioned.map((person) => person.name).join(", ")}
        </p>
      ) : null}
      <p role="status" className="sr-only">
        {status}
      </p>
      <Button type="submit" pending={pending} pendingLabel="Posting…">
        {isThread ? "Start the conversation" : "Post reply"}
      </Button>
      {posted ? <FormMessage tone="success">Your reply was posted.</FormMessage> : null}
    </form>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const PostComposerWithApi = withApi(PostComposer);
export { PostComposerWithApi as PostComposer };
