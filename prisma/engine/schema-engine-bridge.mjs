#!/usr/bin/env node
/**
 * Tandem's Prisma schema-engine bridge.
 *
 * WHY THIS EXISTS
 * Prisma's CLI runs migrations (`migrate dev|deploy|status|diff|reset`, `db push`, ...)
 * by spawning a native "schema engine" binary that it normally downloads from Prisma's
 * binary host. Tandem's machines reach only the npm registry, so that download fails.
 * The same engine is published on npm as WebAssembly (`@prisma/schema-engine-wasm`,
 * identical to `node_modules/prisma/build/schema_engine_bg.wasm`). This executable is
 * pointed to by `PRISMA_SCHEMA_ENGINE_BINARY` (set in prisma.config.ts) and behaves like
 * the native binary towards the CLI:
 *
 *   schema-engine-bridge.mjs --version
 *   schema-engine-bridge.mjs --datasource '{"url":...}' cli can-connect-to-database|create-database|drop-database
 *   schema-engine-bridge.mjs [--datamodels FILE]... [--datasource '{"url":...,"shadowDatabaseUrl":...}']
 *       -> JSON-RPC 2.0 server, one JSON message per line on stdin/stdout, logs on stderr.
 *
 * In server mode every request is forwarded to the wasm `SchemaEngine`, which reaches
 * PostgreSQL through a migration-aware driver adapter built on `@prisma/adapter-pg`.
 * Users with internet access may instead point PRISMA_SCHEMA_ENGINE_BINARY at Prisma's
 * own native binary; the config only sets the variable when it is unset.
 *
 * Pitfalls handled here (each broke something until handled), marked "PITFALL n" below:
 *  1. adapter-pg cannot deserialize PostgreSQL's internal "char" type (OID 18).
 *  2. adapter-pg's own shadow-database handling is broken.
 *  3. an explicit shadow database must be empty on every connect.
 *  4. the CLI ignores the first stderr line of the `cli <command>` one-shots.
 *  5. the wasm returns `diff` output as data; the CLI expects a `print` request.
 *  6. an empty datamodels list must be passed as `undefined`, not `[]`.
 *  7. the wasm reports panics through a global `PRISMA_WASM_PANIC_REGISTRY`.
 *  8. the wasm glue's import names carry hashes: versions must match exactly.
 *
 * Plain ESM for Node >= 20, no dependencies beyond what Tandem already installs.
 * `DEBUG="prisma*"` on the CLI shows the RPC traffic; `DEBUG=prisma:driver-adapter:pg`
 * (or any @prisma/debug namespace) also shows the adapter's SQL on stderr.
 */

import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum, Debug } from '@prisma/driver-adapter-utils';

const require = createRequire(import.meta.url);
const debug = Debug('prisma:schemaEngine:bridge');

// stdout is the JSON-RPC channel: nothing else may ever write to it. Route stray
// console output from libraries to stderr instead of corrupting the protocol.
console.log = console.info = console.debug = (...args) => console.error(...args);

// ---------------------------------------------------------------------------
// Logging on stderr, in the shape the CLI parses: one JSON object per line with
// `level`, `fields.message` (and for errors `fields.error_code`), `target`.
// ---------------------------------------------------------------------------

function logLine(level, message, extraFields = {}) {
  process.stderr.write(
    JSON.stringify({
      timestamp: new Date().toISOString(),
      level,
      fields: { message, ...extraFields },
      target: 'schema_engine::logger',
    }) + '\n',
  );
}

// ---------------------------------------------------------------------------
// Loading the wasm engine
// ---------------------------------------------------------------------------

/** The installed directory of a package, found the way Node resolves bare imports. */
function packageDir(name) {
  for (const dir of require.resolve.paths(name) ?? []) {
    if (fs.existsSync(path.join(dir, name, 'package.json'))) return path.join(dir, name);
  }
  throw new Error(`Cannot find package ${name}: run npm install.`);
}

/** Versions of the packages whose exact match the bridge relies on. */
function readVersions() {
  const pkg = (name) => JSON.parse(fs.readFileSync(path.join(packageDir(name), 'package.json'), 'utf8'));
  return {
    prisma: pkg('prisma').version,
    wasm: pkg('@prisma/schema-engine-wasm').version,
    enginesHash: pkg('@prisma/engines-version').prisma.enginesVersion,
  };
}

