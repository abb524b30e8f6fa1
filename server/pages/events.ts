import "server-only";
import { cache } from "react";
import { eventRefInput } from "@/lib/schemas/events";
import { partnershipSlug } from "@/lib/schemas/partnership";
import { getApi } from "@/server/api/server-caller";
import { loadOr404, paramOr404, requireSignedIn, samePartnershipOr404 } from "@/server/pages/load";

/**
 * The event for its pages, fetched once per request through the API (so the policy
 * applies). Signed-out visitors go to sign in; an event the viewer may not see, or one of
 * another partnership than the address names, is "not found".
 */
export const loadEvent = cache(async (slug: string, eventId: string, here: string) => {
  paramOr404(partnershipSlug, slug);
  paramOr404(eventRefInput, { eventId });
  await requireSignedIn(here);
  const api = await getApi();
  const event = await loadOr404(() => api.event.get({ eventId }), { here });
  samePartnershipOr404(slug, event.partnership.slug);
  return event;
});

export type LoadedEvent = Awaited<ReturnType<typeof loadEvent>>;
