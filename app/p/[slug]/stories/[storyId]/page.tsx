import type { Metadata } from "next";
import { paths } from "@/lib/paths";
import { Link } from "@/components/ui/link";
import { loadStory } from "@/server/pages/stories";
import { CommentForm, ModerateStoryForm, SubmitStoryButton, WithdrawStoryButton } from "@/components/stories/story-actions";
import { StoryBody } from "@/components/stories/story-body";
import { byline, commentElementId, StoryDay, StoryMoment, StoryStatusTag, ThemeTags } from "@/components/stories/story-labels";
import { ButtonLink } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form";
import type { StoryModerationAction } from "@/server/db/generated/enums";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string; storyId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, storyId } = await params;
  const story = await loadStory(slug, storyId, paths.story(slug, storyId));
  return { title: story.title };
}

const RECORD_WORDS: Record<StoryModerationAction, string> = {
  SUBMITTED: "Submitted for publishing",
  PUBLISHED: "Published",
  RETURNED: "Returned to the author",
  UNPUBLISHED: "Unpublished and returned to the author",
  WITHDRAWN: "Withdrawn by the author",
};

/** One story: its words, themes and links, what readers think, and the controls its author and officers need. */
export default async function StoryPage({ params, searchParams }: Props) {
  const { slug, storyId } = await params;
  const here = paths.story(slug, storyId);
  const story = await loadStory(slug, storyId, here);
  const { submitted } = await searchParams;
  const { viewer } = story;
  const decisions = [
    ...(viewer.canPublish ? (["PUBLISH"] as const) : []),
    ...(viewer.canReturn ? (["RETURN"] as const) : []),
    ...(viewer.canUnpublish ? (["UNPUBLISH"] as const) : []),
  ];

  return (
    <>
      <p className="mb-4">
        <Link href={paths.stories(slug)}>All stories</Link>
      </p>
      <article aria-labelledby="story-title">
        <header className="mb-6">
          <h1 id="story-title" className="text-3xl font-bold tracking-tight text-slate-900 [overflow-wrap:anywhere] sm:text-4xl">
            {story.title}
          </h1>
          <p className="mt-3 text-slate-700">
            By {byline(story.author)}
            {story.publishedAt ? (
              <>
                {" · "}Published <StoryDay at={story.publishedAt} />
              </>
            ) : null}
          </p>
          {story.status !== "PUBLISHED" ? (
            <p className="mt-2">
              <StoryStatusTag status={story.status} />
            </p>
          ) : null}
          {story.summary ? <p className="mt-3 max-w-prose text-lg [overflow-wrap:anywhere]">{story.summary}</p> : null}
          <div className="mt-3">
            <ThemeTags themes={story.themes} />
          </div>
        </header>

        {submitted === "1" && story.status === "SUBMITTED" && viewer.isAuthor ? (
          <div className="mb-6 max-w-prose">
            <FormMessage tone="success">
              Your story has been submitted. An officer will read it and publish it or return it to you with a note.
            </FormMessage>
          </div>
        ) : null}

        {story.returnNote && story.status === "RETURNED" ? (
          <section aria-labelledby="return-note-heading" className="mb-6 max-w-prose rounded-md border-l-4 border-red-800 bg-red-50 p-4">
            <h2 id="return-note-heading" className="font-semibold">
              An officer has asked for changes
            </h2>
            <p className="mt-1 whitespace-pre-line">{story.returnNote}</p>
          </section>
        ) : null}

        <StoryBody html={story.html} />

        {story.organisations.length > 0 || story.projects.length > 0 ? (
          <dl className="mt-8 max-w-prose space-y-3">
            {story.organisations.length > 0 ? (
              <div>
                <dt className="font-semibold">Organisations</dt>
                <dd>{story.organisations.map((organisation) => organisation.name).join(", ")}</dd>
              </div>
            ) : null}
            {story.projects.length > 0 ? (
              <div>
                <dt className="font-semibold">Funded projects</dt>
                <dd>
                  <ul>
                    {story.projects.map((project) => (
                      <li key={project.id}>
                        <Link href={paths.project(slug, project.id)}>{project.name}</Link>
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            ) : null}
          </dl>
        ) : null}
        {story.status === "PUBLISHED" && story.isPublic && story.partnership.publishesPortfolio ? (
          <p className="mt-6 text-slate-700">
            This story is also on the partnership&rsquo;s{" "}
            <Link href={paths.publicStory(slug, story.id)}>public page</Link>.
          </p>
        ) : null}
      </article>

      {viewer.canEdit || viewer.canSubmit || viewer.canWithdraw ? (
        <section aria-labelledby="author-heading" className="mt-12 space-y-4">
          <h2 id="author-heading" className="text-2xl font-semibold">
            Your story
          </h2>
          <div className="flex flex-wrap items-start gap-4">
            {viewer.canEdit ? (
              <ButtonLink href={paths.editStory(slug, storyId)} variant="secondary">
                Edit the story
              </ButtonLink>
            ) : null}
            {viewer.canSubmit ? <SubmitStoryButton storyId={story.id} /> : null}
          </div>
          {viewer.canWithdraw ? <WithdrawStoryButton storyId={story.id} published={story.status === "PUBLISHED"} /> : null}
        </section>
      ) : null}

      {decisions.length > 0 ? (
        <section aria-labelledby="moderation-heading" className="mt-12">
          <h2 id="moderation-heading" className="text-2xl font-semibold">
            Moderation
          </h2>
          <p className="mt-1 max-w-prose text-slate-700">
            {story.status === "SUBMITTED"
              ? "Publish the story for the whole partnership, or return it to its author with a note."
              : "Unpublishing takes the story down and returns it to its author with your note."}
          </p>
          <div className="mt-4">
            <ModerateStoryForm storyId={story.id} decisions={decisions} />
          </div>
        </section>
      ) : null}

      {story.moderation.length > 0 ? (
        <section aria-labelledby="record-heading" className="mt-12">
          <h2 id="record-heading" className="text-2xl font-semibold">
            Moderation record
          </h2>
          <ol className="mt-3 max-w-prose space-y-2">
            {story.moderation.map((line, index) => (
              <li key={index} className="border-l-4 border-slate-300 pl-3">
                <span className="font-semibold">{RECORD_WORDS[line.action]}</span> by {line.actorName},{" "}
                <StoryMoment at={line.createdAt} />
                {line.note ? <span className="block whitespace-pre-line">{line.note}</span> : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {story.status === "PUBLISHED" || story.comments.length > 0 ? (
        <section id="comments" aria-labelledby="comments-heading" className="mt-12 scroll-mt-4">
          <h2 id="comments-heading" className="text-2xl font-semibold">
            Comments ({story.comments.length})
          </h2>
          {story.comments.length === 0 ? <p className="mt-2">No comments yet.</p> : null}
          <ol className="mt-4 max-w-prose space-y-4">
            {story.comments.map((comment) => (
              <li key={comment.id} id={commentElementId(comment.id)} tabIndex={-1} className="scroll-mt-4 rounded-md border border-slate-300 p-3">
                <p className="text-sm text-slate-700">
                  <span className="font-semibold text-slate-900">{byline(comment.author)}</span> ·{" "}
                  <StoryMoment at={comment.createdAt} />
                </p>
                <p className="mt-1 whitespace-pre-line [overflow-wrap:anywhere]">{comment.body}</p>
              </li>
            ))}
          </ol>
          {viewer.canComment ? (
            <div className="mt-6">
              <CommentForm storyId={story.id} commentCount={story.comments.length} />
            </div>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