let wasmModulePromise;

/** Instantiates the wasm once per process and returns the glue module (class SchemaEngine). */
function loadWasm() {
  wasmModulePromise ??= (async () => {
    // PITFALL 8: the glue (`schema_engine_bg.js`) and the wasm import each other through
    // function names that carry build hashes (`__wbg_set_message_f18c…`). A glue and a wasm
    // from different builds fail with cryptic link errors, and an engine that does not match
    // the CLI speaks a slightly different RPC. Take both halves from the same package, and
    // refuse to run when the package does not match the installed `prisma` CLI.
    const versions = readVersions();
    const [wasmRelease, wasmHash] = versions.wasm.split(/-\d+\./);
    if (wasmRelease !== versions.prisma || wasmHash !== versions.enginesHash) {
      throw new Error(
        `@prisma/schema-engine-wasm ${versions.wasm} does not match prisma ${versions.prisma} ` +
          `(engines ${versions.enginesHash}). Pin prisma, @prisma/client, @prisma/adapter-pg, ` +
          `@prisma/driver-adapter-utils and @prisma/schema-engine-wasm to matching exact versions.`,
      );
    }
    const pkgDir = packageDir('@prisma/schema-engine-wasm');
    const glue = await import(pathToFileURL(path.join(pkgDir, 'schema_engine_bg.js')).href);
    const wasmModule = await WebAssembly.compile(fs.readFileSync(path.join(pkgDir, 'schema_engine_bg.wasm')));
    const missing = WebAssembly.Module.imports(wasmModule)
      .filter((imp) => typeof glue[imp.name] !== 'function')
      .map((imp) => imp.name);
    if (missing.length > 0) {
      throw new Error(
        `schema_engine_bg.wasm needs glue functions that schema_engine_bg.js lacks (${missing.slice(0, 3).join(', ')}…): ` +
          `reinstall @prisma/schema-engine-wasm ${versions.wasm}.`,
      );
    }
    const importModule = WebAssembly.Module.imports(wasmModule)[0].module; // "./schema_engine_bg.js"
    const instance = await WebAssembly.instantiate(wasmModule, { [importModule]: glue });
    glue.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start();
    return glue;
  })();
  return wasmModulePromise;
}

// PITFALL 7: on a Rust panic the wasm calls `global.PRISMA_WASM_PANIC_REGISTRY.set_message()`
// before trapping with a bare `RuntimeError: unreachable`. Without this object the panic
// message is lost (the glue itself throws a TypeError instead).
const panicRegistry = {
  message: '',
  set_message(message) {
    this.message = `RuntimeError: ${message}`;
  },
  get() {
    return this.message;
  },
};
globalThis.PRISMA_WASM_PANIC_REGISTRY = panicRegistry;

// ---------------------------------------------------------------------------
// PostgreSQL connections
// ---------------------------------------------------------------------------

/** URL query parameters that Prisma understands but node-postgres does not. */
const PRISMA_ONLY_PARAMS = [
  'schema',
  'connection_limit',
  'pool_timeout',
  'pgbouncer',
  'statement_cache_size',
  'socket_timeout',
  'connect_timeout',
  'max_connection_lifetime',
  'max_idle_connection_lifetime',
];

/**
 * Turns a Prisma-style PostgreSQL URL into node-postgres settings.
 * Returns { url, pgConfig, schema, database, host, port, user }.
 */
function parsePostgresUrl(rawUrl) {
  let url;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new PrismaError('P1013', 'The provided database string is invalid. The URL could not be parsed.');
  }
  if (!['postgres:', 'postgresql:'].includes(url.protocol)) {
    throw new PrismaError(
      'P1013',
      `The provided database string is invalid. This bridge only supports PostgreSQL URLs (postgresql://...), got \`${url.protocol}\`.`,
    );
  }
  const schema = url.searchParams.get('schema') || 'public';
  const connectTimeoutSeconds = Number(url.searchParams.get('connect_timeout') ?? 5);
  const clean = new URL(url.href);
  for (const param of PRISMA_ONLY_PARAMS) clean.searchParams.delete(param);
  const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || 'postgres';
  const pgConfig = {
    connectionString: clean.href,
    Client: CharAsTextClient,
    // Prisma's default connect timeout is 5 s; node-postgres would otherwise wait for
    // the OS, so an unreachable host would look like a hang.
    connectionTimeoutMillis: connectTimeoutSeconds > 0 ? connectTimeoutSeconds * 1000 : 0,
  };
  if (schema !== 'public') {
    // Like the native engine, run unqualified SQL (e.g. migration.sql files) in `schema`.
    pgConfig.options = `-c search_path="${schema.replace(/"/g, '""').replace(/([\\ ])/g, '\\$1')}"`;
  }
  return {
    url: clean,
    pgConfig,
    schema,
    database,
    host: url.hostname || url.searchParams.get('host') || 'localhost',
    port: url.port || '5432',
    user: decodeURIComponent(url.username),
  };
}

