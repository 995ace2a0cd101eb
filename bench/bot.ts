import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { categoryQuery } from '../bot/commands/category-query.js';
import type { CommandContext, CommandInput } from '../bot/commands/types.js';
import { loadConfigOrThrow } from '../bot/config.js';
import { staticDirectory } from '../bot/directory/directory.js';
import { loadWorkbook } from '../workbook/source/file.js';
import { createLogger } from '../bot/log.js';
import { openStore, type Store } from '../bot/store/store.js';
import { getFramework } from '../core/frameworks/index.js';
import { categoryReply, chooseSchoolReply, notFoundReply } from '../core/messages/categoryReply.js';
import { findSchools, makeSchoolIndex } from '../core/schools/findSchools.js';
import { parseCategoryQuestion } from '../core/schools/parseQuestion.js';
import type { SchoolRecord } from '../core/schools/types.js';
import { syntheticWorkbook } from '../examples/lib/synthetic.js';
import { mib, ms, percentile, table } from './lib.js';

const SCHOOLS = 2000;

/** Heap in use after a full collection (V8's gc, reached without --expose-gc on the command line). */
function heapAfterGc(): number {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  return process.memoryUsage().heapUsed;
}

/** Questions as officers type them: URNs, whole names, parts of names, typos, unknown names. */
function questions(schools: readonly SchoolRecord[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < schools.length; i += 7) {
    const s = schools[i]!;
    const first = s.name.split(' ')[0]!;
    const typo = s.name.length > 6 ? s.name.slice(0, 2) + s.name[3] + s.name[2] + s.name.slice(4) : s.name;
    out.push(`category of ${s.urn}`, `what is ${s.name}'s category?`, `which category is ${first} in?`, `show ${typo}`, 'category of Nowhere Special Academy');
  }
  return out;
}

function answer(text: string, index: ReturnType<typeof makeSchoolIndex>) {
  const q = parseCategoryQuestion(text);
  if (!q) throw new Error(`not a question: ${text}`);
  const m = findSchools(q.school, index);
  return m.kind === 'one' ? categoryReply(m.school) : m.kind === 'several' ? chooseSchoolReply(q.school, m.schools) : notFoundReply(q.school, m.closest);
}

async function latencies(texts: readonly string[], fn: (text: string) => unknown): Promise<number[]> {
  for (const t of texts.slice(0, 50)) await fn(t); // warm-up
  const times: number[] = [];
  for (const t of texts) {
    const t0 = performance.now();
    await fn(t);
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b);
}

/** `npm run bot` as a child (node --import tsx bot/main.ts): ms until /healthz answers, and its RSS then. */
async function coldStart(workbook: string, dataDir: string): Promise<{ readyMs: number; rss?: number; schools: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'bot/main.ts'], {
    env: { ...process.env, PORT: '0', WAYMARK_DATA_DIR: dataDir, WAYMARK_WORKBOOK: workbook, MicrosoftAppId: '', MicrosoftAppPassword: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`bot did not start:\n${out}`)), 60_000);
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /"health":"(http:\/\/[^"]+)"/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
      child.once('exit', (code) => reject(new Error(`bot exited (${code}):\n${out}`)));
    });
    let health: { workbook?: { schools: number } } | undefined;
    while (!health) {
      health = await fetch(url).then((r) => (r.ok ? (r.json() as Promise<typeof health>) : undefined), () => undefined);
    }
    const readyMs = performance.now() - t0;
    let rss: number | undefined;
    try {
      const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
      if (kb) rss = Number(kb) * 1024;
    } catch {
      // Not Linux: no figure.
    }
    return { readyMs, ...(rss !== undefined && { rss }), schools: health.workbook?.schools ?? 0 };
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
}

