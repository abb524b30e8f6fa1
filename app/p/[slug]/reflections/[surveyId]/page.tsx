import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { AnswerToStoryButton } from "@/components/reflections/answer-to-story-button";
import { CloseReflectionButton } from "@/components/reflections/close-reflection-button";
import { ANONYMITY_LABELS } from "@/components/reflections/labels";
import { formatInstantDay } from "@/lib/uk-time";
import { loadReflection } from "@/server/pages/reflections";
import { RespondForm } from "@/components/reflections/respond-form";
import { ButtonAnchor, ButtonLink } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form";
import { PageHeader } from "@/components/ui/page-header";
import { paths } from "@/lib/paths";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string; surveyId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, surveyId } = await params;
  const reflection = await loadReflection(slug, surveyId, paths.reflection(slug, surveyId));
  return { title: `${reflection.title} · Reflection` };
}

/** One reflection: the answer form for the people asked, their own answers once sent, and the runner's controls. */
export default async function ReflectionPage({ params, searchParams }: Props) {
  const { slug, surveyId } = await params;
  const { opened } = await searchParams;
  const here = paths.reflection(slug, surveyId);
  const results = paths.reflectionResults(slug, surveyId);
  const reflection = await loadReflection(slug, surveyId, here);
  const answerOf = new Map((reflection.myAnswers ?? []).map((answer) => [answer.questionId, answer]));

  return (
    <>
      <p className="mb-4">
        <Link href={paths.reflections(slug)}>Back to reflections</Link>
      </p>
      <PageHeader title={reflection.title}>
        <dl className="mt-4 grid max-w-prose gap-x-4 gap-y-1 text-slate-700 sm:grid-cols-[auto_1fr]">
          <dt className="font-semibold">Asked</dt>
          <dd className="break-words">{reflection.audience.label}</dd>
          <dt className="font-semibold">Answers</dt>
          <dd>{ANONYMITY_LABELS[reflection.anonymity]}</dd>
          <dt className="font-semibold">Run by</dt>
          <dd>{reflection.runBy}</dd>
          <dt className="font-semibold">{reflection.isOpen ? "Closes" : "Closed"}</dt>
          <dd>{formatInstantDay(reflection.closedAt ?? reflection.closesAt)}</dd>
        </dl>
      </PageHeader>

      {opened === "1" && reflection.canManage && reflection.isOpen ? (
        <div className="mb-8 max-w-prose">
          <FormMessage tone="success">The reflection is open. Everyone asked has been told.</FormMessage>
        </div>
      ) : null}

      {reflection.canManage ? (
        <section aria-labelledby="manage-heading" className="mb-10 max-w-prose space-y-3 rounded-md bg-slate-50 p-4">
          <h2 id="manage-heading" className="text-xl font-semibold">
            You run this reflection
          </h2>
          <p>You can follow the answers as they come in{reflection.isOpen ? ", and close it before its closing date" : ""}.</p>
          <p className="flex flex-wrap gap-3">
            <ButtonLink href={results} variant="secondary">
              See the results
            </ButtonLink>
            <ButtonAnchor href={paths.reflectionResultsCsv(slug, surveyId)} variant="quiet" download>
              Download the answers (CSV)
            </ButtonAnchor>
            <ButtonAnchor href={paths.reflectionResultsXlsx(slug, surveyId)} variant="quiet" download>
              Download the answers (Excel)
            </ButtonAnchor>
          </p>
          <CloseReflectionButton surveyId={reflection.id} isOpen={reflection.isOpen} />
        </section>
      ) : null}

      {reflection.canAnswer ? (
        <section aria-labelledby="answer-heading">
          <h2 id="answer-heading" className="mb-4 text-2xl font-semibold">
            Your reflections
          </h2>
          <RespondForm slug={slug} surveyId={reflection.id} anonymity={reflection.anonymity} questions={reflection.questions} />
        </section>
      ) : reflection.answered ? (
        <section aria-labelledby="answered-heading" className="max-w-prose space-y-4">
          <h2 id="answered-heading" className="text-2xl font-semibold">
            You have answered
          </h2>
          {reflection.myAnswers ? (
            <>
              <p>
                Your answers are below. You can turn a written answer into a draft story: only you can see the draft until
                you submit it for the partnership to publish.
              </p>
              <ol className="space-y-4">
                {reflection.questions.map((question) => {
                  const answer = answerOf.get(question.id);
                  return (
                    <li key={question.id} className="rounded-md border-2 border-slate-300 p-4">
                      <p className="font-semibold">
                        {question.position}. {question.prompt}
                      </p>
                      {!answer ? (
                        <p className="mt-1 text-slate-700">You did not answer this question.</p>
                      ) : answer.score !== null ? (
                        <p className="mt-1">You chose {answer.score} out of 5.</p>
                      ) : (
                        <>
                          <p className="mt-1 whitespace-pre-line break-words">{answer.text}</p>
                          <div className="mt-3">
                            <AnswerToStoryButton
                              answerId={answer.answerId}
                              storyPath={answer.storyId ? paths.story(slug, answer.storyId) : null}
                              questionLabel={`your answer to question ${question.position}`}
                            />
                          </div>
                        </>
                      )}
                    </li>
                  );
                })}
              </ol>
            </>
          ) : (
            <p>
              This reflection is anonymous, so your answers are not linked to you: they are not shown here, and they cannot
              become stories. Anonymous answers stay anonymous. If you would like to share an example of working together,{" "}
              <Link href={paths.stories(slug)}>write a story</Link> of your own.
            </p>
          )}
          {reflection.canSeeResults ? (
            <p>
              <Link href={results}>See the results</Link>
            </p>
          ) : null}
        </section>
      ) : (
        <section aria-labelledby="questions-heading" className="max-w-prose space-y-4">
          <h2 id="questions-heading" className="text-2xl font-semibold">
            The questions
          </h2>
          {!reflection.isOpen ? (
            <p>
              This reflection has closed, so it no longer takes answers.{" "}
              {reflection.canSeeResults ? <Link href={results}>See the results</Link> : null}
            </p>
          ) : !reflection.inAudience ? (
            <p>This reflection is for {reflection.audience.label}, so you are not asked to answer it.</p>
          ) : null}
          <ol className="list-decimal space-y-3 pl-6">
            {reflection.questions.map((question) => (
              <li key={question.id}>
                <p className="font-semibold">{question.prompt}</p>
                {question.help ? <p className="text-sm text-slate-700">{question.help}</p> : null}
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}
