"use client";

import { useState, type FormEvent } from "react";
import { useTRPCClient } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { FormMessage, TextField } from "@/components/ui/form";
import { useApiAction } from "@/components/ui/use-api-action";
import { MAX_NETWORKING_ROUNDS } from "@/lib/event-kinds";

/** The organiser plans (or plans again) the speed-networking rounds for the people going. */
export function NetworkingForm({ eventId, planned }: { eventId: string; planned: boolean }) {
  const client = useTRPCClient();
  const action = useApiAction();
  const [rounds, setRounds] = useState("3");

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const count = Number(rounds.trim());
    if (!/^\d+$/.test(rounds.trim()) || count < 1 || count > MAX_NETWORKING_ROUNDS) {
      action.setError("Please check the number of rounds.");
      action.setFieldErrors({ rounds: [`Enter a whole number from 1 to ${MAX_NETWORKING_ROUNDS}`] });
      return;
    }
    await action.run(() => client.event.generateNetworking.mutate({ eventId, rounds: count }), {
      success: "The rounds are planned. Everyone going can now see their own schedule on this page.",
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl space-y-4">
      {action.error ? <FormMessage tone="error">{action.error}</FormMessage> : null}
      {action.done ? <FormMessage tone="success" focus>{action.done}</FormMessage> : null}
      <TextField
        label="Number of rounds"
        hint={`From 1 to ${MAX_NETWORKING_ROUNDS}. ${planned ? "Planning again replaces the current plan." : ""}`}
        inputMode="numeric"
        name="rounds"
        value={rounds}
        onChange={(event) => setRounds(event.target.value)}
        error={action.fieldErrors.rounds}
        className="max-w-xs"
      />
      <Button type="submit" pending={action.pending}>
        {planned ? "Plan the rounds again" : "Plan the rounds"}
      </Button>
    </form>
  );
}