/** Issue 3's benchmark: answers over a 2,000-school directory, cold start, memory. */
export async function benchBot(): Promise<void> {
  const fw = getFramework('reading');
  if (!fw.ok) throw new Error(fw.error);
  const dir = await mkdtemp(path.join(tmpdir(), 'waymark-bench-bot-'));
  const file = path.join(dir, 'schools-2000.xlsx');
  let store: Store | undefined;
  try {
    await syntheticWorkbook({ framework: fw.value, schools: SCHOOLS, seed: 11, la: 'Bench' }).xlsx.writeFile(file);
    // The heap one directory holds: load once (module and JIT costs), measure, load again.
    const first = await loadWorkbook(file, { framework: fw.value, now: new Date() });
    const firstIndex = first.ok ? makeSchoolIndex(first.value.schools) : undefined;
    const heapBefore = heapAfterGc();
    const t0 = performance.now();
    const loaded = await loadWorkbook(file, { framework: fw.value, now: new Date() });
    const loadMs = performance.now() - t0;
    if (!loaded.ok) throw new Error(loaded.error);
    const schools = loaded.value.schools;
    const t1 = performance.now();
    const index = makeSchoolIndex(schools);
    const indexMs = performance.now() - t1;
    const directoryHeap = heapAfterGc() - heapBefore;
    if (!firstIndex) throw new Error('first load failed');
    const texts = questions(schools);

    const core = await latencies(texts, (t) => answer(t, index));

    const dataDir = await mkdtemp(path.join(dir, 'data-'));
    store = await openStore({ dataDir, inMemory: true });
    const realStore = store;
    const noAudit: Store = { ...realStore, audit: { ...realStore.audit, record: async () => {} } };
    const config = loadConfigOrThrow({ WAYMARK_DATA_DIR: dataDir });
    const directory = staticDirectory(schools);
    const ctx = (s: Store): CommandContext => ({ config, store: s, log: createLogger({ write: () => {} }), role: 'officer', now: () => new Date(), directory, askerAddresses: async () => [] });
    const input = (text: string): CommandInput => ({ text, user: { id: '29:bench', aadObjectId: 'aad-bench' }, conversation: { id: 'c', type: 'personal' } });
    const handlerNoAudit = await latencies(texts, (t) => categoryQuery.handle(input(t), ctx(noAudit)));
    const handler = await latencies(texts, (t) => categoryQuery.handle(input(t), ctx(realStore)));

    const fresh = await mkdtemp(path.join(dir, 'cold-'));
    const example = await coldStart('examples/reading.xlsx', fresh);
    const big = await coldStart(file, await mkdtemp(path.join(dir, 'cold-')));
    // A restart: the embedded database already exists.
    const again = await coldStart(file, fresh);

    const row = (times: number[]) => `p50 ${ms(percentile(times, 50))}, p99 ${ms(percentile(times, 99))}`;
    table(`bot: ${schools.length} schools, ${texts.length} questions (URNs, names, first words, typos, unknown)`, [
      ['workbook → directory (exceljs + core)', ms(loadMs)],
      ['school index', ms(indexMs)],
      ['answer: findSchools + reply', `${row(core)} (target p99 < 5 ms)`],
      ['answer: command handler, no audit', row(handlerNoAudit)],
      ['answer: command handler + audit (PGlite)', row(handler)],
      ['directory in memory (heap, 2,000 schools + index)', mib(directoryHeap)],
      ['cold start to /healthz, example (36), new data dir', `${ms(example.readyMs)}${example.rss ? `, RSS ${mib(example.rss)}` : ''}`],
      [`cold start to /healthz, ${big.schools} schools, new data dir`, `${ms(big.readyMs)}${big.rss ? `, RSS ${mib(big.rss)}` : ''}`],
      [`restart to /healthz, ${again.schools} schools, existing data dir`, `${ms(again.readyMs)}${again.rss ? `, RSS ${mib(again.rss)}` : ''}`],
    ]);
  } finally {
    await store?.close();
    await rm(dir, { recursive: true, force: true });
  }
}
