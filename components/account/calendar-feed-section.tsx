"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTRPC, withApi } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { FormMessage } from "@/components/ui/form";
import { readApiError } from "@/lib/api-errors";

/**
 * "Calendar feed": a private link that Outlook or Google Calendar subscribes to, so the
 * events the person is going to appear in their own calendar and stay up to date.
 */
function CalendarFeedSection() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const fieldId = useId();
  const { data: status } = useSuspenseQuery(trpc.me.calendarFeed.queryOptions());
  const [link, setLink] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.me.calendarFeed.queryKey() });
  const replace = useMutation(
    trpc.me.replaceCalendarFeed.mutationOptions({
      onSuccess: (result) => {
        setLink(result.url);
        setMessage({
          tone: "success",
          text: status.enabled ? "Your new calendar link is ready. The old link no longer works." : "Your calendar link is ready.",
        });
        void refresh();
      },
      onError: (error) =>
        setMessage({ tone: "error", text: readApiError(error)?.message ?? "The calendar link could not be made." }),
    }),
  );
  const revoke = useMutation(
    trpc.me.revokeCalendarFeed.mutationOptions({
      onSuccess: () => {
        setLink(null);
        setMessage({ tone: "success", text: "Your calendar link is turned off. Calendars using it will stop updating." });
        void refresh();
      },
      onError: (error) =>
        setMessage({ tone: "error", text: readApiError(error)?.message ?? "The calendar link could not be turned off." }),
    }),
  );

  async function copy() {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setMessage({ tone: "success", text: "Link copied." });
    } catch {
      setMessage({ tone: "error", text: "The link could not be copied. Select it and copy it yourself." });
    }
  }

  return (
    <section aria-labelledby="calendar-feed">
      <h2 id="calendar-feed" className="text-2xl font-semibold">
        Calendar feed
      </h2>
      <div className="mt-1 mb-4 max-w-prose space-y-2 text-slate-700">
        <p>
          Put the events you are going to into your own calendar, such as Outlook or Google Calendar. Your calendar checks
          the link about once an hour, so changes and cancellations show up there by themselves.
        </p>
        <p>
          The link is private: anyone who has it can see which events you are going to. Do not share it. If it gets out,
          replace it.
        </p>
      </div>
      {message ? (
        <div className="mb-4 max-w-prose">
          <FormMessage tone={message.tone} focus focusKey={message}>
            {message.text}
          </FormMessage>
        </div>
      ) : null}
      {link ? (
        <div className="mb-4 max-w-2xl space-y-3">
          <label htmlFor={fieldId} className="block font-semibold">
            Your calendar link
          </label>
          <div className="flex flex-col gap-2 sm:flex-row">
            <input
              id={fieldId}
              readOnly
              value={link}
              onFocus={(event) => event.currentTarget.select()}
              className="w-full min-w-0 rounded-md border-2 border-slate-700 px-3 py-2 font-mono text-sm"
            />
            <div className="shrink-0">
              <Button type="button" variant="secondary" onClick={() => void copy()}>
                Copy link
              </Button>
            </div>
          </div>
          <p className="text-slate-700">We show this link once. If you lose it, replace it with a new one.</p>
          <div className="space-y-2">
            <h3 className="text-lg font-semibold">Add it to your calendar</h3>
            <ul className="list-disc space-y-1 pl-6 text-slate-700">
              <li>
                <strong>Outlook</strong>: Add calendar, then Subscribe from web (or From internet), paste the link.
              </li>
              <li>
                <strong>Google Calendar</strong>: next to Other calendars choose Add, then From URL, paste the link.
              </li>
              <li>
                <strong>Apple Calendar</strong>: File, then New Calendar Subscription, paste the link.
              </li>
            </ul>
          </div>
        </div>
      ) : status.enabled ? (
        <p className="mb-4 max-w-prose text-slate-700">Your calendar link is turned on.</p>
      ) : null}
      <div className="flex flex-wrap gap-3">
        {status.enabled ? (
          <>
            <ConfirmAction
              label="Replace the link"
              question="Replace your calendar link?"
              consequences="The old link stops working at once. You will need to add the new link to your calendar."
              confirmLabel="Yes, replace the link"
              onConfirm={() => replace.mutate({})}
              pending={replace.isPending}
            />
            <ConfirmAction
              label="Turn off the link"
              question="Turn off your calendar link?"
              consequences="The link stops working at once and calendars using it stop updating."
              confirmLabel="Yes, turn off the link"
              onConfirm={() => revoke.mutate({})}
              pending={revoke.isPending}
            />
          </>
        ) : (
          <Button type="button" onClick={() => replace.mutate({})} disabled={replace.isPending}>
            Get my calendar link
          </Button>
        )}
      </div>
    </section>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const CalendarFeedSectionWithApi = withApi(CalendarFeedSection);
export { CalendarFeedSectionWithApi as CalendarFeedSection };
