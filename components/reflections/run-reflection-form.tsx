"use client";

import { Link } from "@/components/ui/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPCClient, withApi } from "@/components/providers/trpc-provider";
import { ANONYMITY_HINTS, ANONYMITY_LABELS } from "@/components/reflections/labels";
import { Button } from "@/components/ui/button";
import { ErrorSummary, SelectField, TextField } from "@/components/ui/form";
import { useApiAction } from "@/components/ui/use-api-action";
import { paths } from "@/lib/paths";

export type RunChoice = { value: string; title: string; description: string; questionCount: number; scaleCount: number };
type Option = { id: string; name: string };

/** Where each error's control is, for the links in the error summary. */
const FIELD_IDS: Record<string, string> = {
  questionSet: "run-source-0",
  audience: "run-audience",
  subGroupId: "run-audience",
  projectId: "run-audience",
  title: "run-title",
  closesOn: "run-closes-on",
  anonymity: "run-anonymity-NAMED",
};

/**
 * Running a reflection: which questions (a ready-made template or the partnership's own
 * set), who is asked, when it closes, and whether answers are named or anonymous.
 */
function RunReflectionForm({
  slug,
  choices,
  canRunFor,
  today,
  defaultClosesOn,
  initialAudience,
  initialSource,
}: {
  slug: string;
  choices: RunChoice[];
  canRunFor: { partnership: boolean; subGroups: Option[]; projects: Option[] };
  today: string;
  defaultClosesOn: string;
  /** e.g. "SUB_GROUP:<id>" when started from a sub-group's page. */
  initialAudience?: string;
  /** e.g. "set:<id>" straight after writing a question set. */
  initialSource?: string;
}) {
  const client = useTRPCClient();
  const router = useRouter();
  const action = useApiAction();
  const [source, setSource] = useState(initialSource && choices.some((choice) => choice.value === initialSource) ? initialSource : (choices[0]?.value ?? ""));
  const [audience, setAudience] = useState(initialAudience ?? "");
  const [title, setTitle] = useState("");
  const [closesOn, setClosesOn] = useState(defaultClosesOn);
  const [anonymity, setAnonymity] = useState<"NAMED" | "ANONYMOUS" | "">("");
  const errors = action.fieldErrors;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const local: Record<string, string[]> = {};
    if (!source) local.questionSet = ["Choose the questions to ask"];
    if (!audience) local.audience = ["Choose who is asked"];
    if (!closesOn) local.closesOn = ["Enter the closing date"];
    else if (closesOn < today) local.closesOn = ["The closing date has passed. Choose today or a later date."];
    if (!anonymity) local.anonymity = ["Choose named or anonymous answers"];
    if (Object.keys(local).length > 0 || !anonymity) {
      action.setFieldErrors(local);
      action.setError("Please check the highlighted fields.");
      return;
    }
    const [kind, id] = audience.split(":") as ["PARTNERSHIP" | "SUB_GROUP" | "PROJECT", string | undefined];
    const [sourceKind, sourceId] = source.split(":") as ["template" | "set", string];
    const result = await action.run(
      () =>
        client.reflection.create.mutate({
          partnershipSlug: slug,
          ...(sourceKind === "template" ? { templateKey: sourceId } : { questionSetId: sourceId }),
          ...(title.trim() ? { title } : {}),
          audience: kind,
          ...(kind === "SUB_GROUP" ? { subGroupId: id } : {}),
          ...(kind === "PROJECT" ? { projectId: id } : {}),
          closesOn,
          anonymity,
        }),
      { refresh: false },
    );
    if (result.ok) router.push(`${paths.reflection(slug, result.value.id)}?opened=1`);
  }

  const summary = Object.entries(errors).map(([key, messages]) => [key, messages[0] ?? "Check this answer"] as const);
  const audienceError = errors.audience ?? errors.subGroupId ?? errors.projectId;

  return (
    <form onSubmit={submit} noValidate className="max-w-prose space-y-8">
      <fieldset aria-describedby={errors.questionSet ? "run-source-error" : undefined} className={errors.questionSet ? "border-l-4 border-red-800 pl-3" : undefined}>
        <legend className="text-xl font-semibold">Questions to ask</legend>
        {errors.questionSet ? (
          <p id="run-source-error" className="font-semibold text-red-800">
            <span className="sr-only">Error: </span>
            {errors.questionSet[0]}
          </p>
        ) : null}
        <div className="mt-2 space-y-2">
          {choices.map((choice, index) => (
            <div key={choice.value} className="rounded-md border-2 border-slate-700 has-checked:bg-brand-50">
              <label className="flex min-h-11 cursor-pointer items-center gap-3 px-3 pt-2 font-semibold">
                <input
                  id={`run-source-${index}`}
                  type="radio"
                  name="run-source"
                  value={choice.value}
                  checked={source === choice.value}
                  onChange={() => setSource(choice.value)}
                  aria-describedby={`run-source-${index}-hint`}
                  className="h-5 w-5 shrink-0"
                />
                <span className="break-words">{choice.title}</span>
              </label>
              <p id={`run-source-${index}-hint`} className="px-3 pb-2 pl-11 text-sm text-slate-700">
                {choice.questionCount} {choice.questionCount === 1 ? "question" : "questions"}
                {choice.scaleCount > 0 ? `, ${choice.scaleCount} on a 1 to 5 scale` : ""}. {choice.description}
              </p>
            </div>
          ))}
        </div>
        <p className="mt-3">
          <Link href={paths.newQuestionSet(slug)}>Write your own question set</Link>
        </p>
      </fieldset>

      <SelectField
        id="run-audience"
        label="Who is asked"
        hint="Everyone asked is told the reflection is open."
        value={audience}
        onChange={(event) => setAudience(event.target.value)}
        error={audienceError}
      >
        <option value="">Choose who is asked</option>
        {canRunFor.partnership ? <option value="PARTNERSHIP">The whole partnership (observers included)</option> : null}
        {canRunFor.subGroups.length > 0 ? (
          <optgroup label="A sub-group's members">
            {canRunFor.subGroups.map((group) => (
              <option key={group.id} value={`SUB_GROUP:${group.id}`}>
                {group.name}
              </option>
            ))}
          </optgroup>
        ) : null}
        {canRunFor.projects.length > 0 ? (
          <optgroup label="A project's team">
            {canRunFor.projects.map((project) => (
              <option key={project.id} value={`PROJECT:${project.id}`}>
                {project.name}
              </option>
            ))}
          </optgroup>
        ) : null}
      </SelectField>

      <TextField
        id="run-title"
        label="Title (optional)"
        hint="For example, “Spring team chat”. Left blank, the questions' title and the audience are used."
        maxLength={200}
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        error={errors.title}
      />

      <TextField
        id="run-closes-on"
        type="date"
        label="Closing date"
        hint="Answers are taken until the end of this day (UK time)."
        min={today}
        value={closesOn}
        onChange={(event) => setClosesOn(event.target.value)}
        error={errors.closesOn}
      />

      <fieldset aria-describedby={errors.anonymity ? "run-anonymity-error" : undefined} className={errors.anonymity ? "border-l-4 border-red-800 pl-3" : undefined}>
        <legend className="text-xl font-semibold">Named or anonymous</legend>
        {errors.anonymity ? (
          <p id="run-anonymity-error" className="font-semibold text-red-800">
            <span className="sr-only">Error: </span>
            {errors.anonymity[0]}
          </p>
        ) : null}
        <div className="mt-2 space-y-2">
          {(["NAMED", "ANONYMOUS"] as const).map((value) => (
            <div key={value} className="rounded-md border-2 border-slate-700 has-checked:bg-brand-50">
              <label className="flex min-h-11 cursor-pointer items-center gap-3 px-3 pt-2 font-semibold">
                <input
                  id={`run-anonymity-${value}`}
                  type="radio"
                  name="run-anonymity"
                  value={value}
                  checked={anonymity === value}
                  onChange={() => setAnonymity(value)}
                  aria-describedby={`run-anonymity-${value}-hint`}
                  className="h-5 w-5 shrink-0"
                />
                {ANONYMITY_LABELS[value]}
              </label>
              <p id={`run-anonymity-${value}-hint`} className="px-3 pb-2 pl-11 text-sm text-slate-700">
                {ANONYMITY_HINTS[value]}
                {value === "NAMED" ? " People may turn their own written answers into stories." : " Anonymous answers cannot become stories."}
              </p>
            </div>
          ))}
        </div>
      </fieldset>

      <div className="space-y-3 border-t border-slate-300 pt-5">
        {action.error ? (
          <ErrorSummary message={action.error} problems={summary} hrefFor={(key) => FIELD_IDS[key] ?? "run-source-0"} />
        ) : null}
        <Button type="submit" pending={action.pending}>
          Open the reflection
        </Button>
      </div>
    </form>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const RunReflectionFormWithApi = withApi(RunReflectionForm);
export { RunReflectionFormWithApi as RunReflectionForm };