/** Same server and credentials, another database. */
function withDatabase(parsed, database) {
  const url = new URL(parsed.url.href);
  url.pathname = `/${encodeURIComponent(database)}`;
  return { ...parsed, url, database, pgConfig: { ...parsed.pgConfig, connectionString: url.href } };
}

const quoteIdent = (name) => `"${String(name).replace(/"/g, '""')}"`;

/** Result rows -> indexes of their `"char"` columns (see CharAsTextClient). */
const charColumnsOfRows = new WeakMap();
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/**
 * PITFALL 1: the engine's schema describer reads catalog columns of PostgreSQL's internal
 * one-byte `"char"` type (OID 18): pg_constraint.contype, pg_class.relkind, ... adapter-pg
 * has no mapping for that type and throws `UnsupportedNativeDataType("char")`; reported as
 * plain text instead, the describer panics ("Getting constraint_type ... as char failed").
 * So: this Client makes adapter-pg see such columns as `text` (node-postgres returns the
 * value as a one-character string anyway) and remembers which columns they were, and
 * `reportCharColumns` below then reports those columns as `Character` to the engine.
 */
class CharAsTextClient extends pg.Client {
  query(config, values, callback) {
    const fix = (result) => {
      for (const res of Array.isArray(result) ? result : [result]) {
        const charColumns = [];
        (res?.fields ?? []).forEach((field, index) => {
          if (field.dataTypeID === PG_CHAR_OID) {
            field.dataTypeID = PG_TEXT_OID;
            charColumns.push(index);
          }
        });
        if (charColumns.length > 0 && res.rows) charColumnsOfRows.set(res.rows, charColumns);
      }
      return result;
    };
    const cb = typeof values === 'function' ? values : callback;
    if (typeof cb === 'function') {
      const wrapped = (err, result) => cb(err, err ? result : fix(result));
      return typeof values === 'function' ? super.query(config, wrapped) : super.query(config, values, wrapped);
    }
    const ret = super.query(config, values);
    return typeof ret?.then === 'function' ? ret.then(fix) : ret; // Submittables pass through
  }
}

/** Second half of PITFALL 1: adapter-pg returns pg's `rows` array as is, so look it up. */
function reportCharColumns(queryable) {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const index of charColumnsOfRows.get(result.rows) ?? []) {
      result.columnTypes[index] = ColumnTypeEnum.Character;
    }
    return result;
  };
  if (typeof queryable.startTransaction === 'function') {
    const startTransaction = queryable.startTransaction.bind(queryable);
    queryable.startTransaction = async (...args) => reportCharColumns(await startTransaction(...args));
  }
  return queryable;
}

/** Opens one short-lived connection, runs `fn(client)`, always closes it. */
async function withClient(pgConfig, fn) {
  const client = new pg.Client(pgConfig);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => {});
    throw error;
  }
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Runs `fn` on the server's maintenance database (`postgres`, else `template1`), like the
 * native engine does for CREATE/DROP DATABASE.
 */
async function withMaintenanceClient(parsed, fn) {
  try {
    return await withClient(withDatabase(parsed, 'postgres').pgConfig, fn);
  } catch (error) {
    if (error?.code !== '3D000') throw error;
    return withClient(withDatabase(parsed, 'template1').pgConfig, fn);
  }
}

/** A Prisma user-facing error (code P1xxx/P3xxx...), as the CLI prints them. */
class PrismaError extends Error {
  constructor(code, message, meta = {}) {
    super(message);
    this.code = code;
    this.meta = meta;
  }
}

