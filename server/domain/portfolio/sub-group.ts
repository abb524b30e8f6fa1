import type { Database } from "@/server/db/client";
import type { ProjectStatus, ProposalStatus, RagStatus } from "@/server/db/generated/enums";
import { notFound } from "@/server/errors";
import { latePeriods, portfolioSummary, type PortfolioPages, type PortfolioSummary } from "./summary";

const PROPOSAL_STATUS_ORDER: readonly ProposalStatus[] = ["DRAFT", "SUBMITTED", "UNDER_ASSESSMENT", "APPROVED", "DECLINED", "WITHDRAWN"];

export type SubGroupProject = {
  id: string;
  name: string;
  status: ProjectStatus;
  awardedPence: number;
  paidPence: number;
  latest: { rag: RagStatus; percentComplete: number } | null;
  overdueCount: number;
};

export type SubGroupPortfolio = PortfolioSummary & {
  subGroup: { id: string; name: string };
  /** The sub-group's projects, newest first. */
  projectList: SubGroupProject[];
  proposals: { total: number; byStatus: { status: ProposalStatus; count: number }[] };
  at: Date;
};

/** The portfolio figures for one sub-group's projects, the projects themselves, and its proposals by status. */
export async function subGroupPortfolio(
  db: Database,
  subGroupId: string,
  now: Date = new Date(),
  pages: PortfolioPages = {},
): Promise<SubGroupPortfolio> {
  const subGroup = await db.subGroup.findUnique({ where: { id: subGroupId }, select: { id: true, name: true, partnershipId: true } });
  if (!subGroup) throw notFound("That sub-group");
  const scope = { partnershipId: subGroup.partnershipId, subGroupId };
  const [summary, projects, proposalGroups, late] = await Promise.all([
    portfolioSummary(db, scope, now, pages),
    db.fundedProject.findMany({
      where: { subGroupId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: {
        id: true,
        name: true,
        status: true,
        award: { select: { awardedPence: true, paidPence: true } },
        updates: {
          where: { status: { in: ["SUBMITTED", "ACCEPTED"] } },
          orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
          take: 1,
          select: { rag: true, percentComplete: true },
        },
      },
    }),
    db.proposal.groupBy({ by: ["status"], where: { subGroupId }, _count: { _all: true } }),
    // Every listed project's overdue count, not only those on the overdue list's page.
    db.$queryRaw<{ projectId: string; overdueCount: number }[]>`
      SELECT l."projectId", count(*)::int AS "overdueCount" FROM (${latePeriods(scope, now)}) l GROUP BY l."projectId"`,
  ]);
  const overdue = new Map(late.map((row) => [row.projectId, row.overdueCount]));
  const byStatus = PROPOSAL_STATUS_ORDER.map((status) => ({
    status,
    count: proposalGroups.find((group) => group.status === status)?._count._all ?? 0,
  }));
  return {
    ...summary,
    subGroup: { id: subGroup.id, name: subGroup.name },
    projectList: projects.map((project) => {
      const latest = project.updates[0];
      return {
        id: project.id,
        name: project.name,
        status: project.status,
        awardedPence: project.award.awardedPence,
        paidPence: project.award.paidPence,
        latest: latest ? { rag: latest.rag!, percentComplete: latest.percentComplete! } : null,
        overdueCount: overdue.get(project.id) ?? 0,
      };
    }),
    proposals: { total: byStatus.reduce((sum, group) => sum + group.count, 0), byStatus },
    at: now,
  };
}
