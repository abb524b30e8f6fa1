import "server-only";
import { TRPCError } from "@trpc/server";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { eventRefInput } from "@/lib/schemas/events";
import { partnershipSlug } from "@/lib/schemas/partnership";
import { getApi } from "@/server/api/server-caller";
import { getCurrentActor } from "@/server/auth/current-actor";

/**
 * The event for its pages, fetched once per request through the API (so the policy
 * applies). Signed-out visitors go to sign in; an event the viewer may not see, or one of
 * another partnership than the address names, is "not found".
 */
export const loadEvent = cache(async (slug: string, eventId: string, here: string) => {
  if (!partnershipSlug.safeParse(slug).success || !eventRefInput.safeParse({ eventId }).success) notFound();
  if (!(await getCurrentActor())) redirect(`/signin?callbackUrl=${encodeURIComponent(here)}`);
  const api = await getApi();
  try {
    const event = await api.event.get({ eventId });
    if (event.partnership.slug !== slug) notFound();
    return event;
  } catch (error) {
    if (error instanceof TRPCError && ["NOT_FOUND", "FORBIDDEN", "BAD_REQUEST"].includes(error.code)) notFound();
    throw error;
  }
});

export type LoadedEvent = Awaited<ReturnType<typeof loadEvent>>;
