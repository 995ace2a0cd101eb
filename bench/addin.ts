import { performance } from 'node:perf_hooks';
import { planRating, planSelectedRow, rateSheet, readSelectedRow, readSheet, rowFrame, type ExcelContext } from '../addin/excel/index.js';
import { worksheetGrid } from '../workbook/grid.js';
import { getFramework } from '../core/frameworks/index.js';
import { syntheticWorkbook } from '../examples/lib/synthetic.js';
import { createFakeExcel } from '../test/fakes/excel.js';
import { ms, percentile, table, timeRuns } from './lib.js';

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KiB`;

/**
 * Issue 5's benchmark: rating a 200 x 20 and a 2,000 x 60 sheet through the add-in's adapter
 * on the fake Excel context: round trips, operations queued, request/response size, core time.
 */
export async function benchAddin(): Promise<void> {
  const fw = getFramework('reading');
  if (!fw.ok) throw new Error(fw.error);
  const framework = fw.value;
  const today = '2026-11-24';
  for (const [schools, width] of [
    [200, 20],
    [2000, 60],
  ] as const) {
    const identity = 7; // six identity columns and "LA category"
    const indicators = framework.indicators.slice(0, Math.min(framework.indicators.length, width - identity));
    const extra = width - identity - indicators.length;
    const wb = syntheticWorkbook({ framework, schools, seed: 11, la: 'Bench', indicators, extraColumns: extra });
    const grid = worksheetGrid(wb.worksheets[0]!);
    const cols = Math.max(...grid.map((r) => r.length));

    const fake = createFakeExcel({ sheets: [{ name: 'Schools', cells: grid }] });
    const t0 = performance.now();
    const result = await fake.run((ctx) => rateSheet(ctx as unknown as ExcelContext, { today }));
    const total = performance.now() - t0;
    if (!result.ok) throw new Error(result.error.message);
    const { plan, writes } = result.value;
    const readOps = fake.stats.loads;
    const writeOps = fake.stats.writes;
    const colours = new Set(writes.fills.map((f) => f.value)).size;
    const mapped = plan.columns.indicators.length;

    // A second rating reuses the output columns and the recorded fills.
    const syncsBefore = fake.stats.syncs;
    await fake.run((ctx) => rateSheet(ctx as unknown as ExcelContext, { today }));
    const secondSyncs = fake.stats.syncs - syncsBefore;

    // Core plan time alone, from one read.
    const reader = createFakeExcel({ sheets: [{ name: 'Schools', cells: grid }] });
    const read = await reader.run((ctx) => readSheet(ctx as unknown as ExcelContext, { fills: true }));
    if (!read.ok) throw new Error(read.error.message);
    const plans = await timeRuns(7, () => planRating(read.value, framework, today));

    // The selected-school panel: one read of the active row and the header per selection change.
    const frame = rowFrame(read.value, plan.headerRow);
    const middle = plan.rows[Math.floor(plan.rows.length / 2)];
    if (!middle) throw new Error('no school rows');
    await reader.run(async (ctx) => {
      ctx.workbook.worksheets.getActiveWorksheet().getRange(`B${middle.sheetRow}`).select();
    });
    const selSyncs0 = reader.stats.syncs;
    const selBytes0 = reader.payloadBytes.length;
    const tSel = performance.now();
    const selected = await reader.run((ctx) => readSelectedRow(ctx as unknown as ExcelContext, frame));
    if (!selected.ok) throw new Error(selected.error);
    const school = planSelectedRow(selected.value, frame, read.value.config, framework, today);
    const selMs = performance.now() - tSel;
    if (school?.school !== middle.school) throw new Error(`selection read found ${school?.school}, not ${middle.school}`);
    const selSyncs = reader.stats.syncs - selSyncs0;
    const selReq = Math.max(...reader.payloadBytes.slice(selBytes0));
    const selRes = Math.max(...reader.responseBytes.slice(selBytes0));

    const maxReq = Math.max(...fake.payloadBytes.slice(0, 2));
    const maxRes = Math.max(...fake.responseBytes.slice(0, 2));
    table(`addin: ${plan.summary.schools} schools x ${cols} columns (${mapped} rated), on the fake Excel context`, [
      ['syncs per rating', `${syncsBefore} (target 2; Excel.run adds none when nothing is left queued); second rating ${secondSyncs}`],
      ['operations queued', `${readOps} loads + ${writeOps} writes (fill writes ${writes.fills.reduce((n, f) => n + f.chunks.length, 0)}; target ≤ colours x mapped columns + output columns = ${colours} x ${mapped} + 2 = ${colours * mapped + 2})`],
      ['request payload (largest sync)', `${kb(maxReq)} (target < 1 MB; Excel on the web caps 5 MB)`],
      ['response payload (largest sync)', `${kb(maxRes)} (cap 5 MB)`],
      ['recorded state in settings', kb(JSON.stringify(writes.state).length)],
      ['core plan (planSheet + planMarks)', ms(percentile(plans, 50))],
      ['whole rating on the fake', ms(total)],
      ['selection panel: syncs per selection change', `${selSyncs} (target 1); request ${kb(selReq)}, response ${kb(selRes)}; read + plan of the row ${ms(selMs)}`],
    ]);
  }
}
