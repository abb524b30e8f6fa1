"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPCClient, withApi } from "@/components/providers/trpc-provider";
import { QUESTION_KIND_LABELS } from "@/components/reflections/labels";
import { Button } from "@/components/ui/button";
import { ErrorSummary, SelectField, TextArea, TextField } from "@/components/ui/form";
import { useApiAction } from "@/components/ui/use-api-action";
import { fieldErrorsFromIssues } from "@/lib/api-errors";
import { paths } from "@/lib/paths";
import { createQuestionSetInput, QUESTIONS_MAX } from "@/lib/schemas/reflections";

type DraftQuestion = { key: number; prompt: string; help: string; kind: "TEXT" | "SCALE" };

const fieldId = (key: string) => {
  const match = /^questions\.(\d+)\.(prompt|help|kind)$/.exec(key);
  if (match) return `question-${match[1]}-${match[2]}`;
  if (key === "questions") return "question-0-prompt";
  return key === "description" ? "set-description" : "set-title";
};

export type QuestionSetDraft = {
  title: string;
  description: string;
  questions: readonly { prompt: string; help: string; kind: "TEXT" | "SCALE" }[];
};

/**
 * Writing the partnership's own question set (up to twenty written or 1 to 5 scale
 * questions), starting empty, from a copy of a built-in template, or changing one of the
 * partnership's own sets (`questionSetId`).
 */
function QuestionSetForm({
  slug,
  initial,
  questionSetId,
  runs = 0,
}: {
  slug: string;
  initial?: QuestionSetDraft;
  questionSetId?: string;
  /** How often the set has been run: once it has, its questions stay as they were asked. */
  runs?: number;
}) {
  const client = useTRPCClient();
  const router = useRouter();
  const action = useApiAction();
  const [title, setTitle] = useState(initial?.title ?? "");
  const [description, setDescription] = useState(initial?.description ?? "");
  const [questions, setQuestions] = useState<DraftQuestion[]>(
    initial && initial.questions.length > 0
      ? initial.questions.map((question, index) => ({ key: index, ...question }))
      : [{ key: 0, prompt: "", help: "", kind: "TEXT" }],
  );
  const [nextKey, setNextKey] = useState(initial?.questions.length ?? 1);
  const questionsFixed = runs > 0;
  const [announcement, setAnnouncement] = useState("");
  const errors = action.fieldErrors;

  function change(index: number, patch: Partial<DraftQuestion>) {
    setQuestions((current) => current.map((question, at) => (at === index ? { ...question, ...patch } : question)));
  }

  function add() {
    setQuestions((current) => [...current, { key: nextKey, prompt: "", help: "", kind: "TEXT" }]);
    setNextKey(nextKey + 1);
    setAnnouncement(`Question ${questions.length + 1} added.`);
    // Focus the new question's text once it is on the page.
    requestAnimationFrame(() => document.getElementById(`question-${questions.length}-prompt`)?.focus());
  }

  function remove(index: number) {
    setQuestions((current) => current.filter((_, at) => at !== index));
    setAnnouncement(`Question ${index + 1} removed.`);
    requestAnimationFrame(() => document.getElementById("add-question")?.focus());
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = {
      partnershipSlug: slug,
      title,
      description,
      questions: questions.map(({ prompt, help, kind }) => ({ prompt, help, kind })),
    };
    const parsed = createQuestionSetInput.safeParse(input);
    if (!parsed.success) {
      action.setFieldErrors(fieldErrorsFromIssues(parsed.error.issues));
      action.setError("Please check the highlighted fields.");
      return;
    }
    const result = await action.run(
      () => (questionSetId ? client.reflection.updateQuestionSet.mutate({ ...input, questionSetId }) : client.reflection.createQuestionSet.mutate(input)),
      { refresh: false },
    );
    if (result.ok) router.push(paths.newReflection(slug, { questionSet: result.value.id }));
  }

  const summary = Object.entries(errors).map(([key, messages]) => [key, messages[0] ?? "Check this answer"] as const);

  return (
    <form onSubmit={submit} noValidate className="max-w-prose space-y-8">
      {action.error ? <ErrorSummary message={action.error} problems={summary} hrefFor={fieldId} /> : null}
      <TextField id="set-title" label="Title" maxLength={200} value={title} onChange={(event) => setTitle(event.target.value)} error={errors.title} />
      <TextArea
        id="set-description"
        label="What it is for (optional)"
        hint="Shown to the people asked, above the questions."
        rows={3}
        maxLength={2_000}
        value={description}
        onChange={(event) => setDescription(event.target.value)}
        error={errors.description}
      />

      <section aria-labelledby="questions-heading" className="space-y-6">
        <h2 id="questions-heading" className="text-2xl font-semibold">
          Questions
        </h2>
        {questionsFixed ? (
          <p className="rounded-md border-l-4 border-brand-800 bg-brand-50 p-3">
            This set has been run {runs === 1 ? "once" : `${runs} times`}, so its questions stay as people answered them. You can
            change the title, what it is for and each question&apos;s guidance.
          </p>
        ) : null}
        {errors.questions ? (
          <p className="font-semibold text-red-800">
            <span className="sr-only">Error: </span>
            {errors.questions[0]}
          </p>
        ) : null}
        <ol className="space-y-6">
          {questions.map((question, index) => (
            <li key={question.key}>
              <fieldset className="space-y-4 rounded-md border-2 border-slate-300 p-4">
                <legend className="px-1 text-lg font-semibold">Question {index + 1}</legend>
                <TextArea
                  id={`question-${index}-prompt`}
                  label="Question"
                  readOnly={questionsFixed}
                  rows={2}
                  maxLength={500}
                  value={question.prompt}
                  onChange={(event) => change(index, { prompt: event.target.value })}
                  error={errors[`questions.${index}.prompt`]}
                />
                <TextArea
                  id={`question-${index}-help`}
                  label="Guidance (optional)"
                  hint="Shown under the question, for example why it is asked."
                  rows={2}
                  maxLength={1_000}
                  value={question.help}
                  onChange={(event) => change(index, { help: event.target.value })}
                  error={errors[`questions.${index}.help`]}
                />
                <SelectField
                  id={`question-${index}-kind`}
                  label="Kind of answer"
                  disabled={questionsFixed}
                  value={question.kind}
                  onChange={(event) => change(index, { kind: event.target.value === "SCALE" ? "SCALE" : "TEXT" })}
                  error={errors[`questions.${index}.kind`]}
                >
                  <option value="TEXT">{QUESTION_KIND_LABELS.TEXT}</option>
                  <option value="SCALE">{QUESTION_KIND_LABELS.SCALE}</option>
                </SelectField>
                {questions.length > 1 && !questionsFixed ? (
                  <Button variant="quiet" onClick={() => remove(index)}>
                    Remove question {index + 1}
                  </Button>
                ) : null}
              </fieldset>
            </li>
          ))}
        </ol>
        <p role="status" className="sr-only">
          {announcement}
        </p>
        {questionsFixed ? null : questions.length < QUESTIONS_MAX ? (
          <Button id="add-question" variant="secondary" onClick={add}>
            Add another question
          </Button>
        ) : (
          <p>You have reached the most questions a set can hold ({QUESTIONS_MAX}).</p>
        )}
      </section>

      <div className="space-y-3 border-t border-slate-300 pt-5">
        <Button type="submit" pending={action.pending} pendingLabel="Saving…">
          {questionSetId ? "Save the changes" : "Save the question set"}
        </Button>
      </div>
    </form>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const QuestionSetFormWithApi = withApi(QuestionSetForm);
export { QuestionSetFormWithApi as QuestionSetForm };