/** Maps node-postgres connection errors to Prisma's user-facing errors (P1000-P1017). */
function toPrismaConnectionError(error, parsed) {
  if (error instanceof PrismaError) return error;
  const at = `${parsed.host}:${parsed.port}`;
  switch (error?.code) {
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ENOENT': // unix socket path
    case 'ETIMEDOUT':
      return new PrismaError(
        'P1001',
        `Can't reach database server at \`${at}\`\n\nPlease make sure your database server is running at \`${at}\`.`,
        { database_host: parsed.host, database_port: parsed.port },
      );
    case 'ECONNRESET':
      return new PrismaError('P1017', 'Server has closed the connection.');
    case '28P01':
    case '28000':
      return error.code === '28P01' || /password|authentication/i.test(error.message)
        ? new PrismaError(
            'P1000',
            `Authentication failed against database server at \`${parsed.host}\`, the provided database credentials for \`${parsed.user}\` are not valid.\n\nPlease make sure to provide valid database credentials for the database server at \`${parsed.host}\`.`,
            { database_user: parsed.user, database_host: parsed.host },
          )
        : new PrismaError('P1010', `User \`${parsed.user}\` was denied access on the database \`${parsed.database}\``);
    case '3D000':
      return new PrismaError(
        'P1003',
        `Database \`${parsed.database}\` does not exist on the database server at \`${at}\`.`,
        { database_name: parsed.database, database_host: parsed.host, database_port: parsed.port },
      );
    case '42P04':
      return new PrismaError('P1009', `Database \`${parsed.database}\` already exists on the database server at \`${at}\``);
    default:
      // node-postgres' connect timeout ("timeout expired") and sockets closed during the
      // handshake ("Connection terminated unexpectedly"): the native engine says P1001.
      if (/timeout|Connection terminated/i.test(error?.message ?? '')) {
        return new PrismaError(
          'P1001',
          `Can't reach database server at \`${at}\`\n\nPlease make sure your database server is running at \`${at}\`.`,
          { database_host: parsed.host, database_port: parsed.port },
        );
      }
      if (/SSL|TLS|certificate/i.test(error?.message ?? '')) {
        return new PrismaError('P1011', `Error opening a TLS connection: ${error.message}`);
      }
      return error instanceof Error ? error : new Error(String(error)); // printed as is, without a code
  }
}

// ---------------------------------------------------------------------------
// Migration-aware adapter factory (main database + shadow databases)
// ---------------------------------------------------------------------------

/** Shadow databases this process created and has not dropped yet (dropped at exit). */
const pendingShadowDatabases = new Set();

