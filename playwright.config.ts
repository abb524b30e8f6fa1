import { defineConfig, devices } from "@playwright/test";

/** The built app on its own port and embedded database, started fresh for each run. */
export const E2E = {
  port: Number(process.env.E2E_PORT ?? 3100),
  databasePort: Number(process.env.E2E_DB_PORT ?? 5499),
  dataDir: ".data/e2e",
};
export const E2E_DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${E2E.databasePort}/tandem`;
const baseURL = `http://localhost:${E2E.port}`;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        "--disable-default-apps",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: "node --import tsx scripts/tandem.ts start",
    url: `${baseURL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(E2E.port),
      EMBEDDED_PG_PORT: String(E2E.databasePort),
      TANDEM_DATA_DIR: E2E.dataDir,
      TANDEM_DEMO_MODE: "true",
      // No NEXTAUTH_URL, as `npm run demo` runs: the site works (and its links point) at
      // whatever address it was opened at. Tests open it at localhost and at 127.0.0.1.
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: "",
      // The statements (accessibility, privacy) name the installation from these.
      TANDEM_OPERATOR_NAME: "Tandem Demonstration Trust",
      TANDEM_OPERATOR_EMAIL: "tandem@operator.example",
      TANDEM_DPO_EMAIL: "dpo@operator.example",
      TANDEM_ACCESSIBILITY_TESTED_ON: "2026-11-30",
      TANDEM_RETAIN_READ_NOTIFICATIONS_DAYS: "60",
    },
  },
});
