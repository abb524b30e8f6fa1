"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPCClient } from "@/components/providers/trpc-provider";
import { QUESTION_KIND_LABELS } from "@/components/reflections/labels";
import { buttonClass } from "@/components/ui/button-styles";
import { ErrorSummary, SelectField, TextArea, TextField } from "@/components/ui/form";
import { useApiAction } from "@/components/ui/use-api-action";
import { fieldErrorsFromIssues } from "@/lib/api-errors";
import { createQuestionSetInput, QUESTIONS_MAX } from "@/lib/schemas/reflections";

type DraftQuestion = { key: number; prompt: string; help: string; kind: "TEXT" | "SCALE" };

const fieldId = (key: string) => {
  const match = /^questions\.(\d+)\.(prompt|help|kind)$/.exec(key);
  if (match) return `question-${match[1]}-${match[2]}`;
  if (key === "questions") return "question-0-prompt";
  return key === "description" ? "set-description" : "set-title";
};

/** Writing the partnership's own question set: up to twenty written or 1 to 5 scale questions. */
export function QuestionSetForm({ slug }: { slug: string }) {
  const client = useTRPCClient();
  const router = useRouter();
  const action = useApiAction();
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [questions, setQuestions] = useState<DraftQuestion[]>([{ key: 0, prompt: "", help: "", kind: "TEXT" }]);
  const [nextKey, setNextKey] = useState(1);
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
    const result = await action.run(() => client.reflection.createQuestionSet.mutate(input), { refresh: false });
    if (result.ok) router.push(`/p/${slug}/reflections/new?questionSet=${encodeURIComponent(result.value.id)}`);
  }

  const summary = Object.entries(errors).map(([key, messages]) => [key, messages[0] ?? "Check this answer"] as const);

  return (
    <form onSubmit={submit} noValidate className="max-w-prose space-y-8">
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
                  value={question.kind}
                  onChange={(event) => change(index, { kind: event.target.value === "SCALE" ? "SCALE" : "TEXT" })}
                  error={errors[`questions.${index}.kind`]}
                >
                  <option value="TEXT">{QUESTION_KIND_LABELS.TEXT}</option>
                  <option value="SCALE">{QUESTION_KIND_LABELS.SCALE}</option>
                </SelectField>
                {questions.length > 1 ? (
                  <button type="button" className={buttonClass.quiet} onClick={() => remove(index)}>
                    Remove question {index + 1}
                  </button>
                ) : null}
              </fieldset>
            </li>
          ))}
        </ol>
        <p role="status" className="sr-only">
          {announcement}
        </p>
        {questions.length < QUESTIONS_MAX ? (
          <button id="add-question" type="button" className={buttonClass.secondary} onClick={add}>
            Add another question
          </button>
        ) : (
          <p>You have reached the most questions a set can hold ({QUESTIONS_MAX}).</p>
        )}
      </section>

      <div className="space-y-3 border-t border-slate-300 pt-5">
        {action.error ? (
          <ErrorSummary message={action.error} problems={summary} hrefFor={fieldId} />
        ) : null}
        <button type="submit" className={buttonClass.primary} disabled={action.pending}>
          Save the question set
        </button>
      </div>
    </form>
  );
}
