"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC, withApi } from "@/components/providers/trpc-provider";
import { ConfirmAction } from "@/components/ui/confirm-action";
import { FormMessage } from "@/components/ui/form";
import { readApiError } from "@/lib/api-errors";
import { formatInstantDay } from "@/lib/uk-time";

/**
 * "Close your account": asks for erasure after a grace period, or withdraws the request.
 * A refusal names what the person must hand over first.
 */
function CloseAccountSection() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: pending } = useSuspenseQuery(trpc.me.accountClosure.queryOptions());
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.me.accountClosure.queryKey() });
  const request = useMutation(
    trpc.me.requestAccountClosure.mutationOptions({
      onSuccess: (result) => {
        setMessage({
          tone: "success",
          text: `Your account will be closed on ${formatInstantDay(result.effectiveAt)}. Your partnership officers have been told. You can change your mind until then.`,
        });
        void refresh();
      },
      onError: (error) => setMessage({ tone: "error", text: readApiError(error)?.message ?? "Your request could not be made." }),
    }),
  );
  const withdraw = useMutation(
    trpc.me.withdrawAccountClosure.mutationOptions({
      onSuccess: () => {
        setMessage({ tone: "success", text: "Your account stays open. Your partnership officers have been told." });
        void refresh();
      },
      onError: (error) => setMessage({ tone: "error", text: readApiError(error)?.message ?? "Your request could not be withdrawn." }),
    }),
  );

  return (
    <section aria-labelledby="close-account">
      <h2 id="close-account" className="text-2xl font-semibold">
        Close your account
      </h2>
      <div className="mt-1 mb-4 max-w-prose space-y-2 text-slate-700">
        <p>
          Closing your account erases your personal information: your name, email address, profile and sign-in. What you wrote in
          conversations, comments, stories and named reflections is removed.
        </p>
        <p>
          What your partnerships must keep to account for their decisions and money (grants, payments, decisions, assessment scores,
          proposals, projects and their updates) stays, shown as written by &ldquo;Former member&rdquo;. If you lead a sub-group, a
          project or a proposal, hand it over first.
        </p>
      </div>
      {message ? (
        <div className="mb-4 max-w-prose">
          <FormMessage tone={message.tone} focus focusKey={message}>
            {message.text}
          </FormMessage>
        </div>
      ) : null}
      {pending ? (
        <>
          <p className="mb-4 max-w-prose font-semibold">
            You asked on {formatInstantDay(pending.requestedAt)} for your account to be closed. It will be closed on{" "}
            {formatInstantDay(pending.effectiveAt)}.
          </p>
          <ConfirmAction
            label="Keep my account"
            question="Keep your account open?"
            consequences="Your request is withdrawn and nothing is erased."
            confirmLabel="Yes, keep my account"
            variant="primary"
            onConfirm={() => withdraw.mutate({})}
            pending={withdraw.isPending}
          />
        </>
      ) : (
        <ConfirmAction
          label="Close my account"
          question="Close your account and erase your personal information?"
          consequences="After a short wait, during which you can change your mind here, your account is closed and cannot be opened again. Your partnership officers are told now."
          confirmLabel="Yes, close my account"
          onConfirm={() => request.mutate({ confirm: true })}
          pending={request.isPending}
        />
      )}
    </section>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const CloseAccountSectionWithApi = withApi(CloseAccountSection);
export { CloseAccountSectionWithApi as CloseAccountSection };
