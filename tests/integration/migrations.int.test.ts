import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runPrisma } from "@/scripts/lib/prisma-cli";
import { createTestDatabase } from "./support/database";

/**
 * Migrations run through Tandem's bridge to Prisma's WebAssembly schema engine. These
 * tests run the real Prisma CLI against a real, empty PostgreSQL database, so an upgrade
 * of a Prisma package that breaks the bridge fails here loudly.
 */
describe("database migrations", () => {
  it("apply to an empty database, and the schema has no drift from them", async () => {
    const empty = await createTestDatabase({ migrated: false });
    try {
      const deploy = await runPrisma(["migrate", "deploy"], { databaseUrl: empty.url, quiet: true });
      expect(deploy.code, deploy.stderr).toBe(0);
      expect(deploy.stdout).toMatch(/applied|No pending migrations/i);

      const status = await runPrisma(["migrate", "status"], { databaseUrl: empty.url, quiet: true });
      expect(status.code, status.stderr).toBe(0);
      expect(status.stdout).toMatch(/Database schema is up to date/);

      const diff = await runPrisma(
        ["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema", "prisma/schema.prisma", "--exit-code"],
        { databaseUrl: empty.url, quiet: true },
      );
      expect(diff.code, `${diff.stdout}\n${diff.stderr}`).toBe(0);

      const tables = await empty.db.$queryRaw<{ table_name: string }[]>`
        SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`;
      expect(tables.map((t) => t.table_name)).toEqual(
        expect.arrayContaining(["Partnership", "Membership", "Organisation", "User", "Session", "_prisma_migrations"]),
      );
    } finally {
      await empty.drop();
    }
  });

  it("detects drift when the schema has a change that no migration makes", async () => {
    const empty = await createTestDatabase({ migrated: false });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-schema-"));
    try {
      const schema = fs.readFileSync("prisma/schema.prisma", "utf8");
      const changed = schema.replace("model InstallationFact {", "model InstallationFact {\n  note String?");
      expect(changed).not.toBe(schema);
      fs.writeFileSync(path.join(dir, "schema.prisma"), changed);

      const diff = await runPrisma(
        ["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema", path.join(dir, "schema.prisma"), "--exit-code"],
        { databaseUrl: empty.url, quiet: true },
      );
      expect(diff.code).toBe(2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      await empty.drop();
    }
  });
});
