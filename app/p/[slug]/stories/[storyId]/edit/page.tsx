import type { Metadata } from "next";
import { paths } from "@/lib/paths";
import { Link } from "@/components/ui/link";
import { loadStory } from "@/server/pages/stories";
import { StoryForm } from "@/components/stories/story-form";
import { STORY_STATUS_LABELS } from "@/lib/story-themes";
import { PageHeader } from "@/components/ui/page-header";
import { getApi } from "@/server/api/server-caller";
import { getEnv } from "@/server/env";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; storyId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, storyId } = await params;
  const story = await loadStory(slug, storyId, paths.editStory(slug, storyId));
  return { title: `Edit ${story.title}` };
}

/** The author changes a draft or returned story; anything else is explained, not offered. */
export default async function EditStoryPage({ params }: Props) {
  const { slug, storyId } = await params;
  const readPath = paths.story(slug, storyId);
  const story = await loadStory(slug, storyId, paths.editStory(slug, storyId));

  if (!story.viewer.canEdit || story.body === null) {
    return (
      <>
        <PageHeader title={`Edit ${story.title}`} />
        <p className="max-w-prose">
          This story is {STORY_STATUS_LABELS[story.status].toLowerCase()}. Only its author can edit it, and only while it
          is a draft or has been returned for changes.
        </p>
        <p className="mt-4">
          <Link href={readPath}>Back to the story</Link>
        </p>
      </>
    );
  }

  const api = await getApi();
  const options = await api.story.linkOptions({ partnershipSlug: slug });
  return (
    <>
      <p className="mb-2">
        <Link href={readPath}>Back to the story</Link>
      </p>
      <PageHeader title={`Edit ${story.title}`} lead="Save your changes as often as you like. Submit the story when it is ready for an officer to read." />
      {story.returnNote && story.status === "RETURNED" ? (
        <section aria-labelledby="return-note-heading" className="mb-8 max-w-prose rounded-md border-l-4 border-red-800 bg-red-50 p-4">
          <h2 id="return-note-heading" className="font-semibold">
            What the officer asked for
          </h2>
          <p className="mt-1 whitespace-pre-line">{story.returnNote}</p>
        </section>
      ) : null}
      <StoryForm
        slug={slug}
        story={{
          id: story.id,
          version: story.version,
          draft: {
            title: story.title,
            summary: story.summary,
            body: story.body,
            themes: story.themes,
            isPublic: story.isPublic,
            organisationIds: story.organisations.map((organisation) => organisation.id),
            projectIds: story.projects.map((project) => project.id),
          },
        }}
        organisations={options.organisations}
        projects={options.projects}
        publishesPortfolio={options.publishesPortfolio}
        maxUploadBytes={getEnv().TANDEM_UPLOAD_MAX_BYTES}
      />
    </>
  );
}
