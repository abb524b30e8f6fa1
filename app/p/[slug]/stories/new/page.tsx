import type { Metadata } from "next";
import { paths } from "@/lib/paths";
import { Link } from "@/components/ui/link";
import { loadViewer } from "@/server/pages/stories";
import { StoriesNav } from "@/components/stories/stories-nav";
import { StoryForm } from "@/components/stories/story-form";
import { PageHeader } from "@/components/ui/page-header";
import { getApi } from "@/server/api/server-caller";
import { getEnv } from "@/server/env";

export const metadata: Metadata = { title: "Write a story" };
export const dynamic = "force-dynamic";

/** A member writes a story: saved as a draft first, then sent to an officer when ready. */
export default async function NewStoryPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ projectId?: string | string[] }>;
}) {
  const { slug } = await params;
  const { projectId } = await searchParams;
  const viewer = await loadViewer(slug, paths.newStory(slug));
  if (!viewer.canWriteStories) {
    return (
      <>
        <PageHeader title="Write a story" />
        <p className="max-w-prose">
          Observers read the partnership&rsquo;s stories; members write them. Ask an officer if you would like to take part.
        </p>
        <p className="mt-4">
          <Link href={paths.stories(slug)}>Back to the stories</Link>
        </p>
      </>
    );
  }
  const api = await getApi();
  const options = await api.story.linkOptions({ partnershipSlug: slug });
  return (
    <>
      <PageHeader
        title="Write a story"
        lead="Tell the partnership what working together made possible. Your story is saved as a draft; an officer reads it before it is published."
      />
      <StoriesNav slug={slug} viewer={viewer} current="new" />
      <StoryForm
        slug={slug}
        organisations={options.organisations}
        projects={options.projects}
        publishesPortfolio={options.publishesPortfolio}
        maxUploadBytes={getEnv().TANDEM_UPLOAD_MAX_BYTES}
        startWithProjectId={typeof projectId === "string" ? projectId : undefined}
      />
    </>
  );
}
