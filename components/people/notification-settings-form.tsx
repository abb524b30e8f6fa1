"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC, withApi } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form";
import { readApiError } from "@/lib/api-errors";
import type { UpdateNotificationSettingsInput } from "@/lib/schemas/profile";
import { CheckboxChoice } from "./checkbox-choice";

/** Which notifications also arrive by email. Everything always shows in Tandem itself. */
function NotificationSettingsForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: profile } = useSuspenseQuery(trpc.me.profile.queryOptions());
  const [values, setValues] = useState<UpdateNotificationSettingsInput>(() => ({
    emailOnJoinRequests: profile.emailOnJoinRequests,
    emailOnDecisions: profile.emailOnDecisions,
    emailOnMentions: profile.emailOnMentions,
  }));
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const mutation = useMutation(
    trpc.me.updateNotificationSettings.mutationOptions({
      onSuccess: (saved) => {
        queryClient.setQueryData(trpc.me.profile.queryKey(), saved);
        setMessage({ tone: "success", text: "Your email settings are saved." });
      },
      onError: (error) => {
        setMessage({ tone: "error", text: readApiError(error)?.message ?? "Your settings could not be saved." });
      },
    }),
  );
  const set = (key: keyof UpdateNotificationSettingsInput) => (checked: boolean) =>
    setValues((current) => ({ ...current, [key]: checked }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage(null);
    mutation.mutate(values);
  }

  return (
    <form onSubmit={onSubmit} className="max-w-2xl space-y-4">
      <fieldset className="space-y-3">
        <legend className="mb-2 text-lg font-semibold">Email me when</legend>
        <CheckboxChoice
          name="emailOnJoinRequests"
          label="someone asks to join a sub-group I lead"
          checked={values.emailOnJoinRequests}
          onChange={set("emailOnJoinRequests")}
        />
        <CheckboxChoice
          name="emailOnDecisions"
          label="a lead decides on my request to join a sub-group"
          checked={values.emailOnDecisions}
          onChange={set("emailOnDecisions")}
        />
        <CheckboxChoice
          name="emailOnMentions"
          label="someone mentions me in a conversation"
          checked={values.emailOnMentions}
          onChange={set("emailOnMentions")}
        />
      </fieldset>
      <p className="text-slate-700">Emails are gathered into a short digest. You always see notifications in Tandem.</p>
      <Button type="submit" variant="primary" disabled={mutation.isPending}>
        {mutation.isPending ? "Saving…" : "Save email settings"}
      </Button>
      {message ? <FormMessage tone={message.tone}>{message.text}</FormMessage> : null}
    </form>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const NotificationSettingsFormWithApi = withApi(NotificationSettingsForm);
export { NotificationSettingsFormWithApi as NotificationSettingsForm };
