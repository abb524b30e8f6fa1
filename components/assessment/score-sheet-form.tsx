"use client";

import { useId, useState, type FormEvent } from "react";
import { useTRPCClient, withApi } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { FormMessage, TextArea } from "@/components/ui/form";
import { useApiAction } from "@/components/ui/use-api-action";

type Criterion = { name: string; weight: number };
type GuideStep = { score: number; meaning: string };
type SavedScore = { criterion: string; score: number; comment: string };

/** One criterion: its scale as radio buttons, and an optional comment. */
function CriterionField({
  index,
  criterion,
  scoreMax,
  score,
  onScore,
  comment,
  onComment,
  error,
  commentError,
  guide,
}: {
  index: number;
  criterion: Criterion;
  scoreMax: number;
  guide: GuideStep[];
  score: number | null;
  onScore: (score: number) => void;
  comment: string;
  onComment: (comment: string) => void;
  error?: string;
  commentError?: string;
}) {
  const errorId = useId();
  return (
    <div className={`space-y-3 rounded-md border border-slate-300 p-4 ${error ? "border-l-4 border-l-red-800" : ""}`}>
      <fieldset aria-describedby={error ? errorId : undefined}>
        <legend className="font-semibold">
          {criterion.name} (weight {criterion.weight}%)
        </legend>
        <p className="text-sm text-slate-700">0 is the lowest score, {scoreMax} the highest.</p>
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer font-semibold text-brand-800 underline underline-offset-2">
            What each score means<span className="sr-only"> for {criterion.name}</span>
          </summary>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
            {guide.map((step) => (
              <div key={step.score} className="contents">
                <dt className="font-semibold tabular-nums">{step.score}</dt>
                <dd>{step.meaning}</dd>
              </div>
            ))}
          </dl>
        </details>
        {error ? (
          <p id={errorId} className="font-semibold text-red-800">
            <span className="sr-only">Error: </span>
            {error}
          </p>
        ) : null}
        <div className="mt-2 flex flex-wrap gap-2">
          {Array.from({ length: scoreMax + 1 }, (_, value) => (
            <label
              key={value}
              className="flex min-h-11 min-w-11 cursor-pointer items-center justify-center gap-2 rounded-md border-2 border-slate-700 px-3 has-checked:bg-brand-800 has-checked:text-white"
            >
              <input
                type="radio"
                name={`score-${index}`}
                value={value}
                checked={score === value}
                onChange={() => onScore(value)}
                className="h-5 w-5"
              />
              {value}
            </label>
          ))}
        </div>
      </fieldset>
      <TextArea
        label={`Comment on ${criterion.name}`}
        hint="Optional. It is saved with the score, so choose a score first."
        rows={3}
        value={comment}
        onChange={(event) => onComment(event.target.value)}
        error={commentError}
      />
    </div>
  );
}

