/**
 * Timing helpers the figures share: warm up, then alternate runs of Tandem and its
 * reference (starting with each side in turn, so neither gets the quieter moments).
 */
import http from "node:http";
import { get, runLoad, summarise, type LoadRun, type LoadSummary } from "../http-load";

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
  const { headers, concurrency, requests, rounds } = options;
  const warmUp = options.warmUp ?? Math.max(10, concurrency * 2);
  await runLoad({ url: options.tandemUrl, headers, requests: warmUp, concurrency });
  if (options.referenceUrl) await runLoad({ url: options.referenceUrl, headers, requests: warmUp, concurrency });
  const tandem: LoadRun[] = [];
  const reference: LoadRun[] = [];
  for (let round = 0; round < rounds; round++) {
    const sides = options.referenceUrl ? (round % 2 === 0 ? ["tandem", "reference"] : ["reference", "tandem"]) : ["tandem"];
    for (const side of sides) {
      const url = side === "tandem" ? options.tandemUrl : options.referenceUrl!;
      (side === "tandem" ? tandem : reference).push(await runLoad({ url, headers, requests, concurrency }));
    }
  }
  return { tandem: summarise(tandem), reference: options.referenceUrl ? summarise(reference) : undefined };
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