async function dropDatabaseForce(parsed, database) {
  debug('dropping shadow database %s', database);
  await withMaintenanceClient(parsed, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`),
  );
  pendingShadowDatabases.delete(database);
}

/**
 * Makes adapter-pg's executeScript run the whole script as ONE simple-protocol query on
 * one connection (like the native engine), instead of splitting it on every ";" — which
 * breaks on semicolons in strings, comments and function bodies — and running the pieces
 * on arbitrary pool connections outside any transaction.
 */
function runScriptsWhole(adapter) {
  adapter.executeScript = async (script) => {
    try {
      await adapter.underlyingDriver().query(script);
    } catch (error) {
      adapter.onError(error); // converts to the adapter's DriverAdapterError and throws
    }
  };
  return adapter;
}

function createAdapterFactory(datasource) {
  const main = parsePostgresUrl(datasource.url);
  const adapterOptions = (parsed) => ({ schema: parsed.schema });

  const factory = {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',

    async connect() {
      const adapter = await new PrismaPg(main.pgConfig, adapterOptions(main)).connect();
      return reportCharColumns(runScriptsWhole(adapter));
    },

    async connectToShadowDb() {
      if (datasource.shadowDatabaseUrl) {
        // PITFALL 3: an explicitly configured shadow database is reused by every command,
        // and the engine expects it empty each time it connects (e.g. migrate dev connects
        // to it twice in one run). Empty it here, as the native engine does.
        const shadow = parsePostgresUrl(datasource.shadowDatabaseUrl);
        if (shadow.host === main.host && shadow.port === main.port && shadow.database === main.database) {
          throw new Error('The configured shadow database is the main database. Refusing to wipe it.');
        }
        await withClient(shadow.pgConfig, (client) => emptyDatabase(client, shadow.schema));
        const adapter = await new PrismaPg(shadow.pgConfig, adapterOptions(shadow)).connect();
        return reportCharColumns(runScriptsWhole(adapter));
      }

      // PITFALL 2: adapter-pg's own connectToShadowDb() is unusable: it builds its pool from
      // `{ ...config, database }`, but node-postgres lets the connection string override
      // `database`, so the "shadow" pool connects to the MAIN database; and its dispose
      // drops the shadow database before closing that pool. Create a uniquely named empty
      // database ourselves and drop it WITH (FORCE) after its pool is closed.
      const name = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`;
      await withMaintenanceClient(main, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`)).catch(
        (error) => {
          throw new PrismaError(
            'P3014',
            `Prisma Migrate could not create the shadow database. Please make sure the database user has permission to create databases, or configure an empty shadowDatabaseUrl.\n\nOriginal error: ${error.message}`,
          );
        },
      );
      pendingShadowDatabases.add(name);
      debug('created shadow database %s', name);
      const shadow = withDatabase(main, name);
      if (shadow.schema !== 'public') {
        await withClient(shadow.pgConfig, (client) =>
          client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(shadow.schema)}`),
        );
      }
      const adapter = await new PrismaPg(shadow.pgConfig, adapterOptions(shadow)).connect();
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose().catch(() => {}); // closes the pool first...
        await dropDatabaseForce(main, name); // ...then drops, forcing out any straggler
      };
      return reportCharColumns(runScriptsWhole(adapter));
    },
  };
  return { main, factory: bindMigrationAwareSqlAdapterFactory(factory) };
}

/** Drops every user schema of the connected database and recreates the default one. */
async function emptyDatabase(client, schema) {
  const { rows } = await client.query(
    `SELECT nspname FROM pg_namespace
      WHERE nspname NOT IN ('pg_catalog', 'information_schema')
        AND nspname NOT LIKE 'pg\\_toast%' AND nspname NOT LIKE 'pg\\_temp\\_%'`,
  );
  for (const { nspname } of rows) await client.query(`DROP SCHEMA ${quoteIdent(nspname)} CASCADE`);
  await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
  if (schema !== 'public') await client.query('CREATE SCHEMA IF NOT EXISTS public');
}

// ---------------------------------------------------------------------------
// `cli <command>` one-shots
// ---------------------------------------------------------------------------

async function runCliCommand(command, datasource, names = []) {
  // PITFALL 4: the CLI drops the FIRST line of a one-shot's stderr before parsing the
  // rest as JSON log lines (the native binary prints a banner there). Without this
  // line the error below would be swallowed and the CLI would misreport it.
  process.stderr.write(`schema-engine-bridge cli ${command}\n`);
  let parsed;
  try {
    if (!datasource?.url) throw new PrismaError('P1012', 'No datasource URL was given to the schema engine.');
    parsed = parsePostgresUrl(datasource.url);
    switch (command) {
      case 'can-connect-to-database':
        await withClient(parsed.pgConfig, (client) => client.query('SELECT 1'));
        break;
      case 'create-database':
        await withMaintenanceClient(parsed, (client) => client.query(`CREATE DATABASE ${quoteIdent(parsed.database)}`));
        logLine('INFO', `Database '${parsed.database}' was successfully created.`);
        break;
      case 'drop-database':
        await withMaintenanceClient(parsed, (client) => client.query(`DROP DATABASE ${quoteIdent(parsed.database)}`));
        logLine('INFO', `The database was successfully dropped.`);
        break;
      case 'drop-shadow-databases': // the bridge's own, for cleaning up after a panic
        for (const name of names.filter((n) => n.startsWith('prisma_migrate_shadow_db_'))) {
          await dropDatabaseForce(parsed, name);
        }
        break;
      default:
        throw new Error(`Unknown cli command: ${command}`);
    }
    return 0;
  } catch (error) {
    const prismaError = parsed ? toPrismaConnectionError(error, parsed) : error;
    logLine('ERROR', prismaError.message, prismaError.code ? { error_code: prismaError.code } : {});
    return 1;
  }
}

// ---------------------------------------------------------------------------
// JSON-RPC server mode
// ---------------------------------------------------------------------------

