import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { PG_URL, postgresForTests } from '../support/postgres.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError, LOCK_FILE } from '../../bot/store/lock.js';
import { migrate, MIGRATIONS } from '../../bot/store/migrations.js';
import { openStore, type Store } from '../../bot/store/store.js';

const pgUp = await postgresForTests('PostgreSQL store tests');

const tempDir = () => mkdtempSync(join(tmpdir(), 'waymark-store-'));

/** The same behaviour, checked on both back ends. */
function storeContract(name: string, open: () => Promise<Store>) {
  describe(name, () => {
    let store: Store;
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store?.close();
    });

    it('records the migrations it applied and applies none twice', async () => {
      const { rows } = await store.db.query<{ id: number }>('SELECT id FROM schema_migrations ORDER BY id');
      expect(rows.map((r) => r.id)).toEqual(MIGRATIONS.map((m) => m.id));
      expect(await migrate(store.db)).toEqual([]);
    });

    it('writes and reads audit entries', async () => {
      await store.audit.record({ actorId: 'aad-1', actorRole: 'officer', command: 'category', question: 'category of 101234', schoolUrn: '101234', outcome: 'allowed', conversationType: 'personal', at: new Date('2025-03-01T10:00:00Z') });
      await store.audit.record({ actorId: 'aad-2', actorRole: 'guest', command: 'category', question: 'show Oakfield', outcome: 'refused', at: new Date('2025-03-01T11:00:00Z') });
      const rows = await store.audit.recent(10);
      expect(rows.map((r) => [r.actorId, r.outcome, r.schoolUrn])).toEqual([
        ['aad-2', 'refused', null],
        ['aad-1', 'allowed', '101234'],
      ]);
      expect(rows[1]!.at.toISOString()).toBe('2025-03-01T10:00:00.000Z');
    });

    it('rejects an unknown audit outcome', async () => {
      await expect(
        store.audit.record({ actorId: 'a', actorRole: 'officer', command: 'c', question: 'q', outcome: 'maybe' as never }),
      ).rejects.toThrow();
    });

    it('upserts conversation references by key', async () => {
      await store.conversations.save('aad-1', 'user', { conversation: { id: 'a:1' }, serviceUrl: 'https://x/' });
      await store.conversations.save('aad-1', 'user', { conversation: { id: 'a:2' }, serviceUrl: 'https://x/' });
      await store.conversations.save('19:general@thread.tacv2', 'channel', { conversation: { id: '19:general' } });
      const user = await store.conversations.get('aad-1');
      expect(user?.reference).toEqual({ conversation: { id: 'a:2' }, serviceUrl: 'https://x/' });
      expect(user?.updatedAt).toBeInstanceOf(Date);
      expect((await store.conversations.list('channel')).map((r) => r.key)).toEqual(['19:general@thread.tacv2']);
      expect(await store.conversations.list()).toHaveLength(2);
      expect(await store.conversations.get('nobody')).toBeUndefined();
    });

    it('maps a UPN or e-mail to the Teams user, whatever its case', async () => {
      await store.users.remember('aad-head', ['J.Head@School.example', 'head@oakfield.sch.uk']);
      expect(await store.users.aadIdFor('j.head@school.example')).toBe('aad-head');
      expect(await store.users.aadIdFor(' HEAD@oakfield.sch.uk ')).toBe('aad-head');
      // Never moved silently to another account.
      await store.users.remember('aad-new-head', ['head@oakfield.sch.uk']);
      expect(await store.users.aadIdFor('head@oakfield.sch.uk')).toBe('aad-head');
      expect(await store.users.aadIdFor('nobody@x.example')).toBeUndefined();
    });

    it('rolls a failed transaction back', async () => {
      await expect(
        store.db.transaction(async (tx) => {
          await tx.query(`INSERT INTO conversation_refs (key, kind, reference) VALUES ('tx-1', 'user', '{}')`);
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      expect(await store.conversations.get('tx-1')).toBeUndefined();
    });
  });
}

storeContract('PGlite store (in memory)', async () => openStore({ dataDir: tempDir(), inMemory: true }));

describe.skipIf(!pgUp)(`PostgreSQL store (${PG_URL})`, () => {
  const schema = `waymark_test_${process.pid}_${Date.now().toString(36)}`;
  afterAll(async () => {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await c.end();
  });
  storeContract('contract', () => openStore({ dataDir: '/nonexistent', databaseUrl: PG_URL, schema }));

  it('serialises concurrent migrations from two replicas', async () => {
    const s2 = `${schema}_race`;
    try {
      const [a, b] = await Promise.all([
        openStore({ dataDir: '/nonexistent', databaseUrl: PG_URL, schema: s2 }),
        openStore({ dataDir: '/nonexistent', databaseUrl: PG_URL, schema: s2 }),
      ]);
      const { rows } = await a.db.query('SELECT id FROM schema_migrations');
      expect(rows).toHaveLength(MIGRATIONS.length);
      await Promise.all([a.close(), b.close()]);
    } finally {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS ${s2} CASCADE`);
      await c.end();
    }
  });
});

describe('PGlite on disk', () => {
  it('keeps data across a close and reopen, and releases the lock', async () => {
    const dir = tempDir();
    try {
      const a = await openStore({ dataDir: dir });
      await a.conversations.save('aad-9', 'user', { conversation: { id: 'a:9' } });
      expect(existsSync(join(dir, LOCK_FILE))).toBe(true);
      await a.close();
      expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
      const b = await openStore({ dataDir: dir });
      expect((await b.conversations.get('aad-9'))?.reference).toEqual({ conversation: { id: 'a:9' } });
      await b.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('data directory lock', () => {
  it('refuses a second open in the same process, then allows it after release', () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir);
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    expect(() => acquireDataDirLock(dir)).toThrow(`Another Waymark process (pid ${process.pid}) is using ${dir}; stop it or set WAYMARK_DATA_DIR`);
    lock.release();
    lock.release(); // idempotent
    const again = acquireDataDirLock(dir);
    again.release();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a second store on the same directory', async () => {
    const dir = tempDir();
    const a = await openStore({ dataDir: dir, inMemory: true });
    await expect(openStore({ dataDir: dir, inMemory: true })).rejects.toThrow(/Another Waymark process/);
    await a.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('takes over a stale lock left by a dead process', async () => {
    const dir = tempDir();
    // A pid that existed and has exited.
    const child = spawn(process.execPath, ['-e', '0']);
    const deadPid = child.pid!;
    await new Promise((r) => child.on('exit', r));
    writeFileSync(join(dir, LOCK_FILE), `${deadPid}\n`);
    const lock = acquireDataDirLock(dir);
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
    lock.release();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a lock held by another live process, and the child sees ours', async () => {
    const dir = tempDir();
    const child = join(process.cwd(), 'test/bot/fixtures/lock-child.ts');
    const run = (mode: string) => {
      // node --import tsx (not the tsx wrapper), so the child's pid is the lock holder's pid.
      const p = spawn(process.execPath, ['--import', 'tsx', child, mode, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      const firstLine = new Promise<string>((resolve) => {
        p.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('\n')) resolve(out.split('\n')[0]!);
        });
        p.on('exit', () => resolve(out.trim()));
      });
      return { p, firstLine };
    };

    // We hold it: the child is refused, and told our pid.
    const mine = acquireDataDirLock(dir);
    expect(await run('try').firstLine).toBe(`REFUSED Another Waymark process (pid ${process.pid}) is using ${dir}; stop it or set WAYMARK_DATA_DIR`);
    mine.release();

    // The child holds it: we are refused with its pid; after it stops, we get it.
    const holder = run('hold');
    expect(await holder.firstLine).toBe('HELD');
    expect(() => acquireDataDirLock(dir)).toThrow(`(pid ${holder.p.pid}`);
    holder.p.kill('SIGTERM');
    await new Promise((r) => holder.p.on('exit', r));
    acquireDataDirLock(dir).release();

    // A holder killed without clean-up leaves a stale lock, which is taken over.
    const crashed = run('hold');
    expect(await crashed.firstLine).toBe('HELD');
    crashed.p.kill('SIGKILL');
    await new Promise((r) => crashed.p.on('exit', r));
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true);
    acquireDataDirLock(dir).release();
    rmSync(dir, { recursive: true, force: true });
  }, 30_000);
});
