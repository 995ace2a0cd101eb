/**
 * The one database interface the bot uses. Both back ends speak node-postgres: PostgreSQL
 * through `pg.Pool`, and embedded PGlite through its `@electric-sql/pglite/node-postgres`
 * adapter (a pool of one connection), so the same SQL, parameters and type parsing apply.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import pg from 'pg';

export interface Queryable {
  query<T extends object = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<{ rows: T[] }>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction on one connection: COMMIT if it resolves, ROLLBACK if it throws. */
  transaction<R>(fn: (tx: Queryable) => Promise<R>): Promise<R>;
  close(): Promise<void>;
}

function wrapPool(pool: pg.Pool, kind: Db['kind'], onClose: () => Promise<void> = async () => {}): Db {
  let closed = false;
  return {
    kind,
    async query<T extends object>(sql: string, params: readonly unknown[] = []) {
      const r = await pool.query(sql, [...params]);
      return { rows: r.rows as T[] };
    },
    async transaction<R>(fn: (tx: Queryable) => Promise<R>): Promise<R> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const tx: Queryable = {
          async query<T extends object>(sql: string, params: readonly unknown[] = []) {
            const r = await client.query(sql, [...params]);
            return { rows: r.rows as T[] };
          },
        };
        const result = await fn(tx);
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
      await onClose();
    },
  };
}

/**
 * Initialises a new PGlite data directory in a short-lived child process. initdb grows the
 * WebAssembly heap to several hundred MiB, and WebAssembly memory never shrinks: done in the
 * bot's own process, a first start would keep ~1 GiB resident for good instead of ~350 MiB.
 */
async function initialisePgliteDir(dir: string): Promise<void> {
  if (existsSync(path.join(dir, 'PG_VERSION'))) return;
  const script = fileURLToPath(new URL('./pglite-init.js', import.meta.url));
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [script, dir], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`could not create the embedded database in ${dir}: ${stderr.trim() || `exit ${code}`}`)),
    );
  });
}

/**
 * PGlite's own start parameters (its defaults in @electric-sql/pglite 0.5) with smaller
 * buffers: one bot process is the only client, and PostgreSQL's default 128 MB of
 * shared_buffers lives in the WebAssembly heap, which never shrinks. 16 MB holds Waymark's
 * tables many times over; measured (npm run bench -- footprint) it takes ~130 MiB off the RSS.
 */
export const PGLITE_START_PARAMS: readonly string[] = [
  '--single', '-F', '-O', '-j',
  '-c', 'search_path=public', '-c', 'exit_on_error=false', '-c', 'log_checkpoints=false',
  '-c', 'max_worker_processes=0', '-c', 'max_parallel_workers=0', '-c', 'max_parallel_workers_per_gather=0',
  '-c', 'io_method=sync', '-c', 'max_parallel_maintenance_workers=0',
  '-c', 'shared_buffers=16MB', '-c', 'wal_buffers=1MB', '-c', 'work_mem=2MB', '-c', 'maintenance_work_mem=8MB', '-c', 'temp_buffers=2MB',
];

export interface PgliteDb extends Db {
  /** The whole database as a tarball (PGlite's dumpDataDir), for `openPgliteDb(undefined, { from })`. */
  dump(): Promise<Blob>;
}

/**
 * Embedded PostgreSQL (PGlite) in `dir`, or in memory when `dir` is undefined; in memory, `from`
 * (a {@link PgliteDb.dump}) is the database to start with instead of a new one.
 */
export async function openPgliteDb(dir: string | undefined, { from }: { from?: Blob } = {}): Promise<PgliteDb> {
  if (dir !== undefined) await initialisePgliteDir(dir);
  const options = { startParams: [...PGLITE_START_PARAMS], ...(dir === undefined && from ? { loadDataDir: from } : {}) };
  const lite = dir === undefined ? new PGlite(options) : new PGlite(dir, options);
  await lite.waitReady;
  const pool = new pg.Pool(createPgConfig(lite) as unknown as pg.PoolConfig);
  return { ...wrapPool(pool, 'pglite', () => lite.close()), dump: () => lite.dumpDataDir('none') };
}

export interface PostgresOptions {
  /** Schema to create (if missing) and use as search_path, e.g. to isolate a test run. */
  schema?: string;
  max?: number;
}

/** PostgreSQL server at `url`. Checks the connection before returning. */
export async function openPostgresDb(url: string, options: PostgresOptions = {}): Promise<Db> {
  const { schema } = options;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) {
    throw new Error(`Invalid schema name ${JSON.stringify(schema)}`);
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: 5_000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client losing its connection must not crash the process.
  pool.on('error', () => {});
  try {
    if (schema) await createSchema(pool, schema);
    else await pool.query('SELECT 1');
  } catch (err) {
    await pool.end().catch(() => {});
    throw err;
  }
  return wrapPool(pool, 'postgres');
}

/** CREATE SCHEMA IF NOT EXISTS is not safe against a concurrent create: tolerate losing that race. */
async function createSchema(pool: pg.Pool, schema: string): Promise<void> {
  try {
    await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code !== '23505' && code !== '42P06') throw err;
  }
}
