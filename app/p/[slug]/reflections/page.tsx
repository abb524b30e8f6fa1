import type { Metadata } from "next";
import { paths } from "@/lib/paths";
import { loadOr404 } from "@/server/pages/load";
import { requireSignedIn } from "@/server/pages/reflections";
import { ReflectionList } from "@/components/reflections/reflection-list";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { getApi } from "@/server/api/server-caller";

export const metadata: Metadata = { title: "Reflections" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

/**
 * Reflections: short question sets (such as the four-question team chat) that a sub-group,
 * a project team or the whole partnership answers by a closing date.
 */
export default async function ReflectionsPage({ params }: Props) {
  const { slug } = await params;
  const here = paths.reflections(slug);
  await requireSignedIn(slug, here);
  const api = await getApi();
  const lists = await loadOr404(() => api.reflection.list({ partnershipSlug: slug }), { here });
  // Observers answer but do not run reflections: the question sets are for participants.
  const runnable = await api.reflection.questionSets({ partnershipSlug: slug }).then(
    (sets) => sets.canRunFor.partnership || sets.canRunFor.subGroups.length > 0 || sets.canRunFor.projects.length > 0,
    () => false,
  );

  return (
    <>
      <PageHeader
        title="Reflections"
        lead="Pause, listen and share how working together is going. Answer the reflections you have been asked to, and see what others said."
      >
        {runnable ? (
          <p className="mt-6 flex flex-wrap gap-3">
            <ButtonLink href={paths.newReflection(slug)}>Run a reflection</ButtonLink>
            <ButtonLink href={paths.newQuestionSet(slug)} variant="secondary">
              Write a question set
            </ButtonLink>
          </p>
        ) : null}
      </PageHeader>

      <section aria-labelledby="to-answer-heading" className="mb-12">
        <h2 id="to-answer-heading" className="text-2xl font-semibold">
          Open for you to answer
        </h2>
        {lists.toAnswer.length === 0 ? (
          <p className="mt-2">There are no open reflections for you at the moment.</p>
        ) : (
          <ReflectionList slug={slug} items={lists.toAnswer} show="answer" />
        )}
      </section>

      {lists.running.length > 0 ? (
        <section aria-labelledby="running-heading" className="mb-12">
          <h2 id="running-heading" className="text-2xl font-semibold">
            Open reflections you run
          </h2>
          <p className="mt-1 text-slate-700">You can follow the answers as they come in, and close a reflection early.</p>
          <ReflectionList slug={slug} items={lists.running} show="manage" />
        </section>
      ) : null}

      <section aria-labelledby="closed-heading">
        <h2 id="closed-heading" className="text-2xl font-semibold">
          Closed in the last year
        </h2>
        {lists.closed.length === 0 ? (
          <p className="mt-2">No reflections you can see have closed in the last year.</p>
        ) : (
          <ReflectionList slug={slug} items={lists.closed} show="results" />
        )}
      </section>
    </>
  );
}
