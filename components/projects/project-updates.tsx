import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";
import { Section } from "@/components/ui/section";
import { StatusTag } from "@/components/ui/status-tag";
import { SummaryList } from "@/components/ui/summary-list";
import { formatPence } from "@/lib/money";
import { paths } from "@/lib/paths";
import { formatDay } from "@/lib/uk-time";
import type { LoadedProject } from "@/server/pages/projects";
import { formatMeasure, RagTag, UpdateStatusTag, When, WrittenText } from "./project-labels";
import { ReviewUpdateForm } from "./review-update-form";

type Update = LoadedProject["updates"][number];

/** The project's updates, newest first, each with the officer's review form while it waits. */
export function UpdatesSection({ slug, project }: { slug: string; project: LoadedProject }) {
  const { viewer } = project;
  return (
    <Section id="updates-heading" title="Updates">
      {project.updates.length === 0 ? (
        <p>No progress updates have been posted yet.</p>
      ) : (
        <ol className="space-y-8">
          {project.updates.map((update) => (
            <li key={update.id} className="border-l-2 border-slate-300 pl-4">
              <UpdateEntry
                update={update}
                project={project}
                continuePath={viewer.canPostUpdate ? paths.newProgressUpdate(slug, project.id, update.id) : null}
              />
              {viewer.canReview && update.status === "SUBMITTED" ? (
                <ReviewUpdateForm updateId={update.id} periodSequence={update.periodSequence} />
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}

function SpendList({ update, project }: { update: Update; project: LoadedProject }) {
  const lineItem = new Map(project.budget.lines.map((line) => [line.id, line.item]));
  return (
    <ul>
      {update.spend.map((entry) => (
        <li key={entry.budgetLineId}>
          {lineItem.get(entry.budgetLineId) ?? "A budget line"}: <span className="tabular-nums">{formatPence(entry.spentPence)}</span>
          {entry.overspendReason ? (
            <span className="mt-1 block border-l-4 border-amber-700 pl-3">
              <span className="font-semibold">Why it is over budget: </span>
              <WrittenText as="span" text={entry.overspendReason} />
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** One update in the history: what the team reported, and what the reviewer said. */
function UpdateEntry({ update, project, continuePath }: { update: Update; project: LoadedProject; continuePath: string | null }) {
  const measureById = new Map(project.measures.map((measure) => [measure.id, measure]));
  const milestoneTitle = new Map(project.milestones.map((milestone) => [milestone.id, milestone.title]));
  const measureValues = update.measureValues.filter((entry) => entry.value !== null && measureById.has(entry.measureId));
  const text = (value: string): ReactNode => (value ? <WrittenText text={value} /> : null);

  return (
    <article aria-labelledby={`update-${update.id}`}>
      <h3 id={`update-${update.id}`} className="text-xl font-semibold">
        Period {update.periodSequence} update
      </h3>
      <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1">
        <UpdateStatusTag status={update.status} />
        {update.late ? <StatusTag tone="danger">Late</StatusTag> : null}
        {update.rag ? <RagTag rag={update.rag} /> : null}
        {update.percentComplete !== null ? <span>{update.percentComplete}% complete</span> : null}
      </p>
      <p className="mt-1 text-sm text-slate-700">
        {update.author.name}
        {update.submittedAt ? (
          <>
            , submitted <When at={update.submittedAt} />
          </>
        ) : (
          <>
            , last saved <When at={update.updatedAt} />
          </>
        )}
      </p>
      {update.status === "DRAFT" && continuePath ? (
        <p className="mt-2">
          <Link href={continuePath}>Draft — continue writing</Link>
        </p>
      ) : null}
      <SummaryList
        className="mt-3 max-w-prose"
        rows={[
          { key: "Progress", value: text(update.narrative) },
          { key: "Risks", value: text(update.risks) },
          { key: "Learning", value: text(update.learning) },
          { key: "Spend to date", value: update.spend.length > 0 ? <SpendList update={update} project={project} /> : null },
          {
            key: "Success measures",
            value:
              measureValues.length > 0 ? (
                <ul>
                  {measureValues.map((entry) => {
                    const measure = measureById.get(entry.measureId)!;
                    return (
                      <li key={entry.measureId}>
                        {measure.name}: <span className="tabular-nums">{formatMeasure(entry.value, measure)}</span>
                      </li>
                    );
                  })}
                </ul>
              ) : null,
          },
          {
            key: "Milestones",
            value:
              update.milestoneChanges.length > 0 ? (
                <ul>
                  {update.milestoneChanges.map((change) => (
                    <li key={change.milestoneId}>
                      {milestoneTitle.get(change.milestoneId) ?? "A milestone"}:{" "}
                      {change.state === "DONE" ? `done on ${formatDay(change.doneOn)}` : `slipped to ${formatDay(change.newDueOn)}`}
                    </li>
                  ))}
                </ul>
              ) : null,
          },
        ]}
      />
      {update.reviewNote || update.reviewedBy ? (
        <div className="mt-3 max-w-prose rounded-md bg-slate-50 p-3">
          <p className="text-sm text-slate-700">
            {update.status === "RETURNED" ? "Sent back" : "Reviewed"}
            {update.reviewedBy ? ` by ${update.reviewedBy.name}` : ""}
            {update.reviewedAt ? (
              <>
                , <When at={update.reviewedAt} />
              </>
            ) : null}
          </p>
          {update.reviewNote ? <div className="mt-1"><WrittenText text={update.reviewNote} /></div> : null}
        </div>
      ) : null}
    </article>
  );
}
