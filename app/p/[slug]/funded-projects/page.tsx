import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AWARD_STATE_LABELS } from "@/components/funding/award-state";
import { PageHeader } from "@/components/ui/page-header";
import { ScrollRegion } from "@/components/ui/scroll-region";
import { formatPence } from "@/lib/money";
import { partnershipSlug } from "@/lib/schemas/partnership";
import { isNotFoundError } from "@/server/api/errors";
import { getApi } from "@/server/api/server-caller";

export const metadata: Metadata = { title: "Funded projects" };
export const dynamic = "force-dynamic";

export default async function FundedProjectsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const parsed = partnershipSlug.safeParse(slug);
  if (!parsed.success) notFound();
  const api = await getApi();
  const projects = await api.funding.fundedProjects({ partnershipSlug: parsed.data }).catch((error: unknown) => {
    if (isNotFoundError(error)) notFound();
    throw error;
  });
  const total = projects.reduce((sum, project) => sum + project.awardedPence, 0);

  return (
    <>
      <PageHeader
        title="Funded projects"
        lead="The test projects the partnership has funded and published, and any awarded to your own organisation."
      />
      {projects.length === 0 ? (
        <p>No funded projects have been published yet.</p>
      ) : (
        <>
          <p role="status" className="mb-3">
            {projects.length} {projects.length === 1 ? "project" : "projects"}, {formatPence(total)} awarded.
          </p>
          <ScrollRegion label="Funded projects">
            <table className="w-full min-w-[32rem] border-collapse text-left">
              <caption className="sr-only">Funded projects</caption>
              <thead>
                <tr className="border-b-2 border-slate-700">
                  <th scope="col" className="py-2 pr-3">Project</th>
                  <th scope="col" className="py-2 pr-3">Priority area</th>
                  <th scope="col" className="py-2 pr-3">Status</th>
                  <th scope="col" className="py-2 text-right">Awarded</th>
                </tr>
              </thead>
              <tbody>
                {projects.map((project) => (
                  <tr key={project.id} className="border-b border-slate-200">
                    <th scope="row" className="py-2 pr-3 font-normal">
                      <span className="font-semibold">{project.projectName}</span>
                      <span className="block text-sm text-slate-700">
                        {project.recipientName}
                        {project.isYourOrganisation ? " · your organisation" : ""}
                        {project.published ? "" : " · not published"}
                      </span>
                    </th>
                    <td className="py-2 pr-3">{project.priorityArea ?? "None"}</td>
                    <td className="py-2 pr-3">{AWARD_STATE_LABELS[project.state]}</td>
                    <td className="py-2 text-right tabular-nums">{formatPence(project.awardedPence)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </>
      )}
    </>
  );
}
