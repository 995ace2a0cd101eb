import pg from 'pg';

/** The PostgreSQL these machines run; `WAYMARK_TEST_DATABASE_URL` points elsewhere. */
export const PG_URL = process.env.WAYMARK_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function reachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 1_500 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Whether PostgreSQL tests can run. On a machine without a server they are skipped, and the
 * run says so; under CI (`WAYMARK_REQUIRE_POSTGRES=1`, set by .ci/run) a missing server fails
 * the run instead, so those tests can never silently not run there.
 */
export async function postgresForTests(what: string): Promise<boolean> {
  if (await reachable()) return true;
  const message = `PostgreSQL not reachable at ${PG_URL}: ${what}`;
  if (process.env.WAYMARK_REQUIRE_POSTGRES === '1') throw new Error(`${message} cannot be skipped (WAYMARK_REQUIRE_POSTGRES=1)`);
  console.warn(`${message} skipped`);
  return false;
}
