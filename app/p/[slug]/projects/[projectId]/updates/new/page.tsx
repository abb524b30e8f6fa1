import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { loadProject } from "@/server/pages/projects";
import { ProgressUpdateForm, type UpdateDraft } from "@/components/projects/progress-update-form";
import { PageHeader } from "@/components/ui/page-header";
import { paths } from "@/lib/paths";
import { getEnv } from "@/server/env";

export const metadata: Metadata = { title: "Post a progress update" };
export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string; projectId: string }>;
  searchParams: Promise<{ draft?: string | string[] }>;
};

const OPEN_STATES = new Set(["OVERDUE", "DUE_SOON", "NOT_DUE"]);

/** The project's lead or team writes the update for a reporting period, or continues a draft. */
export default async function NewProgressUpdatePage({ params, searchParams }: Props) {
  const { slug, projectId } = await params;
  const { draft: draftParam } = await searchParams;
  const projectPath = paths.project(slug, projectId);
  const project = await loadProject(slug, projectId, paths.newProgressUpdate(slug, projectId));
  const back = (
    <p className="mt-4">
      <Link href={projectPath}>Back to {project.name}</Link>
    </p>
  );

  if (!project.viewer.canPostUpdate) {
    return (
      <>
        <PageHeader title="Post a progress update" lead={project.name} />
        <p className="max-w-prose">
          {project.viewer.isTeam
            ? "This project is no longer taking progress updates."
            : "Only the project's lead and team post its progress updates."}
        </p>
        {back}
      </>
    );
  }

  const drafts = project.updates.filter((update) => update.status === "DRAFT");
  const draftId = typeof draftParam === "string" ? draftParam : undefined;
  const draft = draftId ? (drafts.find((update) => update.id === draftId) ?? null) : null;
  // Periods still waiting for an update, plus the draft's own period so it stays chosen.
  const periods = project.periods.filter((period) => OPEN_STATES.has(period.state) || period.id === draft?.periodId);
  const dueFirst =
    periods.find((period) => period.state === "OVERDUE" || period.state === "DUE_SOON") ??
    periods.find((period) => period.state === "NOT_DUE");
  const defaultPeriodId = draft?.periodId ?? dueFirst?.id ?? periods[0]?.id;

  if (!defaultPeriodId) {
    return (
      <>
        <PageHeader title="Post a progress update" lead={project.name} />
        <p className="max-w-prose">Every reporting period already has an update in. There is nothing more to report.</p>
        {back}
      </>
    );
  }

  const draftValues: UpdateDraft | null = draft
    ? {
        id: draft.id,
        periodId: draft.periodId,
        rag: draft.rag,
        percentComplete: draft.percentComplete,
        narrative: draft.narrative,
        spend: draft.spend,
        measureValues: draft.measureValues,
        milestoneChanges: draft.milestoneChanges,
        risks: draft.risks,
        learning: draft.learning,
      }
    : null;

  return (
    <>
      <p className="mb-2">
        <Link href={projectPath}>Back to {project.name}</Link>
      </p>
      <PageHeader title="Post a progress update" lead={project.name} />
      {draftId && !draft ? (
        <p className="mb-6 max-w-prose rounded-md border-l-4 border-brand-800 bg-brand-50 p-3">
          That draft can no longer be changed (it may have been submitted). You are starting a new update.
        </p>
      ) : null}
      <ProgressUpdateForm
        slug={slug}
        project={{
          id: project.id,
          awardedPence: project.award.awardedPence,
          periods: periods.map((period) => ({ id: period.id, sequence: period.sequence, dueOn: period.dueOn, state: period.state })),
          budgetLines: project.budget.lines.map((line) => ({ id: line.id, item: line.item, awardedPence: line.awardedPence })),
          measures: project.measures.map((measure) => ({
            id: measure.id,
            name: measure.name,
            unit: measure.unit,
            baseline: measure.baseline,
            target: measure.target,
          })),
          milestones: project.milestones
            .filter((milestone) => milestone.state !== "DONE")
            .map((milestone) => ({ id: milestone.id, title: milestone.title, dueOn: milestone.dueOn, state: milestone.state })),
        }}
        defaultPeriodId={defaultPeriodId}
        draft={draftValues}
        openDraftIds={drafts.map((update) => update.id)}
        uploadMaxBytes={getEnv().TANDEM_UPLOAD_MAX_BYTES}
      />
    </>
  );
}
