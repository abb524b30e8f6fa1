/**
 * `project.list` beside the minimal reference (../reference-server.ts): the first page, a
 * deep page (after 90% of the projects) and the last page must give the same data on both
 * sides (the benchmark stops if not); the first and the deep page are timed.
 */
import http from "node:http";
import { isDeepStrictEqual } from "node:util";
import pg from "pg";
import superjson from "superjson";
import { get } from "../http-load";
import { compareUrls } from "./measure";
import type { Figure, FigureContext, FigureRow } from "./types";

export function listUrl(base: string, input: { partnershipSlug: string; limit: number; cursor?: string }) {
  return `${base}/api/trpc/project.list?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
}

/** Fetches the same request from both and fails loudly unless the parsed data are deep-equal. */
async function proveIdentical(context: FigureContext, name: string, tandemUrl: string, referenceUrl: string) {
  const agent = new http.Agent();
  try {
    const [tandem, reference] = [await get(agent, tandemUrl, context.headers), await get(agent, referenceUrl, context.headers)];
    if (tandem.status !== 200 || reference.status !== 200) {
      throw new Error(`${name}: Tandem answered ${tandem.status}, the reference ${reference.status}\n${tandem.body.slice(0, 500)}\n${reference.body.slice(0, 500)}`);
    }
    type Envelope = { result: { data: Parameters<typeof superjson.deserialize>[0] } };
    const tandemData = superjson.deserialize((JSON.parse(tandem.body) as Envelope).result.data);
    const referenceData = superjson.deserialize((JSON.parse(reference.body) as Envelope).result.data);
    if (!isDeepStrictEqual(tandemData, referenceData)) {
      const both = [tandemData, referenceData] as { items?: unknown[] }[];
      const at = (both[0]!.items ?? []).findIndex((item, index) => !isDeepStrictEqual(item, both[1]!.items?.[index]));
      const shown = at >= 0 ? both.map((data) => data.items?.[at]) : both;
      console.error(`${at >= 0 ? `Item ${at}` : "The answers"} differ.\nTandem: ${JSON.stringify(shown[0], null, 2)}\nReference: ${JSON.stringify(shown[1], null, 2)}`);
      throw new Error(`${name}: the reference's answer differs from Tandem's, so its figures would mean nothing`);
    }
    const { items } = tandemData as { items: { latest: unknown; nextDue: { state: string } | null; overdueCount: number }[] };
    const states = [...new Set(items.map((item) => item.nextDue?.state ?? "none"))].join(", ");
    context.log(
      `${name}: both answer the same ${items.length} projects (${tandem.body.length} and ${reference.body.length} bytes; ` +
        `${items.filter((item) => item.latest).length} with a latest report, next due ${states}, ` +
        `${items.filter((item) => item.overdueCount > 0).length} with overdue reports)`,
    );
  } finally {
    agent.destroy();
  }
}

/** The ids a cursor stands at: the project after `fraction` of the list, newest first. */
async function cursorsAt(url: string, fractions: number[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `SELECT "id" FROM "FundedProject" WHERE "partnershipId" = 'bench-partnership' ORDER BY "createdAt" DESC, "id" DESC`,
    );
    return fractions.map((fraction) => rows[Math.min(rows.length - 1, Math.floor(rows.length * fraction))]!.id);
  } finally {
    await client.end();
  }
}

export const projectListFigure: Figure = {
  name: "project.list",
  async run(context) {
    const input = { partnershipSlug: context.world.partnershipSlug, limit: 10 };
    const [deepCursor, lastCursor] = await cursorsAt(context.databaseUrl, [0.9, 1 - 5 / context.world.counts.projects]);
    const pages = [
      { name: "`project.list` first page (10)", input, timed: true },
      { name: "`project.list` deep page (10)", input: { ...input, cursor: deepCursor! }, timed: true },
      { name: "`project.list` last page (10)", input: { ...input, cursor: lastCursor! }, timed: false },
    ];
    for (const page of pages) await proveIdentical(context, page.name, listUrl(context.tandem, page.input), listUrl(context.reference, page.input));
    const rows: FigureRow[] = [];
    for (const page of pages.filter((candidate) => candidate.timed)) {
      for (const concurrency of context.concurrencies) {
        const { tandem, reference } = await compareUrls({
          tandemUrl: listUrl(context.tandem, page.input),
          referenceUrl: listUrl(context.reference, page.input),
          headers: context.headers,
          concurrency,
          requests: context.requests,
          rounds: context.rounds,
        });
        context.log(`${page.name} at ${concurrency}: Tandem ${tandem.perSecond.toFixed(0)} req/s, reference ${reference!.perSecond.toFixed(0)} req/s`);
        rows.push({ request: page.name, concurrency, tandem, reference, referenceName: "reference server" });
      }
    }
    return rows;
  },
};
