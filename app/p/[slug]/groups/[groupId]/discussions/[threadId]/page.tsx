import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { AuthorLine } from "@/components/discussions/author-line";
import { JoinToTakePart } from "@/components/discussions/join-to-take-part";
import { PostBody } from "@/components/discussions/post-body";
import { PostComposer } from "@/components/discussions/post-composer";
import { PageHeader } from "@/components/ui/page-header";
import { isNotFoundError } from "@/server/api/errors";
import { getApi } from "@/server/api/server-caller";
import { getCurrentActor } from "@/server/auth/current-actor";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; groupId: string; threadId: string }> };

/** The conversation, or null when the actor may not take part in this sub-group's conversations. */
const loadThread = cache(async (slug: string, groupId: string, threadId: string) => {
  const api = await getApi();
  try {
    const view = await api.discussion.thread({ threadId });
    if (view.subGroup.id !== groupId || view.subGroup.partnershipSlug !== slug) notFound();
    return view;
  } catch (error) {
    if (error instanceof TRPCError && error.code === "FORBIDDEN") return null;
    if (isNotFoundError(error) || (error instanceof TRPCError && error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, groupId, threadId } = await params;
  if (!(await getCurrentActor())) return { title: "Sign in" };
  const view = await loadThread(slug, groupId, threadId);
  return { title: view ? `${view.thread.title} · ${view.subGroup.name}` : "Conversation" };
}

export default async function ThreadPage({ params }: Props) {
  const { slug, groupId, threadId } = await params;
  const list = `/p/${slug}/groups/${groupId}/discussions`;
  if (!(await getCurrentActor())) redirect(`/signin?callbackUrl=${encodeURIComponent(`${list}/${threadId}`)}`);
  const view = await loadThread(slug, groupId, threadId);
  if (!view) return <JoinToTakePart slug={slug} groupId={groupId} />;
  const { thread, replies } = view;

  return (
    <>
      <p className="mb-4">
        <Link href={list}>All conversations in {view.subGroup.name}</Link>
      </p>
      <PageHeader title={thread.title}>
        <div className="mt-3">
          <AuthorLine author={thread.author} date={thread.createdAt} verb="Started by" />
        </div>
      </PageHeader>

      <article aria-label={`Opening message by ${thread.author.name}`} className="border-l-4 border-brand-800 pl-4">
        <PostBody segments={thread.bodySegments} />
      </article>

      <section aria-labelledby="replies-heading" className="mt-10">
        <h2 id="replies-heading" className="text-2xl font-semibold">
          {replies.length === 0 ? "No replies yet" : `${replies.length} ${replies.length === 1 ? "reply" : "replies"}`}
        </h2>
        {replies.length > 0 ? (
          <ol className="mt-3 space-y-4">
            {replies.map((reply) => (
              <li key={reply.id} id={`reply-${reply.id}`} tabIndex={-1} className="rounded-lg border border-slate-300 p-4">
                <article aria-label={`Reply by ${reply.author.name}`}>
                  <AuthorLine author={reply.author} date={reply.createdAt} />
                  <div className="mt-2">
                    <PostBody segments={reply.bodySegments} />
                  </div>
                </article>
              </li>
            ))}
          </ol>
        ) : null}
      </section>

      {view.viewer.canReply ? (
        <section aria-labelledby="reply-heading" className="mt-10">
          <h2 id="reply-heading" className="mb-4 text-2xl font-semibold">
            Reply
          </h2>
          <PostComposer mode="reply" subGroupId={view.subGroup.id} threadId={thread.id} />
        </section>
      ) : view.subGroup.archived ? (
        <p className="mt-10 rounded-md border-l-4 border-slate-700 bg-slate-100 p-3">
          This sub-group has been archived, so no more replies can be added.
        </p>
      ) : null}
    </>
  );
}
