import type { Database } from "@/server/db/client";
import { portfolioSummary, type PortfolioPages, type PortfolioSummary } from "./summary";

export type PortfolioOverview = PortfolioSummary & { partnership: { slug: string; name: string }; at: Date };

/**
 * The partnership's whole portfolio for its officers and chairs: money by priority area,
 * projects by status and RAG, overdue reports, decisions and outcomes so far, at `now`
 * (with the asked-for page of each list).
 */
export async function portfolioOverview(
  db: Database,
  partnershipId: string,
  now: Date = new Date(),
  pages: PortfolioPages = {},
): Promise<PortfolioOverview> {
  const [partnership, summary] = await Promise.all([
    db.partnership.findUniqueOrThrow({ where: { id: partnershipId }, select: { slug: true, name: true } }),
    portfolioSummary(db, { partnershipId }, now, pages),
  ]);
  return { ...summary, partnership, at: now };
}