/** The assessor's scores for one proposal: saved as a draft until they submit them. */
function ScoreSheetForm({
  proposalId,
  criteria,
  scoreMax,
  saved,
  savedComment,
  guide,
}: {
  proposalId: string;
  criteria: Criterion[];
  scoreMax: number;
  guide: GuideStep[];
  saved: SavedScore[];
  savedComment: string;
}) {
  const client = useTRPCClient();
  const action = useApiAction();
  const find = (name: string) => saved.find((score) => score.criterion === name);
  const [scores, setScores] = useState<(number | null)[]>(() => criteria.map((c) => find(c.name)?.score ?? null));
  const [comments, setComments] = useState<string[]>(() => criteria.map((c) => find(c.name)?.comment ?? ""));
  const [comment, setComment] = useState(savedComment);
  const [missing, setMissing] = useState<Record<number, string>>({});
  // Criteria sent in the last attempt, in order: the server's field errors index into this.
  const [sentIndexes, setSentIndexes] = useState<number[]>([]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submit = (event.nativeEvent as SubmitEvent).submitter?.getAttribute("value") === "submit";
    const unscored: Record<number, string> = {};
    if (submit) {
      criteria.forEach((criterion, index) => {
        if (scores[index] === null) unscored[index] = `Choose a score for ${criterion.name}`;
      });
    }
    setMissing(unscored);
    if (Object.keys(unscored).length > 0) {
      action.reset();
      action.setError("Score every criterion before you submit.");
      return;
    }
    // A draft may be partly done: only the scored criteria are sent.
    const sent = criteria.flatMap((criterion, index) =>
      scores[index] === null ? [] : [{ index, score: { criterion: criterion.name, score: scores[index]!, comment: comments[index]! } }],
    );
    setSentIndexes(sent.map((s) => s.index));
    await action.run(() => client.assessment.saveScores.mutate({ proposalId, scores: sent.map((s) => s.score), comment, submit }), {
      success: submit ? "Scores submitted." : "Draft saved. Your scores are not submitted yet.",
    });
  }

  const e = action.fieldErrors;
  const serverError = (index: number, field: "score" | "criterion" | "comment") => {
    const position = sentIndexes.indexOf(index);
    return position < 0 ? undefined : e[`scores.${position}.${field}`]?.[0];
  };
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {action.error ? <FormMessage tone="error">{action.error}</FormMessage> : null}
      {action.done ? <FormMessage tone="success">{action.done}</FormMessage> : null}
      {e.scores ? (
        <p className="font-semibold text-red-800">
          <span className="sr-only">Error: </span>
          {e.scores[0]}
        </p>
      ) : null}
      {criteria.map((criterion, index) => (
        <CriterionField
          key={criterion.name}
          index={index}
          criterion={criterion}
          scoreMax={scoreMax}
          guide={guide}
          score={scores[index] ?? null}
          onScore={(value) => setScores(scores.map((s, i) => (i === index ? value : s)))}
          comment={comments[index] ?? ""}
          onComment={(value) => setComments(comments.map((c, i) => (i === index ? value : c)))}
          error={missing[index] ?? serverError(index, "score") ?? serverError(index, "criterion")}
          commentError={serverError(index, "comment")}
        />
      ))}
      <TextArea
        label="Overall comment"
        hint="Optional: what the officers deciding should know"
        rows={5}
        value={comment}
        onChange={(event) => setComment(event.target.value)}
        error={e.comment}
      />
      <p className="text-slate-700">You can save a draft and come back. Once you submit, your scores are final.</p>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" name="intent" value="draft" variant="secondary" disabled={action.pending}>
          Save draft
        </Button>
        <Button type="submit" name="intent" value="submit" pending={action.pending} pendingLabel="Saving…">
          Submit scores
        </Button>
      </div>
    </form>
  );
}

/** An assessor steps back from a proposal they have a conflict of interest with. */
function DeclareConflictForm({ proposalId }: { proposalId: string }) {
  const client = useTRPCClient();
  const action = useApiAction();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get("reason") ?? "");
    await action.run(() => client.assessment.declareConflict.mutate({ proposalId, reason }), {
      success: "Conflict of interest declared.",
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {action.error ? <FormMessage tone="error">{action.error}</FormMessage> : null}
      {action.done ? <FormMessage tone="success">{action.done}</FormMessage> : null}
      <TextArea
        label="Reason for the conflict of interest"
        name="reason"
        rows={3}
        hint="For example: you advise one of the partner organisations. Any draft scores you saved are deleted."
        error={action.fieldErrors.reason}
      />
      <Button type="submit" variant="secondary" pending={action.pending} pendingLabel="Declaring…">
        Declare conflict
      </Button>
    </form>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const ScoreSheetFormWithApi = withApi(ScoreSheetForm);
const DeclareConflictFormWithApi = withApi(DeclareConflictForm);
export { ScoreSheetFormWithApi as ScoreSheetForm, DeclareConflictFormWithApi as DeclareConflictForm };
