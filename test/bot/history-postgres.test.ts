// Category change alerts on one PostgreSQL database: announced once whether two bot processes
// (two stores, as two replicas have) load the same change at the same moment, or a process
// restarts and loads it again; never for the first load.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordLoad } from '../../bot/history/history.js';
import { createOutbox } from '../../bot/outbox/outbox.js';
import { openStore, type Store } from '../../bot/store/store.js';
import type { SchoolRecord } from '../../core/schools/types.js';
import { PG_URL, postgresForTests } from '../support/postgres.js';
import { exampleSchools, reading } from './schools-fixture.js';

const available = await postgresForTests('category change alerts across replicas');

describe.skipIf(!available)('category change alerts on PostgreSQL', () => {
  const schema = `waymark_hist_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const open = () => openStore({ dataDir: '.', databaseUrl: PG_URL, schema });
  let a: Store;
  let b: Store;
  let schools: readonly SchoolRecord[];
  beforeAll(async () => {
    a = await open();
    b = await open();
    schools = await exampleSchools();
  }, 120_000);
  afterAll(async () => {
    await a?.db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => {});
    await Promise.all([a?.close(), b?.close()]);
  });

  const alerts = async (s: Store) =>
    (await s.db.query<{ key: string; message: { text: string } }>(`SELECT key, message FROM outbox WHERE step = 'category-change' ORDER BY key`)).rows;

  it('announces nothing on the first load, even from two processes at once', async () => {
    const at = new Date('2026-11-20T09:00:00Z');
    await Promise.all([recordLoad(a.db, schools, at, createOutbox(a.db)), recordLoad(b.db, schools, at, createOutbox(b.db))]);
    expect(await alerts(a)).toEqual([]);
    const { rows } = await a.db.query<{ n: string }>('SELECT count(*) AS n FROM category_snapshots');
    expect(Number(rows[0]!.n)).toBe(new Set(schools.map((s) => s.urn)).size);
  });

  it('announces a change once when two processes load it together, and not again after a restart', async () => {
    const c = reading().categories.find((x) => x.code === 'C')!;
    const changed = schools.map((s) => (s.urn === '110048' ? { ...s, category: { category: c, source: 'officer' as const } } : s));
    const at = new Date('2026-11-23T09:00:00Z');
    const [fromA, fromB] = await Promise.all([
      recordLoad(a.db, changed, at, createOutbox(a.db)),
      recordLoad(b.db, changed, at, createOutbox(b.db)),
    ]);
    expect(fromA.length + fromB.length).toBe(1);
    // A restart: a new process on the same database loads the same workbook.
    await a.close();
    a = await open();
    expect(await recordLoad(a.db, changed, new Date('2026-11-23T10:00:00Z'), createOutbox(a.db))).toEqual([]);
    const sent = await alerts(a);
    expect(sent.map((r) => r.key)).toEqual(['category-change:110048:2']);
    expect(sent[0]!.message.text).toMatch(/^Parkside Infant School \(URN 110048\): officer category G → C\. Reason: /);
  }, 60_000);
});
