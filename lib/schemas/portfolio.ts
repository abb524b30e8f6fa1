import { z } from "zod";
import { partnershipSlug } from "./partnership";
import { id } from "./text";

/** Dashboard inputs: the partnership's portfolio, one sub-group's projects, and the actor's own work. */

/** Which page of a dashboard's list to show: from 1 (a page past the last shows none of its rows). */
export const portfolioPage = z.number({ error: "Enter a page number" }).int("Enter a whole page number").min(1, "Pages start at 1").max(100_000, "There are not that many pages");

/** The pages of the dashboard's two lists (overdue updates, outcomes by project). */
const listPages = { overduePage: portfolioPage.optional(), outcomesPage: portfolioPage.optional() };

export const portfolioOverviewInput = z.object({ partnershipSlug, ...listPages });
export const portfolioSubGroupInput = z.object({ subGroupId: id, ...listPages });
export const myWorkInput = z.object({ partnershipSlug });

export type PortfolioListPages = { overduePage: number; outcomesPage: number };

/**
 * The dashboard lists' pages from a page's query string (`?overdue=2&outcomes=3`); a
 * missing, malformed or hand-edited value is the first page.
 */
export function readPortfolioPages(params: Record<string, string | string[] | undefined>): PortfolioListPages {
  const read = (name: string) => {
    const raw = params[name];
    const parsed = portfolioPage.safeParse(Number(Array.isArray(raw) ? raw[0] : raw));
    return parsed.success ? parsed.data : 1;
  };
  return { overduePage: read("overdue"), outcomesPage: read("outcomes") };
}

/** The query string for the dashboard lists' pages (the first pages are left out). */
export function portfolioPagesSearch(pages: PortfolioListPages): Record<string, string | undefined> {
  return {
    overdue: pages.overduePage > 1 ? String(pages.overduePage) : undefined,
    outcomes: pages.outcomesPage > 1 ? String(pages.outcomesPage) : undefined,
  };
}
