/**
 * Server-rendered pages over HTTP, as the officer: the portfolio dashboard, a project's
 * page (the oldest project, with the most reports) with its HTML size, and the projects
 * page beside its own API call (`project.list` for the same 25 projects) as a throughput
 * ratio. A page that does not render its data (a sign-in page, an error) stops the run.
 */
import { listUrl } from "./project-list";
import { compareUrls, fetchOk, kib } from "./measure";
import type { Figure, FigureContext, FigureRow } from "./types";

/** Pages cost more than an API call: fewer requests per run keep the bench to minutes. */
const pageRequests = (context: FigureContext, concurrency: number) => Math.max(20, concurrency, Math.round(context.requests / 4));
/** One request per client warms a page up (the first renders compile nothing, but fill caches). */
const pageWarmUp = (concurrency: number) => Math.max(5, concurrency);

async function expectPage(url: string, context: FigureContext, mustContain: string): Promise<number> {
  const html = await fetchOk(url, context.headers);
  if (!html.includes(mustContain)) throw new Error(`${url} did not render "${mustContain}" (signed out, or an error page?)`);
  return Buffer.byteLength(html);
}

async function timePage(context: FigureContext, request: string, url: string, note?: string): Promise<FigureRow[]> {
  const rows: FigureRow[] = [];
  for (const concurrency of context.concurrencies) {
    const { tandem } = await compareUrls({ tandemUrl: url, headers: context.headers, concurrency, requests: pageRequests(context, concurrency), rounds: context.rounds, warmUp: pageWarmUp(concurrency) });
    context.log(`${request} at ${concurrency}: ${tandem.perSecond.toFixed(1)} req/s, p50 ${tandem.p50.toFixed(0)} ms`);
    rows.push({ request, concurrency, tandem, note });
  }
  return rows;
}

export const dashboardFigure: Figure = {
  name: "dashboard",
  async run(context) {
    const url = `${context.tandem}/p/${context.world.partnershipSlug}/dashboard`;
    const bytes = await expectPage(url, context, "Overdue");
    return timePage(context, "portfolio dashboard page", url, `${kib(bytes)} HTML`);
  },
};

export const projectPageFigure: Figure = {
  name: "project-page",
  async run(context) {
    const url = `${context.tandem}/p/${context.world.partnershipSlug}/projects/bench-project-1`;
    const bytes = await expectPage(url, context, "Test project 1");
    return timePage(context, "a project page (oldest project)", url, `${kib(bytes)} HTML`);
  },
};

export const projectsPageFigure: Figure = {
  name: "projects-page",
  async run(context) {
    const pageUrl = `${context.tandem}/p/${context.world.partnershipSlug}/projects`;
    const apiUrl = listUrl(context.tandem, { partnershipSlug: context.world.partnershipSlug, limit: 25 });
    const bytes = await expectPage(pageUrl, context, "Test project");
    await fetchOk(apiUrl, context.headers);
    const rows: FigureRow[] = [];
    for (const concurrency of context.concurrencies) {
      const { tandem, reference } = await compareUrls({
        tandemUrl: pageUrl,
        referenceUrl: apiUrl,
        headers: context.headers,
        concurrency,
        requests: pageRequests(context, concurrency),
        rounds: context.rounds,
        warmUp: pageWarmUp(concurrency),
      });
      context.log(`projects page at ${concurrency}: ${tandem.perSecond.toFixed(1)} req/s, its API call ${reference!.perSecond.toFixed(1)} req/s`);
      rows.push({ request: "`/p/<slug>/projects` page (25)", concurrency, tandem, reference, referenceName: "its `project.list` call", note: `${kib(bytes)} HTML` });
    }
    return rows;
  },
};
