/**
 * Server-rendered pages over HTTP, as the officer: the portfolio dashboard, a project's
 * page (the oldest project, with the most reports) with its HTML size, and the projects
 * page beside its own API call: the four procedures whose answers the page shows (the
 * header's unread count, the navigation's viewer flags, "Your projects" and the same 25
 * projects of `project.list`), in one batched request, as a client-rendered page would
 * fetch them. The throughput ratio says what rendering the page costs over its data; the
 * note gives the ratio to `project.list` alone too. A page that does not render its data
 * (a sign-in page, an error) stops the run.
 */
import superjson from "superjson";
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

/** The procedures the projects page calls, with its inputs, as one batched tRPC GET. */
export function projectsPageCallsUrl(base: string, partnershipSlug: string, limit: number) {
  const calls: [string, unknown][] = [
    ["notification.unreadCount", undefined],
    ["partnership.viewer", { partnershipSlug }],
    ["project.mine", { partnershipSlug }],
    ["project.list", { partnershipSlug, limit }],
  ];
  const input = Object.fromEntries(calls.map(([, value], index) => [index, superjson.serialize(value)]));
  return `${base}/api/trpc/${calls.map(([name]) => name).join(",")}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`;
}

/** A batch answers 200 only when every call in it succeeded. */
async function expectBatch(url: string, context: FigureContext, calls: number) {
  const answers = JSON.parse(await fetchOk(url, context.headers)) as { result?: unknown }[];
  if (answers.length !== calls || answers.some((answer) => !answer.result)) throw new Error(`${url} did not answer every call`);
}

export const projectsPageFigure: Figure = {
  name: "projects-page",
  async run(context) {
    const slug = context.world.partnershipSlug;
    const pageUrl = `${context.tandem}/p/${slug}/projects`;
    const callsUrl = projectsPageCallsUrl(context.tandem, slug, 25);
    const listOnlyUrl = listUrl(context.tandem, { partnershipSlug: slug, limit: 25 });
    const bytes = await expectPage(pageUrl, context, "Test project");
    await expectBatch(callsUrl, context, 4);
    await fetchOk(listOnlyUrl, context.headers);
    const rows: FigureRow[] = [];
    for (const concurrency of context.concurrencies) {
      const requests = pageRequests(context, concurrency);
      const warmUp = pageWarmUp(concurrency);
      const { tandem, reference } = await compareUrls({ tandemUrl: pageUrl, referenceUrl: callsUrl, headers: context.headers, concurrency, requests, rounds: context.rounds, warmUp });
      // `project.list` alone, timed straight after, for the ratio to the list's data only.
      const { tandem: listOnly } = await compareUrls({ tandemUrl: listOnlyUrl, headers: context.headers, concurrency, requests, rounds: context.rounds, warmUp });
      context.log(
        `projects page at ${concurrency}: ${tandem.perSecond.toFixed(1)} req/s, its API calls ${reference!.perSecond.toFixed(1)} req/s, project.list alone ${listOnly.perSecond.toFixed(1)} req/s`,
      );
      rows.push({
        request: "`/p/<slug>/projects` page (25)",
        concurrency,
        tandem,
        reference,
        referenceName: "its 4 API calls, batched",
        note: `${kib(bytes)} HTML; ${(tandem.perSecond / listOnly.perSecond).toFixed(2)}× \`project.list\` alone`,
      });
    }
    return rows;
  },
};
