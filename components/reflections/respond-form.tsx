"use client";

import { Link } from "@/components/ui/link";
import { paths } from "@/lib/paths";
import { useRef, useState, type FormEvent } from "react";
import { useTRPCClient, withApi } from "@/components/providers/trpc-provider";
import { AnswerToStoryButton } from "@/components/reflections/answer-to-story-button";
import { ANONYMITY_HINTS, SCALE_WORDS } from "@/components/reflections/labels";
import { Button, ButtonLink } from "@/components/ui/button";
import { FormMessage, TextArea } from "@/components/ui/form";
import { useApiAction } from "@/components/ui/use-api-action";
import { TEXT_ANSWER_MAX } from "@/lib/schemas/reflections";

export type RespondQuestion = { id: string; position: number; prompt: string; help: string; kind: "TEXT" | "SCALE" };
type SavedAnswer = { answerId: string; questionId: string; text: string | null; score: number | null };

const textId = (index: number) => `answer-${index}`;
const scaleId = (index: number, score: number | "none") => `answer-${index}-${score}`;

/**
 * The answer form: every question, written answers or a 1 to 5 scale, any of which may be
 * left out (at least one must be answered). Once sent, a named respondent may turn their
 * written answers into draft stories; anonymous answers stay anonymous.
 */
function RespondForm({
  slug,
  surveyId,
  anonymity,
  questions,
}: {
  slug: string;
  surveyId: string;
  anonymity: "NAMED" | "ANONYMOUS";
  questions: RespondQuestion[];
}) {
  const client = useTRPCClient();
  const action = useApiAction();
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [scores, setScores] = useState<Record<string, number | null>>({});
  const [saved, setSaved] = useState<SavedAnswer[] | null>(null);
  const thanks = useRef<HTMLHeadingElement>(null);
  const errors = action.fieldErrors;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const answers = questions.map((question) =>
      question.kind === "SCALE"
        ? { questionId: question.id, score: scores[question.id] ?? null }
        : { questionId: question.id, text: texts[question.id] ?? "" },
    );
    const anything = answers.some((answer) => ("score" in answer ? answer.score !== null : answer.text.trim() !== ""));
    if (!anything) {
      action.setFieldErrors({ form: ["Answer at least one question"] });
      action.setError("Answer at least one question before you send your reflections.");
      return;
    }
    // No refresh: the page would replace this thank-you screen with its "answered" view.
    const result = await action.run(() => client.reflection.respond.mutate({ surveyId, answers }), { refresh: false });
    if (result.ok) {
      setSaved(result.value.answers);
      requestAnimationFrame(() => thanks.current?.focus());
    }
  }

  if (saved) {
    const written = saved.filter((answer) => answer.text);
    return (
      <section aria-labelledby="thanks-heading" className="max-w-prose space-y-4">
        <h2 id="thanks-heading" ref={thanks} tabIndex={-1} className="text-2xl font-semibold">
          Thank you: your reflections are in
        </h2>
        <FormMessage tone="success">Your answers have been sent.</FormMessage>
        {anonymity === "NAMED" && written.length > 0 ? (
          <div className="space-y-4">
            <h3 className="text-xl font-semibold">Share one as a story?</h3>
            <p>
              If one of your answers is an example of working together that others could learn from, you can turn it into
              a draft story. Only you can see the draft until you submit it for the partnership to publish.
            </p>
            <ul className="space-y-4">
              {written.map((answer) => {
                const question = questions.find((candidate) => candidate.id === answer.questionId);
                return (
                  <li key={answer.answerId} className="rounded-md border-2 border-slate-300 p-4">
                    <p className="font-semibold">{question?.prompt}</p>
                    <p className="mt-1 line-clamp-3 whitespace-pre-line text-slate-700">{answer.text}</p>
                    <div className="mt-3">
                      <AnswerToStoryButton
                        answerId={answer.answerId}
                        storyPath={null}
                        questionLabel={`your answer to question ${question?.position ?? ""}`}
                      />
                    </div>
                  </li>
                );
              })}
            </ul>
          </div>
        ) : null}
        {anonymity === "ANONYMOUS" ? (
          <p>
            Your answers are anonymous: nobody can see which are yours, so they cannot become stories. If you would like to
            share an example of working together, you can <Link href={paths.stories(slug)}>write a story</Link> of your
            own.
          </p>
        ) : null}
        <ul className="flex flex-wrap gap-4">
          <li>
            <ButtonLink href={paths.reflectionResults(slug, surveyId)} variant="secondary">
              See the results so far
            </ButtonLink>
          </li>
          <li>
            <ButtonLink href={paths.reflections(slug)} variant="quiet">
              Back to reflections
            </ButtonLink>
          </li>
        </ul>
      </section>
    );
  }

  const summary = Object.entries(errors).map(([key, messages]) => {
    const index = Number(/^answers\.(\d+)\./.exec(key)?.[1] ?? 0);
    const question = questions[index];
    const target = question?.kind === "SCALE" ? scaleId(index, 1) : textId(index);
    return [key, messages[0] ?? "Check this answer", target] as const;
  });

  return (
    <form onSubmit={submit} noValidate className="max-w-prose space-y-8">
      <p className="rounded-md bg-slate-50 p-3">
        {ANONYMITY_HINTS[anonymity]} Answer the questions you want to; you can leave any of them out.
      </p>
      <ol className="space-y-8">
        {questions.map((question, index) => {
          const label = `${question.position}. ${question.prompt}`;
          if (question.kind === "TEXT") {
            return (
              <li key={question.id}>
                <TextArea
                  id={textId(index)}
                  label={label}
                  hint={question.help || undefined}
                  rows={5}
                  maxLength={TEXT_ANSWER_MAX}
                  value={texts[question.id] ?? ""}
                  onChange={(event) => setTexts({ ...texts, [question.id]: event.target.value })}
                  error={errors[`answers.${index}.text`]}
                />
              </li>
            );
          }
          const error = errors[`answers.${index}.score`]?.[0];
          const describedBy = [question.help ? `${textId(index)}-hint` : null, error ? `${textId(index)}-error` : null].filter(Boolean).join(" ");
          return (
            <li key={question.id}>
              <fieldset aria-describedby={describedBy || undefined} className={error ? "border-l-4 border-red-800 pl-3" : undefined}>
                <legend className="font-semibold">{label}</legend>
                {question.help ? (
                  <p id={`${textId(index)}-hint`} className="text-sm text-slate-700">
                    {question.help}
                  </p>
                ) : null}
                {error ? (
                  <p id={`${textId(index)}-error`} className="font-semibold text-red-800">
                    <span className="sr-only">Error: </span>
                    {error}
                  </p>
                ) : null}
                <div className="mt-2 flex flex-wrap gap-2">
                  {[1, 2, 3, 4, 5].map((score) => (
                    <label
                      key={score}
                      className="flex min-h-11 min-w-11 cursor-pointer items-center gap-2 rounded-md border-2 border-slate-700 px-3 has-checked:bg-brand-50"
                    >
                      <input
                        id={scaleId(index, score)}
                        type="radio"
                        name={`score-${question.id}`}
                        value={score}
                        checked={scores[question.id] === score}
                        onChange={() => setScores({ ...scores, [question.id]: score })}
                        className="h-5 w-5"
                      />
                      {SCALE_WORDS[score - 1]}
                    </label>
                  ))}
                  <label className="flex min-h-11 cursor-pointer items-center gap-2 rounded-md border-2 border-slate-700 px-3 has-checked:bg-brand-50">
                    <input
                      id={scaleId(index, "none")}
                      type="radio"
                      name={`score-${question.id}`}
                      value=""
                      checked={(scores[question.id] ?? null) === null}
                      onChange={() => setScores({ ...scores, [question.id]: null })}
                      className="h-5 w-5"
                    />
                    No answer
                  </label>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>

      <div className="space-y-3 border-t border-slate-300 pt-5">
        {action.error ? (
          <div className="space-y-2">
            <FormMessage tone="error">{action.error}</FormMessage>
            {summary.some(([key]) => key !== "form") ? (
              <ul className="list-disc space-y-1 pl-8">
                {summary
                  .filter(([key]) => key !== "form")
                  .map(([key, message, target]) => (
                    <li key={key}>
                      <a href={`#${target}`}>{message}</a>
                    </li>
                  ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        <Button type="submit" pending={action.pending}>
          Send my reflections
        </Button>
      </div>
    </form>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const RespondFormWithApi = withApi(RespondForm);
export { RespondFormWithApi as RespondForm };
