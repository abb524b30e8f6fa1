/**
 * Timing helpers the figures share: warm up, then alternate runs of Tandem and its
 * reference (starting with each side in turn, so neither gets the quieter moments).
 *
 * Each side keeps one set of keep-alive connections, opened during its warm-up, for all its
 * timed runs: the figures are a server's steady state, not the cost of opening 50
 * connections at once. And every client sends at least `MIN_REQUESTS_PER_CLIENT` requests
 * in a run, so the run's last moments (fewer clients still waiting) are a small part of it.
 */
import http from "node:http";
import { get, keepAliveAgent, runLoad, summarise, type LoadRun, type LoadSummary } from "../http-load";

export const MIN_REQUESTS_PER_CLIENT = 10;

/** Times one URL (and its reference, if given) at one concurrency. */
export async function compareUrls(options: {
  tandemUrl: string;
  referenceUrl?: string;
  headers: Record<string, string>;
  concurrency: number;
  requests: number;
  rounds: number;
  /** Requests sent (per side) before timing; default twice the concurrency, at least 10. */
  warmUp?: number;
}): Promise<{ tandem: LoadSummary; reference?: LoadSummary }> {
  const { headers, concurrency, rounds } = options;
  const requests = Math.max(options.requests, concurrency * MIN_REQUESTS_PER_CLIENT);
  // Enough to open every client's connection and fill the server's caches.
  const warmUp = Math.max(options.warmUp ?? 10, concurrency * 2);
  const agents = { tandem: keepAliveAgent(concurrency), reference: keepAliveAgent(concurrency) };
  try {
    await runLoad({ url: options.tandemUrl, headers, requests: warmUp, concurrency, agent: agents.tandem });
    if (options.referenceUrl) await runLoad({ url: options.referenceUrl, headers, requests: warmUp, concurrency, agent: agents.reference });
    const tandem: LoadRun[] = [];
    const reference: LoadRun[] = [];
    for (let round = 0; round < rounds; round++) {
      const sides = options.referenceUrl ? (round % 2 === 0 ? (["tandem", "reference"] as const) : (["reference", "tandem"] as const)) : (["tandem"] as const);
      for (const side of sides) {
        const url = side === "tandem" ? options.tandemUrl : options.referenceUrl!;
        (side === "tandem" ? tandem : reference).push(await runLoad({ url, headers, requests, concurrency, agent: agents[side] }));
      }
    }
    return { tandem: summarise(tandem), reference: options.referenceUrl ? summarise(reference) : undefined };
  } finally {
    agents.tandem.destroy();
    agents.reference.destroy();
  }
}

/** One GET that must answer 200: its body. */
export async function fetchOk(url: string, headers: Record<string, string>): Promise<string> {
  const agent = new http.Agent();
  try {
    const { status, body } = await get(agent, url, headers);
    if (status !== 200) throw new Error(`${url} answered ${status}: ${body.slice(0, 300)}`);
    return body;
  } finally {
    agent.destroy();
  }
}

export const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
