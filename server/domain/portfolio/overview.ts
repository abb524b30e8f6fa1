import type { Database } from "@/server/db/client";
import { portfolioSummary, type PortfolioSummary } from "./summary";

export type PortfolioOverview = PortfolioSummary & { partnership: { slug: string; name: string }; at: Date };

/**
 * The partnership's whole portfolio for its officers and chairs: money by priority area,
 * projects by status and RAG, overdue reports, decisions and outcomes so far, at `now`.
 */
export async function portfolioOverview(db: Database, partnershipId: string, now: Date = new Date()): Promise<PortfolioOverview> {
  const [partnership, summary] = await Promise.all([
    db.partnership.findUniqueOrThrow({ where: { id: partnershipId }, select: { slug: true, name: true } }),
    portfolioSummary(db, { partnershipId }, now),
  ]);
  return { ...summary, partnership, at: now };
}
