/**
 * `npm run bench:lighthouse`: each key page's first load in Chromium, measured by Lighthouse
 * (12.2.3, the last release for Node 20) driving Debian's Chromium. Starts the production
 * build on a fresh embedded database with the demo data, signs in as the demo officer by
 * creating a session (as the browser tests do), and prints the performance score and the
 * metrics behind it for the home, project list, project, dashboard and proposal editor
 * pages, with Lighthouse's mobile settings (simulated slow 4G and a 4× slower CPU) and its
 * desktop settings. Asserts nothing about the figures.
 *
 *   npm run bench:lighthouse
 *   LIGHTHOUSE_RUNS=5 npm run bench:lighthouse    # median of 5 runs per page and setting (default 3)
 *   LIGHTHOUSE_REPORT_DIR=.data/lighthouse ...     # also writes each run's HTML report there
 *
 * CHROMIUM_PATH chooses the browser (default /usr/bin/chromium); BENCH_PORT the app's port
 * (default 3351).
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { desktopConfig, type Flags, type RunnerResult } from "lighthouse";
import pg from "pg";
import { freePort } from "../../server/db/embedded";
import { ROOT } from "../lib/prisma-cli";
import { ensureBuild, startProcess, stopProcess, waitForHealth } from "./server-process";

const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const PORT = Number(process.env.BENCH_PORT ?? 3351);
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const REPORT_DIR = process.env.LIGHTHOUSE_REPORT_DIR;
/** `LIGHTHOUSE_PAGES=home,project list` and `LIGHTHOUSE_SETTINGS=mobile` measure only those. */
const ONLY_PAGES = process.env.LIGHTHOUSE_PAGES?.split(",").map((name) => name.trim());
const SETTINGS = (process.env.LIGHTHOUSE_SETTINGS?.split(",").map((name) => name.trim()) ?? ["mobile", "desktop"]).filter(
  (name): name is "mobile" | "desktop" => name === "mobile" || name === "desktop",
);
const OFFICER = "fiona.macleod@renfrewshire-hscp.example";
const SLUG = "renfrewshire-spg";

const log = (message: string) => console.log(`[lighthouse] ${message}`);

/** A page and who opens it. */
type Page = { name: string; path: string; as: string };
type Setting = "mobile" | "desktop";
type Measured = { score: number; fcp: number; lcp: number; tbt: number; cls: number; si: number; bytes: number; benchmarkIndex: number };

/** The pages to measure, found in the demo data: a project and a proposal the officer may edit. */
async function pagesToMeasure(client: pg.Client): Promise<Page[]> {
  const project = await client.query<{ id: string }>(
    `SELECT fp."id" FROM "FundedProject" fp JOIN "Partnership" p ON p."id" = fp."partnershipId"
      WHERE p."slug" = $1 ORDER BY fp."createdAt" LIMIT 1`,
    [SLUG],
  );
  // The editor is opened by the draft's lead author.
  const proposal = await client.query<{ id: string; email: string }>(
    `SELECT pr."id", u."email" FROM "Proposal" pr
       JOIN "Partnership" p ON p."id" = pr."partnershipId"
       JOIN "ProposalAuthor" a ON a."proposalId" = pr."id" AND a."role" = 'LEAD'
       JOIN "User" u ON u."id" = a."userId"
      WHERE p."slug" = $1 AND pr."status" = 'DRAFT'
      ORDER BY pr."createdAt" LIMIT 1`,
    [SLUG],
  );
  if (!project.rows[0]) throw new Error(`The demo data has no funded project in ${SLUG}`);
  if (!proposal.rows[0]) throw new Error(`The demo data has no draft proposal in ${SLUG}`);
  return [
    { name: "home", path: "/", as: OFFICER },
    { name: "project list", path: `/p/${SLUG}/projects`, as: OFFICER },
    { name: "project", path: `/p/${SLUG}/projects/${project.rows[0].id}`, as: OFFICER },
    { name: "dashboard", path: `/p/${SLUG}/dashboard`, as: OFFICER },
    { name: "proposal editor", path: `/p/${SLUG}/proposals/${proposal.rows[0].id}/edit`, as: proposal.rows[0].email },
  ];
}

