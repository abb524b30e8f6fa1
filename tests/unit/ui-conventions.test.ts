import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The interface is built from shared parts: one Table, one set of buttons, one module of
 * routes, one of UK dates, and no server code in the browser bundle. These checks read the
 * source so a page that goes its own way fails the build instead of drifting.
 */

const root = path.resolve(import.meta.dirname, "../..");
const sourceDirs = ["app", "components", "lib", "server"];

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === "node_modules" || entry.name === "generated") continue;
      out.push(...walk(rel));
    } else if (/\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith(".d.ts")) {
      out.push(rel.split(path.sep).join("/"));
    }
  }
  return out;
}

const files = sourceDirs.flatMap(walk);
const source = new Map(files.map((file) => [file, fs.readFileSync(path.join(root, file), "utf8")]));

/** Source with comments removed, so a comment that names a rule does not break it. */
function code(file: string): string {
  return source
    .get(file)!
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
}

function offenders(pattern: RegExp, allowed: (file: string) => boolean): string[] {
  return files.filter((file) => !allowed(file) && pattern.test(code(file)));
}

describe("the interface uses its shared parts", () => {
  it("writes tables only through the Table part", () => {
    expect(offenders(/<table[\s>]/, (file) => file.startsWith("components/ui/"))).toEqual([]);
  });

  it("styles buttons only through the Button parts", () => {
    expect(offenders(/\bbuttonClass\b|ui\/button-styles/, () => false)).toEqual([]);
  });

  it("formats dates and times only in lib/uk-time.ts, so every one is in UK time", () => {
    expect(
      offenders(/Intl\.DateTimeFormat|toLocaleDateString|toLocaleTimeString|toUTCString\(\)/, (file) => file === "lib/uk-time.ts"),
    ).toEqual([]);
  });

  it("builds every route in lib/paths.ts", () => {
    expect(offenders(/[`"']\/(p|public)\/(\$\{|["'`]\s*\+)/, (file) => file === "lib/paths.ts")).toEqual([]);
  });

  it("leaves not-found handling in pages to the shared loaders", () => {
    expect(offenders(/\btry\s*\{/, (file) => !/^app\/.*\/page\.tsx$/.test(file))).toEqual([]);
  });
});

/** Local modules a file imports at run time (type-only imports do not reach the bundle). */
function runtimeImports(file: string): string[] {
  const text = code(file);
  const specifiers: string[] = [];
  const fromClause = /^\s*(import|export)\s+(type\s+)?([\s\S]*?)\s+from\s+["']([^"']+)["']/gm;
  for (const match of text.matchAll(fromClause)) {
    const [, , typeOnly, names = "", specifier = ""] = match;
    if (typeOnly) continue;
    const braces = /^\{([\s\S]*)\}$/.exec(names.trim());
    if (braces?.[1]?.split(",").every((name) => !name.trim() || name.trim().startsWith("type "))) continue;
    specifiers.push(specifier);
  }
  for (const match of text.matchAll(/^\s*import\s+["']([^"']+)["']/gm)) if (match[1]) specifiers.push(match[1]);
  for (const match of text.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) if (match[1]) specifiers.push(match[1]);
  return specifiers.flatMap((specifier) => {
    const base = specifier.startsWith("@/")
      ? specifier.slice(2)
      : specifier.startsWith(".")
        ? path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier))
        : null;
    if (base === null) return [];
    const found = [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`].find((candidate) => source.has(candidate));
    return found ? [found] : [];
  });
}

describe("server code stays on the server", () => {
  it("no client component reaches a module under server/", () => {
    const clientFiles = files.filter((file) => /^\s*["']use client["']/.test(source.get(file)!));
    expect(clientFiles.length).toBeGreaterThan(20);
    const leaks: string[] = [];
    for (const start of clientFiles) {
      const seen = new Set<string>([start]);
      const queue: string[][] = [[start]];
      while (queue.length > 0) {
        const chain = queue.shift()!;
        for (const next of runtimeImports(chain.at(-1) ?? start)) {
          if (seen.has(next)) continue;
          seen.add(next);
          if (next.startsWith("server/")) leaks.push([...chain, next].join(" → "));
          else queue.push([...chain, next]);
        }
      }
    }
    expect(leaks).toEqual([]);
  });

  it("the import reader sees run-time imports and skips type-only ones", () => {
    const sample = "components/ui/form.tsx";
    expect(runtimeImports(sample)).toEqual([]);
    const loader = runtimeImports("server/pages/load.ts");
    expect(loader.length).toBeGreaterThan(0);
  });
});
