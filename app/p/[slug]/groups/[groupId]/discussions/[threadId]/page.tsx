import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { AuthorLine } from "@/components/discussions/author-line";
import { JoinToTakePart } from "@/components/discussions/join-to-take-part";
import { PostBody } from "@/components/discussions/post-body";
import { RepliesSection, ReplySection } from "@/components/discussions/thread-sections";
import { FileAttachments } from "@/components/files/file-attachments";
import { PageHeader } from "@/components/ui/page-header";
import { paths } from "@/lib/paths";
import { getEnv } from "@/server/env";
import { loadDiscussionThread } from "@/server/pages/discussions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; groupId: string; threadId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, groupId, threadId } = await params;
  const view = await loadDiscussionThread(slug, groupId, threadId);
  return { title: view ? `${view.thread.title} · ${view.subGroup.name}` : "Conversation" };
}

/** One conversation: its opening message, the files shared in it, the replies, and where to reply. */
export default async function ThreadPage({ params }: Props) {
  const { slug, groupId, threadId } = await params;
  const view = await loadDiscussionThread(slug, groupId, threadId);
  if (!view) return <JoinToTakePart slug={slug} groupId={groupId} />;
  const { thread } = view;

  return (
    <>
      <p className="mb-4">
        <Link href={paths.subGroupDiscussions(slug, groupId)}>All conversations in {view.subGroup.name}</Link>
      </p>
      <PageHeader title={thread.title}>
        <div className="mt-3">
          <AuthorLine author={thread.author} date={thread.createdAt} verb="Started by" />
        </div>
      </PageHeader>

      <article aria-label={`Opening message by ${thread.author.name}`} className="border-l-4 border-brand-800 pl-4">
        <PostBody segments={thread.bodySegments} />
      </article>

      <div className="mt-8 max-w-prose">
        <FileAttachments
          owner={{ ownerKind: "THREAD", ownerId: thread.id }}
          maxBytes={getEnv().TANDEM_UPLOAD_MAX_BYTES}
          title="Files shared in this conversation"
          uploadLabel="Share a file"
          headingId="thread-files-heading"
        />
      </div>

      <RepliesSection replies={view.replies} />
      <ReplySection view={view} />
    </>
  );
}