/** A session as next-auth makes one after sign-in; the cookie value is its token. */
async function sessionFor(client: pg.Client, email: string): Promise<string> {
  const token = randomBytes(32).toString("hex");
  const inserted = await client.query(
    `INSERT INTO "Session" ("id", "sessionToken", "userId", "expires")
     SELECT $1, $2, "id", now() + interval '1 day' FROM "User" WHERE "email" = $3`,
    [`lighthouse-${token.slice(0, 16)}`, token, email],
  );
  if (inserted.rowCount !== 1) throw new Error(`No demo user ${email}`);
  return token;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function audit(url: string, setting: Setting, port: number, cookie: string, run: number, name: string): Promise<Measured> {
  const flags: Flags = { port, output: "html", logLevel: "error", onlyCategories: ["performance"], extraHeaders: { Cookie: cookie } };
  const result = (await lighthouse(url, flags, setting === "desktop" ? desktopConfig : undefined)) as RunnerResult | undefined;
  if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse could not load ${url}: ${lhr.runtimeError.message}`);
  if (new URL(lhr.finalDisplayedUrl).pathname !== new URL(url).pathname) {
    throw new Error(`${url} ended at ${lhr.finalDisplayedUrl}: is the session cookie accepted?`);
  }
  if (REPORT_DIR) {
    fs.mkdirSync(REPORT_DIR, { recursive: true });
    fs.writeFileSync(path.join(REPORT_DIR, `${name.replaceAll(" ", "-")}-${setting}-${run + 1}.html`), result.report as string);
  }
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  return {
    score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    fcp: numeric("first-contentful-paint"),
    lcp: numeric("largest-contentful-paint"),
    tbt: numeric("total-blocking-time"),
    cls: numeric("cumulative-layout-shift"),
    si: numeric("speed-index"),
    bytes: numeric("total-byte-weight"),
    benchmarkIndex: lhr.environment.benchmarkIndex,
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main() {
  ensureBuild();
  // Inside the project, as the browser tests keep theirs: the embedded PostgreSQL runs as another user, which a private temporary folder would shut out.
  const dataDir = path.join(ROOT, ".data", `lighthouse-${Date.now()}`);
  const databasePort = await freePort();
  const server = startProcess("tandem", ["--import", "tsx", "scripts/tandem.ts", "start"], {
    NODE_ENV: "production",
    PORT: String(PORT),
    DATABASE_URL: "",
    EMBEDDED_PG_PORT: String(databasePort),
    TANDEM_DATA_DIR: dataDir,
    TANDEM_DEMO_MODE: "true",
    TANDEM_JOBS: "off",
    NEXTAUTH_URL: `http://localhost:${PORT}`,
    NEXT_TELEMETRY_DISABLED: "1",
  });
  let chrome: chromeLauncher.LaunchedChrome | undefined;
  const client = new pg.Client({ connectionString: `postgresql://postgres:postgres@127.0.0.1:${databasePort}/tandem` });
  try {
    await waitForHealth(`http://localhost:${PORT}/api/health`, server, 240_000);
    await client.connect();
    const pages = (await pagesToMeasure(client)).filter((page) => !ONLY_PAGES || ONLY_PAGES.includes(page.name));
    const cookies = new Map<string, string>();
    for (const email of new Set(pages.map((page) => page.as))) cookies.set(email, `next-auth.session-token=${await sessionFor(client, email)}`);
    chrome = await chromeLauncher.launch({
      chromePath: CHROMIUM,
      chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking"],
    });
    // One unmeasured load per page first, so the server's first-request compile and caches are not counted.
    for (const page of pages) await fetch(`http://localhost:${PORT}${page.path}`, { headers: { cookie: cookies.get(page.as)! } });

    const rows: string[][] = [];
    const benchmarks: number[] = [];
    for (const setting of SETTINGS) {
      for (const page of pages) {
        const runs: Measured[] = [];
        for (let run = 0; run < RUNS; run++) runs.push(await audit(`http://localhost:${PORT}${page.path}`, setting, chrome.port, cookies.get(page.as)!, run, page.name));
        benchmarks.push(...runs.map((measured) => measured.benchmarkIndex));
        const pick = (key: keyof Measured) => median(runs.map((measured) => measured[key]));
        log(
          `${page.name} (${setting}): scores ${runs.map((measured) => measured.score).join(", ")}; ` +
            `CPU benchmark index ${runs.map((measured) => Math.round(measured.benchmarkIndex)).join(", ")}`,
        );
        rows.push([
          page.name,
          setting,
          String(pick("score")),
          seconds(pick("fcp")),
          seconds(pick("lcp")),
          `${Math.round(pick("tbt"))} ms`,
          pick("cls").toFixed(3),
          seconds(pick("si")),
          `${Math.round(pick("bytes") / 1024)} KiB`,
        ]);
      }
    }
    const header = ["page", "settings", "performance", "FCP", "LCP", "TBT", "CLS", "Speed Index", "transferred"];
    const version = (JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules", "lighthouse", "package.json"), "utf8")) as { version: string }).version;
    console.log(
      `\nLighthouse ${version}, Chromium at ${CHROMIUM}, median of ${RUNS} run${RUNS === 1 ? "" : "s"} per page and setting, ` +
        `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC\n` +
        // Lighthouse's mobile CPU slowdown assumes an idle desktop-class CPU (benchmark index about 1,000 or more):
        // a machine busy with other work scores lower than its users would see.
        `Lighthouse's CPU benchmark index on this machine: median ${Math.round(median(benchmarks))} (an idle desktop CPU is about 1,000 or more)\n\n` +
        [header, header.map(() => "---"), ...rows].map((cells) => `| ${cells.join(" | ")} |`).join("\n") +
        "\n",
    );
  } finally {
    await chrome?.kill();
    await client.end().catch(() => undefined);
    await stopProcess(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
