import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.int.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/support/global-setup.ts"],
          // As a real installation that publishes open grants data has registered a prefix.
          env: { TANDEM_360GIVING_PREFIX: "360G-tandemtest" },
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // 2 cores: a couple of files at a time, each in its own database.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
