import type { Metadata } from "next";
import { ProjectHeader, MeasuresSection, MilestonesSection, ReportingSection } from "@/components/projects/project-overview";
import { BudgetSection, PaymentsSection } from "@/components/projects/project-money";
import { getEnv } from "@/server/env";
import { DecisionSection, EvaluationSection, StoriesSection, TimelineSection } from "@/components/projects/project-outcome";
import { TeamSection } from "@/components/projects/project-team-section";
import { UpdatesSection } from "@/components/projects/project-updates";
import { paths } from "@/lib/paths";
import { getApi } from "@/server/api/server-caller";
import { loadProject } from "@/server/pages/projects";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; projectId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, projectId } = await params;
  const project = await loadProject(slug, projectId, paths.project(slug, projectId));
  return { title: `${project.name} · Funded project` };
}

/** A funded project as its team and the partnership's steering group see it: how it is doing, and its history of updates. */
export default async function ProjectPage({ params }: Props) {
  const { slug, projectId } = await params;
  const project = await loadProject(slug, projectId, paths.project(slug, projectId));
  const api = await getApi();
  const [timeline, stories] = await Promise.all([
    api.project.timeline({ projectId }),
    api.story.list({ partnershipSlug: slug, projectId, limit: 10 }),
  ]);

  return (
    <>
      <ProjectHeader slug={slug} project={project} />
      <ReportingSection project={project} />
      <MeasuresSection project={project} />
      <BudgetSection project={project} />
      <MilestonesSection project={project} />
      <PaymentsSection slug={slug} project={project} />
      <TeamSection project={project} />
      <UpdatesSection slug={slug} project={project} />
      <EvaluationSection project={project} uploadMaxBytes={getEnv().TANDEM_UPLOAD_MAX_BYTES} />
      <DecisionSection project={project} />
      <StoriesSection slug={slug} project={project} stories={stories.items} />
      <TimelineSection timeline={timeline} />
    </>
  );
}
