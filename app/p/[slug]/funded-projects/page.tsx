import type { Metadata } from "next";
import { AWARD_STATE_LABELS } from "@/components/funding/award-state";
import { moneyColumn } from "@/components/projects/money-columns";
import { PageHeader } from "@/components/ui/page-header";
import { Table } from "@/components/ui/table";
import { formatPence } from "@/lib/money";
import { paths } from "@/lib/paths";
import { partnershipSlug } from "@/lib/schemas/partnership";
import { getApi } from "@/server/api/server-caller";
import { loadOr404, paramOr404 } from "@/server/pages/load";

export const metadata: Metadata = { title: "Funded projects" };
export const dynamic = "force-dynamic";

/** The partnership's published funded projects, and any awarded to the viewer's own organisation. */
export default async function FundedProjectsPage({ params }: { params: Promise<{ slug: string }> }) {
  const slug = paramOr404(partnershipSlug, (await params).slug);
  const api = await getApi();
  const projects = await loadOr404(() => api.funding.fundedProjects({ partnershipSlug: slug }), { here: paths.fundedProjects(slug) });
  type Row = (typeof projects)[number];
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
          <Table<Row>
            caption="Funded projects"
            captionHidden
            rows={projects}
            rowKey={(project) => project.id}
            columns={[
              {
                key: "project",
                header: "Project",
                rowHeader: true,
                cell: (project) => (
                  <>
                    {project.projectName}
                    <span className="block text-sm font-normal text-slate-700">
                      {project.recipientName}
                      {project.isYourOrganisation ? " · your organisation" : ""}
                      {project.published ? "" : " · not published"}
                    </span>
                  </>
                ),
              },
              { key: "area", header: "Priority area", cell: (project) => project.priorityArea ?? "None" },
              { key: "status", header: "Status", cell: (project) => AWARD_STATE_LABELS[project.state] },
              moneyColumn<Row>("awarded", "Awarded", (project) => project.awardedPence),
            ]}
          />
        </>
      )}
    </>
  );
}