function send(message) {
  process.stdout.write(JSON.stringify({ jsonrpc: '2.0', ...message }) + '\n');
}

/** Requests the bridge itself sends to the CLI (only `print`), keyed by id. */
const outgoing = new Map();
let nextOutgoingId = 1;
let stdinClosed = false;
function requestFromCli(method, params) {
  const id = `bridge-${nextOutgoingId++}`;
  return new Promise((resolve) => {
    if (!stdinClosed) outgoing.set(id, resolve);
    send({ id, method, params });
    if (stdinClosed) resolve(undefined); // no answer can arrive any more
  });
}

/** Converts anything thrown by the wasm engine (or by us) into a JSON-RPC error object. */
function toRpcError(error, errorRegistry) {
  // A JS exception inside the adapter reaches the engine as { kind: "GenericJs", id };
  // look the original error up so its message is not lost.
  const genericId = /External error id#(\d+)/.exec(String(error?.message ?? ''))?.[1];
  const original = genericId !== undefined ? errorRegistry?.consumeError(Number(genericId))?.error : undefined;
  if (original) error = original;

  if (error instanceof WebAssembly.RuntimeError || error?.name === 'RuntimeError') {
    const message = panicRegistry.get() || String(error?.message ?? error);
    return {
      code: 4466,
      message,
      data: { is_panic: true, message, backtrace: error?.stack ?? null },
    };
  }
  const message = String(error?.message ?? error);
  const errorCode = typeof error?.code === 'string' && /^P\d{4}$/.test(error.code) ? error.code : undefined;
  return {
    code: 4466,
    message: 'An error happened. Check the data field for details.',
    data: { is_panic: false, message, meta: error?.meta ?? null, error_code: errorCode },
  };
}

