import { subGroupInSentence } from "@/lib/schemas/sub-groups";
import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { ActivityList } from "@/components/discussions/activity-list";
import { AuthorLine } from "@/components/discussions/author-line";
import { JoinToTakePart } from "@/components/discussions/join-to-take-part";
import { NoteForm } from "@/components/discussions/note-form";
import { NotesList } from "@/components/discussions/notes-list";
import { PostComposer } from "@/components/discussions/post-composer";
import { TimeStamp } from "@/components/discussions/time-stamp";
import { PageHeader } from "@/components/ui/page-header";
import { isNotFoundError } from "@/server/api/errors";
import { getApi } from "@/server/api/server-caller";
import { getCurrentActor } from "@/server/auth/current-actor";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string; groupId: string }>;
  searchParams: Promise<{ activityAfter?: string | string[] }>;
};

/** The sub-group space, or null when the actor may not take part (not a member, not an officer or chair). */
const loadSpace = cache(async (slug: string, groupId: string) => {
  const api = await getApi();
  try {
    const space = await api.discussion.threads({ subGroupId: groupId });
    if (space.subGroup.partnershipSlug !== slug) notFound();
    return space;
  } catch (error) {
    if (error instanceof TRPCError && error.code === "FORBIDDEN") return null;
    if (isNotFoundError(error) || (error instanceof TRPCError && error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
});

async function loadActivity(groupId: string, cursor: string | undefined) {
  const api = await getApi();
  try {
    return { page: await api.discussion.activity({ subGroupId: groupId, cursor }), stale: false };
  } catch (error) {
    // A page link from a feed that has since changed: start again from the newest.
    if (cursor && error instanceof TRPCError && error.code === "BAD_REQUEST") {
      return { page: await api.discussion.activity({ subGroupId: groupId }), stale: true };
    }
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, groupId } = await params;
  if (!(await getCurrentActor())) return { title: "Sign in" };
  const space = await loadSpace(slug, groupId);
  return { title: space ? `Conversations · ${space.subGroup.name}` : "Conversations" };
}

export default async function DiscussionsPage({ params, searchParams }: Props) {
  const { slug, groupId } = await params;
  const here = `/p/${slug}/groups/${groupId}/discussions`;
  if (!(await getCurrentActor())) redirect(`/signin?callbackUrl=${encodeURIComponent(here)}`);
  const space = await loadSpace(slug, groupId);
  if (!space) return <JoinToTakePart slug={slug} groupId={groupId} />;

  const { activityAfter } = await searchParams;
  const cursor = typeof activityAfter === "string" && activityAfter ? activityAfter : undefined;
  const activity = await loadActivity(groupId, cursor);
  const pinned = space.notes.filter((note) => note.pinned);
  const unpinned = space.notes.filter((note) => !note.pinned);

  return (
    <>
      <PageHeader
        title="Conversations"
        lead={`Talk things through with ${subGroupInSentence(space.subGroup.name)}. Replies stay together in each conversation.`}
      />
      {space.subGroup.archived ? (
        <p className="mb-8 rounded-md border-l-4 border-slate-700 bg-slate-100 p-3">
          This sub-group has been archived. You can read its conversations and notes, but nothing new can be added.
        </p>
      ) : null}

      <section aria-labelledby="notes-heading">
        <h2 id="notes-heading" className="text-2xl font-semibold">
          Notes
        </h2>
        {pinned.length === 0 ? (
          <p className="mt-2 text-slate-700">No pinned notes yet.</p>
        ) : (
          <NotesList notes={pinned} canManage={space.viewer.canManageNotes} label="Pinned notes" />
        )}
        {unpinned.length > 0 ? (
          <details className="mt-4">
            <summary className="cursor-pointer font-semibold text-brand-800">
              Other notes ({unpinned.length})
            </summary>
            <NotesList notes={unpinned} canManage={space.viewer.canManageNotes} label="Other notes" />
          </details>
        ) : null}
        {space.viewer.canManageNotes ? (
          <details className="mt-4">
            <summary className="cursor-pointer font-semibold text-brand-800">Add a note</summary>
            <div className="mt-3">
              <NoteForm subGroupId={space.subGroup.id} />
            </div>
          </details>
        ) : null}
      </section>

      <section aria-labelledby="threads-heading" className="mt-10">
        <h2 id="threads-heading" className="text-2xl font-semibold">
          Conversations
        </h2>
        {space.threads.length === 0 ? (
          <p className="mt-2 text-slate-700">No conversations yet. Start the first one below.</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-200 border-y border-slate-200">
            {space.threads.map((thread) => (
              <li key={thread.id} className="py-3">
                <h3 className="text-lg font-semibold break-words">
                  <Link href={`${here}/${thread.id}`}>{thread.title}</Link>
                </h3>
                <AuthorLine author={thread.author} date={thread.createdAt} verb="Started by" />
                <p className="text-sm text-slate-700">
                  {thread.replyCount} {thread.replyCount === 1 ? "reply" : "replies"} · Last activity{" "}
                  <TimeStamp date={thread.lastActivityAt} />
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      {space.viewer.canPost ? (
        <section aria-labelledby="start-heading" className="mt-10">
          <h2 id="start-heading" className="mb-4 text-2xl font-semibold">
            Start a conversation
          </h2>
          <PostComposer mode="thread" subGroupId={space.subGroup.id} />
        </section>
      ) : null}

      <section aria-labelledby="activity-heading" className="mt-10">
        <h2 id="activity-heading" className="text-2xl font-semibold">
          {cursor && !activity.stale ? "Earlier activity" : "Recent activity"}
        </h2>
        {activity.stale ? <p className="mt-2 text-slate-700">The feed has changed, so here is the newest activity.</p> : null}
        <ActivityList items={activity.page.items} />
        <nav aria-label="Activity pages" className="mt-3 flex flex-wrap gap-4">
          {cursor ? <Link href={`${here}#activity-heading`}>Newest activity</Link> : null}
          {activity.page.nextCursor ? (
            <Link href={`${here}?activityAfter=${encodeURIComponent(activity.page.nextCursor)}#activity-heading`}>
              Older activity
            </Link>
          ) : null}
        </nav>
      </section>
    </>
  );
}
