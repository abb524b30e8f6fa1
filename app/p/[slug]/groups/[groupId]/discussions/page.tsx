import type { Metadata } from "next";
import { ActivitySection, ThreadsSection } from "@/components/discussions/discussion-sections";
import { JoinToTakePart } from "@/components/discussions/join-to-take-part";
import { NotesSection } from "@/components/discussions/notes-section";
import { PageHeader } from "@/components/ui/page-header";
import { subGroupInSentence } from "@/lib/schemas/sub-groups";
import { loadDiscussionActivity, loadDiscussionSpace } from "@/server/pages/discussions";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string; groupId: string }>;
  searchParams: Promise<{ activityAfter?: string | string[] }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, groupId } = await params;
  const space = await loadDiscussionSpace(slug, groupId);
  return { title: space ? `Conversations · ${space.subGroup.name}` : "Conversations" };
}

/** The sub-group's space: pinned notes, conversations, and what has happened lately. */
export default async function DiscussionsPage({ params, searchParams }: Props) {
  const { slug, groupId } = await params;
  const space = await loadDiscussionSpace(slug, groupId);
  if (!space) return <JoinToTakePart slug={slug} groupId={groupId} />;

  const { activityAfter } = await searchParams;
  const cursor = typeof activityAfter === "string" && activityAfter ? activityAfter : undefined;
  const activity = await loadDiscussionActivity(groupId, cursor);

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
      <NotesSection subGroupId={space.subGroup.id} notes={space.notes} canManage={space.viewer.canManageNotes} />
      <ThreadsSection slug={slug} space={space} />
      <ActivitySection slug={slug} groupId={groupId} activity={activity} cursor={cursor} />
    </>
  );
}
