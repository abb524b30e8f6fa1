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

/**
 * The API client is not in the root layout (pages with nothing that calls the API load none
 * of it), so a component that calls the API must bring it: every component a module exports
 * goes through `withApi` (declared as a plain function, so the React lint rules still read
 * it, and exported wrapped). A hook module is checked through the components that use it.
 */
const API_HOOKS = /\b(useTRPC|useTRPCClient|useQueryClient|useMutation|useQuery|useSuspenseQuery|useSectionAutosave)\(/;
const API_PLUMBING = new Set(["components/providers/trpc-provider.tsx", "components/proposals/use-section-autosave.ts"]);

function bareComponentExports(file: string): string[] {
  return [...code(file).matchAll(/^export (?:default )?function ([A-Z]\w*)/gm)].map((match) => match[1]!);
}

describe("components that call the API bring the API client", () => {
  it("exports every component of a module that calls the API through withApi", () => {
    const callers = files.filter((file) => !API_PLUMBING.has(file) && file.endsWith(".tsx") && API_HOOKS.test(code(file)));
    expect(callers.length).toBeGreaterThan(50);
    expect(callers.filter((file) => !/\bwithApi\(\w+\)/.test(code(file)))).toEqual([]);
    expect(callers.flatMap((file) => bareComponentExports(file).map((name) => `${file}: ${name}`))).toEqual([]);
  });

  it("keeps the API client out of the root layout", () => {
    expect(code("app/layout.tsx")).not.toMatch(/ApiProvider|trpc-provider/);
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
