import "server-only";
import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import { cache } from "react";
import { paths } from "@/lib/paths";
import { subGroupSpaceInput, threadRefInput } from "@/lib/schemas/discussions";
import { partnershipSlug } from "@/lib/schemas/partnership";
import { getApi } from "@/server/api/server-caller";
import { loadOr404, paramOr404, requireSignedIn, samePartnershipOr404 } from "./load";

/** A partnership member outside the sub-group is refused: they are shown how to join instead. */
const nullWhenRefused = (error: unknown): null => {
  if (error instanceof TRPCError && error.code === "FORBIDDEN") return null;
  throw error;
};

/**
 * The sub-group's conversations and notes, or null when the viewer may not take part (a
 * member of the partnership but not of the sub-group, nor an officer or chair). Signed-out
 * visitors go to sign in; a sub-group of another partnership than the address is "not found".
 */
export const loadDiscussionSpace = cache(async (slug: string, groupId: string) => {
  paramOr404(partnershipSlug, slug);
  paramOr404(subGroupSpaceInput, { subGroupId: groupId });
  const here = paths.subGroupDiscussions(slug, groupId);
  await requireSignedIn(here);
  const api = await getApi();
  const space = await loadOr404(() => api.discussion.threads({ subGroupId: groupId }).catch(nullWhenRefused), { here });
  if (space) samePartnershipOr404(slug, space.subGroup.partnershipSlug);
  return space;
});

/** One conversation with its replies, or null when the viewer may not take part in the sub-group's conversations. */
export const loadDiscussionThread = cache(async (slug: string, groupId: string, threadId: string) => {
  paramOr404(partnershipSlug, slug);
  paramOr404(subGroupSpaceInput, { subGroupId: groupId });
  paramOr404(threadRefInput, { threadId });
  const here = paths.discussion(slug, groupId, threadId);
  await requireSignedIn(here);
  const api = await getApi();
  const view = await loadOr404(() => api.discussion.thread({ threadId }).catch(nullWhenRefused), { here });
  if (view) {
    samePartnershipOr404(slug, view.subGroup.partnershipSlug);
    if (view.subGroup.id !== groupId) notFound();
  }
  return view;
});

/**
 * A page of the sub-group's activity feed. A page link from a feed that has since changed
 * (its cursor no longer there) starts again from the newest, and says so.
 */
export async function loadDiscussionActivity(groupId: string, cursor: string | undefined) {
  const api = await getApi();
  try {
    return { page: await api.discussion.activity({ subGroupId: groupId, cursor }), stale: false };
  } catch (error) {
    if (cursor && error instanceof TRPCError && error.code === "BAD_REQUEST") {
      return { page: await api.discussion.activity({ subGroupId: groupId }), stale: true };
    }
    throw error;
  }
}

export type LoadedDiscussionSpace = NonNullable<Awaited<ReturnType<typeof loadDiscussionSpace>>>;
export type LoadedDiscussionThread = NonNullable<Awaited<ReturnType<typeof loadDiscussionThread>>>;