async function runServer({ datamodelPaths, datasource }) {
  // PITFALL 6: the wasm traps ("unreachable") on `datamodels: []`; it must be `undefined`
  // when the CLI passed no schema (e.g. `migrate diff` without --schema).
  const datamodels =
    datamodelPaths.length > 0
      ? datamodelPaths.map((file) => [file, fs.readFileSync(path.resolve(file), 'utf8')])
      : undefined;

  let adapterState;
  const adapter = () => (adapterState ??= createAdapterFactory(datasource));

  let enginePromise;
  const engine = () =>
    (enginePromise ??= (async () => {
      const glue = await loadWasm();
      // Unlike the native engine, the wasm engine reads the server version before every
      // command, so even `migrate diff --from-empty --to-schema` needs a database here.
      if (!datasource?.url) {
        throw new PrismaError(
          'P1012',
          'The WebAssembly schema engine needs a database connection for this command: set DATABASE_URL.',
        );
      }
      const log = (line) => process.stderr.write(`${String(line).trimEnd()}\n`);
      try {
        return await glue.SchemaEngine.new({ datamodels }, log, adapter().factory);
      } catch (error) {
        // The engine connects on start and reports failures as bare messages; name
        // connection failures with Prisma's codes (P1001, P1000, ...) like the native engine.
        const parsed = parsePostgresUrl(datasource.url);
        const connectionError = await withClient(parsed.pgConfig, (client) => client.query('SELECT 1')).then(
          () => undefined,
          (pgError) => toPrismaConnectionError(pgError, parsed),
        );
        throw connectionError instanceof PrismaError ? connectionError : error;
      }
    })());

  /** Methods the wasm lacks, or whose shape differs from what the CLI expects. */
  const handlers = {
    // PITFALL 5: the native engine prints `migrate diff` output by sending the CLI a
    // `print` request and answers with { exitCode } only; the wasm returns the text in
    // `stdout` instead. Forward it as a `print` request and wait for the CLI's ack so
    // the text is written before the command finishes.
    async diff(params) {
      const { stdout, exitCode } = await (await engine()).diff(params);
      if (stdout) await requestFromCli('print', { content: stdout });
      return { exitCode };
    },
    // The CLI asks this for its error reports; answer it from PostgreSQL directly so it
    // works even when the engine could not start.
    async getDatabaseVersion(params) {
      const url = params?.datasource?.tag === 'ConnectionString' ? params.datasource.url : datasource?.url;
      const parsed = parsePostgresUrl(url);
      return withClient(parsed.pgConfig, async (client) => (await client.query('SELECT version()')).rows[0].version);
    },
    async version() {
      return (await loadWasm()).version();
    },
    async createDatabase(params) {
      const url = params?.datasource?.tag === 'ConnectionString' ? params.datasource.url : datasource?.url;
      const parsed = parsePostgresUrl(url);
      await withMaintenanceClient(parsed, (client) => client.query(`CREATE DATABASE ${quoteIdent(parsed.database)}`));
      return { databaseName: parsed.database };
    },
    async debugPanic() {
      (await engine()).debugPanic();
      return {};
    },
  };

  const WASM_METHODS = new Set([
    'applyMigrations',
    'createMigration',
    'dbExecute',
    'devDiagnostic',
    'diagnoseMigrationHistory',
    'ensureConnectionValidity',
    'evaluateDataLoss',
    'introspect',
    'introspectSql',
    'markMigrationApplied',
    'markMigrationRolledBack',
    'reset',
    'schemaPush',
  ]);

  const needsWarmSchemaCache = (method, error) =>
    ['evaluateDataLoss', 'createMigration'].includes(method) &&
    /shadow DB must be provided through an external factory/.test(String(error?.message ?? ''));

  async function handleRequest(request) {
    const { id, method, params } = request;
    currentRequestId = id;
    try {
      let result;
      if (handlers[method]) {
        result = await handlers[method](params);
      } else if (WASM_METHODS.has(method)) {
        const instance = await engine();
        try {
          result = await instance[method](params ?? {}); // keep the call bound to the instance
        } catch (error) {
          if (!needsWarmSchemaCache(method, error)) throw error;
          // Known wasm gap (was "migrate dev needs a second run"): evaluateDataLoss and
          // createMigration read the schema of the migrations from a per-engine cache that
          // only the shadow-database-aware commands fill; on a cache miss the wasm has no
          // shadow database of its own and fails. `migrate dev` hits this right after it
          // applied pending migrations (the cache holds the schema of the migrations the
          // database had before). Fill the cache through the adapter's shadow database,
          // once, and retry.
          debug('%s: warming the migration schema cache, then retrying', method);
          await instance.diagnoseMigrationHistory({
            migrationsList: params.migrationsList,
            optInToShadowDatabase: true,
            filters: params.filters,
          });
          result = await instance[method](params);
        }
      } else {
        send({ id, error: { code: -32601, message: `Method not found: ${method}` } });
        return;
      }
      send({ id, result: result ?? {} });
    } catch (error) {
      const rpcError = toRpcError(error, adapterState?.factory.errorRegistry);
      if (rpcError.data?.is_panic) exitFatally(id, rpcError, 101); // the wasm is unusable now
      send({ id, error: rpcError });
    } finally {
      currentRequestId = undefined;
    }
  }

  // Requests are handled one at a time, in order, like the native engine's RPC loop.
  let queue = Promise.resolve();
  const input = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  input.on('line', (line) => {
    if (!line.trim()) return;
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      send({ id: null, error: { code: -32700, message: 'Parse error' } });
      return;
    }
    // Answers to our own `print` requests.
    if (message.method === undefined && outgoing.has(message.id)) {
      outgoing.get(message.id)(message.result);
      outgoing.delete(message.id);
      return;
    }
    if (message.id === undefined) return; // notifications: nothing to do
    queue = queue.then(() => handleRequest(message));
  });
  // The CLI ends stdin when it is done: finish what is queued, clean up, exit.
  input.on('close', () => {
    stdinClosed = true;
    for (const resolve of outgoing.values()) resolve(undefined); // no ack will come any more
    outgoing.clear();
    queue.then(() => shutdown(0));
  });
}

// ---------------------------------------------------------------------------
// Shutdown: the process must always exit, and never leave shadow databases behind.
// ---------------------------------------------------------------------------

/** The request being handled, so a fatal error can still be answered. */
let currentRequestId;

/**
 * After a Rust panic the wasm instance is poisoned, and its future executor can keep
 * re-running on the microtask queue forever: timers, I/O and even SIGTERM handlers never
 * run again (seen: a bridge left spinning at 80% CPU after the CLI had exited). So answer,
 * clean up and exit SYNCHRONOUSLY here, never through the event loop.
 */
