import { spawn } from "node:child_process";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const SCHEMA_ENGINE_BRIDGE = path.join(ROOT, "prisma/engine/schema-engine-bridge.mjs");
const PRISMA_CLI = path.join(ROOT, "node_modules/prisma/build/index.js");

export type CliResult = { code: number; stdout: string; stderr: string };

/** Runs the Prisma CLI with the offline schema-engine bridge (unless the caller's env names another engine). */
export function runPrisma(
  args: string[],
  options: { databaseUrl?: string; quiet?: boolean; env?: NodeJS.ProcessEnv } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [PRISMA_CLI, ...args], {
      cwd: ROOT,
      env: {
        ...process.env,
        ...options.env,
        PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? SCHEMA_ENGINE_BRIDGE,
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
        CHECKPOINT_DISABLE: "1",
        ...(options.databaseUrl && { DATABASE_URL: options.databaseUrl }),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      if (!options.quiet) process.stdout.write(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      if (!options.quiet) process.stderr.write(chunk);
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

export async function migrateDeploy(databaseUrl: string, options: { quiet?: boolean } = {}) {
  const result = await runPrisma(["migrate", "deploy"], { databaseUrl, quiet: options.quiet });
  if (result.code !== 0) {
    throw new Error(`Applying database migrations failed:\n${result.stderr || result.stdout}`);
  }
}
