/**
 * A small closed-loop load generator: `concurrency` clients on keep-alive connections,
 * each sending its next request as soon as the last one is answered, until `requests`
 * have been answered. Every answer must have status 200 (anything else stops the run).
 */
import http from "node:http";
import { performance } from "node:perf_hooks";

export type LoadRun = { latenciesMs: number[]; seconds: number };
export type LoadSummary = { requests: number; perSecond: number; p50: number; p95: number; p99: number };

/** One GET; resolves with the status and body. */
export function get(agent: http.Agent, url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}

/** Keep-alive connections for `concurrency` clients, to open once and time many runs on. */
export const keepAliveAgent = (concurrency: number) => new http.Agent({ keepAlive: true, maxSockets: concurrency });

/**
 * Runs `requests` requests from `concurrency` clients. On `agent`'s connections when given
 * (left open for the next run), otherwise on new ones closed at the end.
 */
export async function runLoad(options: {
  url: string;
  headers?: Record<string, string>;
  requests: number;
  concurrency: number;
  agent?: http.Agent;
}): Promise<LoadRun> {
  const agent = options.agent ?? keepAliveAgent(options.concurrency);
  const headers = options.headers ?? {};
  const latenciesMs: number[] = [];
  let sent = 0;
  const started = performance.now();
  try {
    await Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        while (sent < options.requests) {
          sent += 1;
          const t0 = performance.now();
          const { status, body } = await get(agent, options.url, headers);
          if (status !== 200) throw new Error(`${options.url} answered ${status}: ${body.slice(0, 300)}`);
          latenciesMs.push(performance.now() - t0);
        }
      }),
    );
  } finally {
    if (!options.agent) agent.destroy();
  }
  return { latenciesMs, seconds: (performance.now() - started) / 1000 };
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Several runs taken together: throughput over their total time, percentiles over all their latencies. */
export function summarise(runs: LoadRun[]): LoadSummary {
  const sorted = runs.flatMap((run) => run.latenciesMs).sort((a, b) => a - b);
  const seconds = runs.reduce((sum, run) => sum + run.seconds, 0);
  return { requests: sorted.length, perSecond: sorted.length / seconds, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
}