function exitFatally(id, rpcError, code) {
  const writeLine = (fd, message) => {
    try {
      fs.writeSync(fd, JSON.stringify(message) + '\n');
    } catch {
      // the CLI may already be gone
    }
  };
  writeLine(2, {
    timestamp: new Date().toISOString(),
    level: 'ERROR',
    fields: { message: rpcError.data?.message ?? rpcError.message, is_panic: Boolean(rpcError.data?.is_panic) },
    target: 'schema_engine::logger',
  });
  if (id !== undefined) writeLine(1, { jsonrpc: '2.0', id, error: rpcError });
  if (shutdownDatasource?.url && pendingShadowDatabases.size > 0) {
    // Dropping needs I/O, which this process can no longer do: let a child do it.
    spawnSync(
      process.execPath,
      [fileURLToPath(import.meta.url), '--datasource', JSON.stringify(shutdownDatasource), 'cli', 'drop-shadow-databases', ...pendingShadowDatabases],
      { stdio: 'ignore', timeout: 30_000 },
    );
  }
  process.exit(code);
}

function onFatalError(error) {
  const rpcError = toRpcError(error);
  exitFatally(currentRequestId, rpcError, rpcError.data?.is_panic ? 101 : 1);
}

let shutdownDatasource;
let shuttingDown;
function shutdown(code) {
  shuttingDown ??= (async () => {
    debug('shutting down (exit code %d), %d shadow database(s) left', code, pendingShadowDatabases.size);
    if (shutdownDatasource?.url && pendingShadowDatabases.size > 0) {
      const main = parsePostgresUrl(shutdownDatasource.url);
      for (const name of [...pendingShadowDatabases]) await dropDatabaseForce(main, name).catch(() => {});
    }
    // Let stdout drain before exiting so the last response is not cut off.
    await new Promise((resolve) => process.stdout.write('', resolve));
    process.exit(code);
  })();
  return shuttingDown;
}
// The CLI sends SIGTERM right after closing stdin; still clean up shadow databases.
process.on('SIGTERM', () => shutdown(0));
process.on('SIGINT', () => shutdown(130));
// A Rust panic inside a wasm future is a trap thrown from a promise callback, not a
// rejection of the request's promise: it arrives here.
for (const event of ['uncaughtException', 'unhandledRejection']) {
  process.on(event, (error) => onFatalError(error));
}

// ---------------------------------------------------------------------------
// Entry point: parse the native binary's arguments
// ---------------------------------------------------------------------------

function parseArgs(argv) {
  const options = {
    datamodelPaths: [],
    datasource: undefined,
    cliCommand: undefined,
    cliArgs: [],
    version: false,
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    switch (arg) {
      case '--datamodels':
      case '-d':
        options.datamodelPaths.push(argv[++i]);
        break;
      case '--datasource':
        options.datasource = JSON.parse(argv[++i]);
        break;
      case '--enabled-preview-features':
      case '--extension-types':
        i++; // accepted for compatibility; the wasm engine takes neither
        break;
      case '--version':
      case '-V':
        options.version = true;
        break;
      case '--help':
      case '-h':
        options.help = true;
        break;
      case 'cli':
        options.cliCommand = argv[++i];
        options.cliArgs = argv.slice(i + 1);
        i = argv.length;
        break;
      default:
        throw new Error(`Unknown argument: ${arg}`);
    }
  }
  return options;
}

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`schema-engine-bridge: ${error.message}\n`);
    process.exit(1);
  }
  if (options.help) {
    process.stderr.write(
      'Usage: schema-engine-bridge.mjs [--datamodels FILE]... [--datasource JSON] [cli can-connect-to-database|create-database|drop-database] | --version\n',
    );
    process.exit(0);
  }
  if (options.version) {
    const glue = await loadWasm();
    process.stdout.write(`schema-engine-cli ${glue.version()} (wasm bridge)\n`);
    process.exit(0);
  }
  shutdownDatasource = options.datasource;
  if (options.cliCommand) {
    process.exit(await runCliCommand(options.cliCommand, options.datasource, options.cliArgs));
  }
  await runServer(options);
}

main().catch((error) => {
  logLine('ERROR', `schema-engine-bridge failed: ${error?.stack ?? error}`);
  process.exit(1);
});
