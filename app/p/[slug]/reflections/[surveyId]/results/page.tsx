import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { paths } from "@/lib/paths";
import { loadOr404 } from "@/server/pages/load";
import { ANONYMITY_LABELS, closingText, formatRate } from "@/components/reflections/labels";
import { loadReflection } from "@/server/pages/reflections";
import { ScaleTable } from "@/components/reflections/scale-table";
import { ButtonAnchor, ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { getApi } from "@/server/api/server-caller";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; surveyId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, surveyId } = await params;
  const reflection = await loadReflection(slug, surveyId, paths.reflectionResults(slug, surveyId));
  return { title: `Results · ${reflection.title}` };
}

/**
 * What everyone said: how many answered out of how many were asked, then each question's
 * answers together (written answers listed, scales as a table of scores).
 */
export default async function ReflectionResultsPage({ params }: Props) {
  const { slug, surveyId } = await params;
  const base = paths.reflection(slug, surveyId);
  const here = paths.reflectionResults(slug, surveyId);
  const reflection = await loadReflection(slug, surveyId, here);
  if (!reflection.canSeeResults) {
    return (
      <>
        <p className="mb-4">
          <Link href={base}>Back to the reflection</Link>
        </p>
        <PageHeader title="Results" lead="You can see the results once you have answered, or when the reflection closes." />
        {reflection.canAnswer ? (
          <p>
            <ButtonLink href={base}>Answer the reflection</ButtonLink>
          </p>
        ) : null}
      </>
    );
  }
  const api = await getApi();
  const results = await loadOr404(() => api.reflection.results({ surveyId }), { here });
  const named = results.anonymity === "NAMED";

  return (
    <>
      <p className="mb-4">
        <Link href={base}>Back to the reflection</Link>
      </p>
      <PageHeader title={`Results: ${results.title}`}>
        <p className="mt-3 max-w-prose text-lg text-slate-700">
          {results.audience.label} · {ANONYMITY_LABELS[results.anonymity]} · {closingText(results)}
        </p>
      </PageHeader>

      <section aria-labelledby="summary-heading" className="mb-10">
        <h2 id="summary-heading" className="text-2xl font-semibold">
          Summary
        </h2>
        <dl className="mt-3 grid max-w-xl grid-cols-1 gap-4 sm:grid-cols-3">
          <div className="rounded-md border-2 border-slate-300 p-3">
            <dt className="text-slate-700">Responses</dt>
            <dd className="text-3xl font-bold tabular-nums">{results.responseCount}</dd>
          </div>
          <div className="rounded-md border-2 border-slate-300 p-3">
            <dt className="text-slate-700">People asked</dt>
            <dd className="text-3xl font-bold tabular-nums">{results.audienceSize}</dd>
          </div>
          <div className="rounded-md border-2 border-slate-300 p-3">
            <dt className="text-slate-700">Response rate</dt>
            <dd className="text-3xl font-bold tabular-nums">{formatRate(results.responseRate)}</dd>
          </div>
        </dl>
        {results.isOpen ? <p className="mt-3">The reflection is still open, so more answers may come in.</p> : null}
        {!named ? <p className="mt-3">Answers are anonymous: nobody is named, and the order of answers says nothing about who gave them.</p> : null}
        {results.canManage ? (
          <p className="mt-4 flex flex-wrap gap-3">
            <ButtonAnchor href={paths.reflectionResultsCsv(slug, surveyId)} download>
              Download the answers (CSV)
            </ButtonAnchor>
            <ButtonAnchor href={paths.reflectionResultsXlsx(slug, surveyId)} download>
              Download the answers (Excel)
            </ButtonAnchor>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="answers-heading">
        <h2 id="answers-heading" className="text-2xl font-semibold">
          Answers by question
        </h2>
        <ol className="mt-4 space-y-10">
          {results.questions.map((question) => {
            const headingId = `question-${question.position}`;
            return (
              <li key={question.id}>
                <section aria-labelledby={headingId}>
                  <h3 id={headingId} className="text-xl font-semibold break-words">
                    {question.position}. {question.prompt}
                  </h3>
                  {question.help ? <p className="mt-1 max-w-prose text-sm text-slate-700">{question.help}</p> : null}
                  {question.scale ? (
                    <ScaleTable caption={question.prompt} mean={question.scale.mean} distribution={question.scale.distribution} />
                  ) : question.texts.length === 0 ? (
                    <p className="mt-2">Nobody has answered this question yet.</p>
                  ) : (
                    <>
                      <p className="mt-2 text-slate-700">
                        {question.texts.length} {question.texts.length === 1 ? "answer" : "answers"}
                      </p>
                      <ul className="mt-2 max-w-prose space-y-3">
                        {question.texts.map((entry, index) => (
                          <li key={index} className="rounded-md border-l-4 border-brand-800 bg-slate-50 p-3">
                            <blockquote className="whitespace-pre-line break-words">{entry.text}</blockquote>
                            {named && entry.name ? <p className="mt-2 text-sm font-semibold text-slate-700">{entry.name}</p> : null}
                          </li>
                        ))}
                      </ul>
                    </>
                  )}
                </section>
              </li>
            );
          })}
        </ol>
      </section>
    </>
  );
}
