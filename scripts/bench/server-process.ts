import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "../lib/prisma-cli";

/** The production build and the processes a benchmark starts and stops around its measurements. */
export type Server = { name: string; child: ChildProcess };

const log = (message: string) => console.log(`[bench] ${message}`);

/** Uses the production build in .next, building it first only when there is none. */
export function ensureBuild() {
  if (fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    log("using the production build in .next (run `npx next build` first after changing the app)");
    return;
  }
  log("no production build in .next: running `npx next build`");
  const built = spawnSync("npx", ["next", "build"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (built.status !== 0) throw new Error("next build failed");
}

/** A Node process in the project folder; its output is shown when BENCH_VERBOSE=1 or when it mentions an error. */
export function startProcess(name: string, args: string[], env: Record<string, string>): Server {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const output = (chunk: Buffer) => {
    const text = chunk.toString().trimEnd();
    if (process.env.BENCH_VERBOSE === "1" || /error|fail/i.test(text)) console.log(`[${name}] ${text}`);
  };
  child.stdout?.on("data", output);
  child.stderr?.on("data", output);
  return { name, child };
}

/** Waits until `url` answers 200, failing early when the process exits. */
export async function waitForHealth(url: string, server: Server, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`${server.name} exited with code ${server.child.exitCode}`);
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${server.name} did not answer ${url} within ${timeoutMs / 1000} s`);
}

/** SIGTERM, then SIGKILL after 10 s. */
export async function stopProcess(server: Server) {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise((resolve) => server.child.once("exit", resolve));
  server.child.kill("SIGTERM");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill("SIGKILL");
}
