import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";
import { FileAttachments } from "@/components/files/file-attachments";
import { Section } from "@/components/ui/section";
import { SummaryList } from "@/components/ui/summary-list";
import { Table } from "@/components/ui/table";
import { formatPence } from "@/lib/money";
import { paths } from "@/lib/paths";
import type { ProjectTimelineEntry } from "@/server/domain/projects/timeline";
import { EVALUATION_OPENS_DAYS_BEFORE_END, OUTCOME_LABELS } from "@/server/domain/projects/evaluation";
import { addDays } from "@/lib/projects/schedule";
import type { LoadedProject } from "@/server/pages/projects";
import { DecideProjectForm } from "./decide-project-form";
import { EvaluationForm } from "./evaluation-form";
import { Day, formatMeasure, measureColumns, When, WrittenText } from "./project-labels";

type Evaluation = NonNullable<LoadedProject["evaluation"]>;
type Decision = NonNullable<LoadedProject["decision"]>;

const multiline = (value: string) => <WrittenText as="span" text={value} />;

export function EvaluationSection({ project, uploadMaxBytes }: { project: LoadedProject; uploadMaxBytes: number }) {
  const { viewer, award } = project;
  return (
    <Section id="evaluation-heading" title="Evaluation">
      <EvaluationEvidence projectId={project.id} uploadMaxBytes={uploadMaxBytes} />
      {project.evaluation ? (
        <EvaluationSummary evaluation={project.evaluation} project={project} />
      ) : viewer.canEvaluate ? (
        <>
          <p className="max-w-prose text-slate-700">
            Say how the test went. Once you submit it, the partnership decides whether to scale it up, sustain it, adapt it or stop
            it.
          </p>
          <EvaluationForm
            projectId={project.id}
            awardedPence={award.awardedPence}
            measures={project.measures.map(({ id, name, unit, kind, baseline, target }) => ({ id, name, unit, kind, baseline, target }))}
          />
        </>
      ) : (
        <p className="max-w-prose">
          The lead writes the evaluation from <Day day={addDays(project.endsOn, -EVALUATION_OPENS_DAYS_BEFORE_END)} />, a month
          before the test ends. It has not been submitted yet.
        </p>
      )}
    </Section>
  );
}

/** The lead's evaluation as submitted: where the measures ended, what it cost, what they learned. */
function EvaluationSummary({ evaluation, project }: { evaluation: Evaluation; project: LoadedProject }) {
  const results = new Map(evaluation.measureResults.map((entry) => [entry.measureId, entry.value]));
  const difference = project.award.awardedPence - evaluation.costPence;
  return (
    <>
      <p className="text-sm text-slate-700">
        Submitted by {evaluation.author.name}, <When at={evaluation.submittedAt} />
      </p>
      <p className="mt-3 text-xl font-semibold">Recommends: {OUTCOME_LABELS[evaluation.recommendation]}</p>
      {project.measures.length > 0 ? (
        <Table
          caption="Success measures at the end of the test"
          className="mt-4"
          rows={project.measures}
          rowKey={(measure) => measure.id}
          columns={[
            ...measureColumns<LoadedProject["measures"][number]>(),
            {
              key: "end",
              header: "At the end",
              numeric: true,
              cell: (measure) => {
                const value = results.get(measure.id) ?? null;
                return value === null ? "Not measured" : formatMeasure(value, measure);
              },
            },
          ]}
        />
      ) : null}
      <SummaryList
        className="mt-4 max-w-prose"
        rows={[
          {
            key: "What the test cost",
            value: (
              <span className="tabular-nums">
                {formatPence(evaluation.costPence)} of {formatPence(project.award.awardedPence)} awarded
                {difference > 0 ? ` (${formatPence(difference)} less than the award)` : ""}
              </span>
            ),
          },
          { key: "What worked", value: multiline(evaluation.whatWorked) },
          { key: "What did not work", value: multiline(evaluation.whatDidNot) },
        ]}
      />
    </>
  );
}

