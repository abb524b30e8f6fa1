/**
 * What every figure of `npm run bench` is given and gives back. A figure is a small module
 * beside this one: it proves its reference (if it has one) gives the same answer, times
 * both, and returns rows for the tables compare.ts prints.
 */
import type { LoadSummary } from "../http-load";
import type { LargeWorld } from "../seed-large";

export type FigureContext = {
  /** The seeded database (for a figure's own checks and for in-process figures). */
  databaseUrl: string;
  world: LargeWorld;
  /** Base URLs of Tandem's production server and of the minimal reference server. */
  tandem: string;
  reference: string;
  /** The officer's session cookie. */
  headers: Record<string, string>;
  concurrencies: number[];
  /** Requests per timed run, and alternating runs per side and concurrency. */
  requests: number;
  rounds: number;
  log: (message: string) => void;
};

export type FigureRow = {
  /** What was timed, e.g. "`project.list` first page (10)". */
  request: string;
  concurrency: number;
  tandem: LoadSummary;
  /** The reference beside it, when the figure has one. */
  reference?: LoadSummary;
  /** What the reference is ("reference server", "raw SQL", "its API call"). */
  referenceName?: string;
  /** Anything else worth printing, e.g. the page's HTML size. */
  note?: string;
};

export type Figure = { name: string; run: (context: FigureContext) => Promise<FigureRow[]> };
