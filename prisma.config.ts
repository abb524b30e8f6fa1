import path from "node:path";
import { defineConfig } from "prisma/config";

// Prisma's CLI would otherwise download a native schema engine, which fails on
// machines without access to Prisma's binary host. Tandem ships a small bridge to
// the WebAssembly schema engine that the `prisma` package already contains.
// Setting PRISMA_SCHEMA_ENGINE_BINARY yourself (e.g. to Prisma's native binary) wins.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve(
  import.meta.dirname,
  "prisma/engine/schema-engine-bridge.mjs",
);

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
  },
  datasource: {
    url: process.env.DATABASE_URL ?? "",
  },
});