export function DecisionSection({ project }: { project: LoadedProject }) {
  return (
    <Section id="decision-heading" title="Decision">
      {project.decision ? (
        <DecisionSummary decision={project.decision} />
      ) : project.viewer.canDecide ? (
        <>
          <p className="max-w-prose text-slate-700">
            The lead&apos;s evaluation is in. Record what the partnership decided; this closes the project.
          </p>
          <DecideProjectForm projectId={project.id} />
        </>
      ) : (
        <p className="max-w-prose">
          {project.evaluation
            ? "The evaluation is in. The partnership's officers will record the decision."
            : "The partnership decides the test's future once the lead's evaluation is in."}
        </p>
      )}
    </Section>
  );
}

/** The partnership's decision on the test, as recorded. */
function DecisionSummary({ decision }: { decision: Decision }) {
  return (
    <div className="max-w-prose rounded-md border-l-4 border-brand-800 bg-slate-50 p-4">
      <h3 className="text-xl font-semibold">Decision: {OUTCOME_LABELS[decision.outcome]}</h3>
      <p className="mt-1 text-sm text-slate-700">
        Recorded by {decision.decidedBy.name}, <When at={decision.decidedAt} />
      </p>
      <SummaryList
        className="mt-3"
        rows={[
          { key: "Reasons", value: multiline(decision.reasons) },
          { key: "Next step for recurring funding", value: decision.nextStep ? multiline(decision.nextStep) : null },
        ]}
      />
    </div>
  );
}

type StoryItem = { id: string; title: string; summary: string | null; author: { name: string } };

export function StoriesSection({ slug, project, stories }: { slug: string; project: LoadedProject; stories: readonly StoryItem[] }) {
  return (
    <Section id="stories-heading" title="Stories">
      {stories.length > 0 ? (
        <ul className="max-w-prose space-y-3">
          {stories.map((story) => (
            <li key={story.id}>
              <Link href={paths.story(slug, story.id)} className="font-semibold">
                {story.title}
              </Link>
              <span className="text-slate-700"> by {story.author.name}</span>
              {story.summary ? <p className="mt-1 break-words text-slate-700">{story.summary}</p> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="max-w-prose text-slate-700">No published story is linked to this project yet.</p>
      )}
      {project.viewer.canWriteStory ? (
        <p className="mt-3">
          <Link href={paths.newStoryAboutProject(slug, project.id)}>Write a story about this project</Link>
        </p>
      ) : null}
    </Section>
  );
}

/** Link words that make sense out of context (screen readers list links on their own). */
function timelineLinkText(entry: ProjectTimelineEntry): ReactNode {
  switch (entry.kind) {
    case "REVISED":
      return "See what changed in the proposal";
    case "UPDATE_POSTED":
    case "UPDATE_ACCEPTED":
    case "UPDATE_RETURNED":
      return (
        <>
          Read the update<span className="sr-only">: {entry.summary.toLowerCase()}</span>
        </>
      );
    case "PAID":
      return "See the payments";
    case "EVALUATED":
      return "Read the evaluation";
    case "DECIDED":
      return "Read the decision";
    default:
      return "Read more";
  }
}

export function TimelineSection({ timeline }: { timeline: readonly ProjectTimelineEntry[] }) {
  return (
    <Section id="timeline-heading" title="Timeline" lead="Everything that happened, from the first idea to the decision, oldest first.">
      <ol className="max-w-prose space-y-3 border-l-2 border-slate-300 pl-4">
        {timeline.map((entry) => (
          <li key={entry.id}>
            <p className="text-sm text-slate-700">
              <When at={entry.at} />
              {entry.actor ? <span>, {entry.actor.name}</span> : null}
            </p>
            <p className="break-words">{entry.summary}</p>
            {entry.link ? (
              <Link href={entry.link} className="text-sm">
                {timelineLinkText(entry)}
              </Link>
            ) : null}
          </li>
        ))}
      </ol>
    </Section>
  );
}

/** Photos, reports and other evidence the lead attaches to the evaluation (until it is submitted). */
function EvaluationEvidence({ projectId, uploadMaxBytes }: { projectId: string; uploadMaxBytes: number }) {
  return (
    <div className="mb-8 max-w-prose">
      <FileAttachments
        owner={{ ownerKind: "EVALUATION", ownerId: projectId }}
        maxBytes={uploadMaxBytes}
        title="Evidence for the evaluation"
        uploadLabel="Add photos, reports or other evidence"
        headingId="evaluation-evidence-heading"
        level={3}
      />
    </div>
  );
}
