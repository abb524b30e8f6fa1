import "server-only";
import { TRPCError } from "@trpc/server";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { partnershipSlug } from "@/lib/schemas/partnership";
import { subGroupRefInput } from "@/lib/schemas/sub-groups";
import { getApi } from "@/server/api/server-caller";
import { getCurrentActor } from "@/server/auth/current-actor";

/**
 * The sub-group for its layout and pages, fetched once per request through the API (so the
 * same policy applies). Signed-out visitors go to sign in; anything not visible, or not in
 * the partnership of the address, is "not found".
 */
export const loadSubGroup = cache(async (slug: string, groupId: string) => {
  if (!partnershipSlug.safeParse(slug).success || !subGroupRefInput.safeParse({ subGroupId: groupId }).success) notFound();
  if (!(await getCurrentActor())) {
    redirect(`/signin?callbackUrl=${encodeURIComponent(`/p/${slug}/groups/${groupId}`)}`);
  }
  const api = await getApi();
  try {
    const group = await api.subGroup.get({ subGroupId: groupId });
    if (group.partnershipSlug !== slug) notFound();
    return group;
  } catch (error) {
    if (error instanceof TRPCError && ["NOT_FOUND", "FORBIDDEN", "BAD_REQUEST"].includes(error.code)) notFound();
    throw error;
  }
});

export type LoadedSubGroup = Awaited<ReturnType<typeof loadSubGroup>>;
