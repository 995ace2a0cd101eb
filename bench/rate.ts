import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { getFramework } from '../core/frameworks/index.js';
import { planMarks } from '../core/sheet/marks.js';
import { planSheet } from '../core/sheet/planSheet.js';
import { readColumns } from '../core/sheet/readColumns.js';
import { worksheetGrid } from '../workbook/grid.js';
import { checkCells } from '../workbook/package/cells.js';
import { keepPackage } from '../workbook/package/guard.js';
import { loadPackage } from '../workbook/package/parts.js';
import { syntheticWorkbook } from '../examples/lib/synthetic.js';
import { ms, percentile, table, timeRuns } from './lib.js';

/** Issue 2's benchmark: a 2,000-school x 60-column workbook through exceljs and the core. */
export async function benchRate(): Promise<void> {
  const fw = getFramework('reading');
  if (!fw.ok) throw new Error(fw.error);
  const framework = fw.value;
  const identity = 6;
  const officerCategory = 1;
  const extra = 60 - identity - officerCategory - framework.indicators.length;
  const dir = await mkdtemp(path.join(tmpdir(), 'waymark-bench-'));
  const file = path.join(dir, 'big.xlsx');
  try {
    const made = syntheticWorkbook({ framework, schools: 2000, seed: 7, la: 'Bench', extraColumns: extra });
    await made.xlsx.writeFile(file);

    const loads = await timeRuns(3, async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    const t0 = performance.now();
    const grid = worksheetGrid(ws);
    const gridTime = performance.now() - t0;
    const cols = Math.max(...grid.map((r) => r.length));
    const plans = await timeRuns(9, () => planSheet(grid, { framework, today: '2026-11-24' }));
    // Reading the columns (heading words, then a sample of each column's values) is part of the plan.
    const reads = await timeRuns(9, () => readColumns(grid, { indicators: framework.indicators }));
    const plan = planSheet(grid, { framework, today: '2026-11-24' });
    if (!plan.ok) throw new Error(plan.error.message);
    const marksTimes = await timeRuns(9, () => planMarks(plan.value, framework, '2026-11-24'));
    const saves = await timeRuns(2, () => wb.xlsx.writeFile(path.join(dir, 'out.xlsx')));
    // The package guard on the copy: all of it, and the cell-by-cell part alone.
    const original = await readFile(file);
    const copy = new Uint8Array(await wb.xlsx.writeBuffer());
    const guardOptions = { waymarkSheets: new Set<string>(), waymarkNote: () => false };
    const guards = await timeRuns(3, () => keepPackage(original, copy, guardOptions));
    const [from, to] = [await loadPackage(original), await loadPackage(copy)];
    const cellChecks = await timeRuns(5, () => checkCells(from, to, { skipSheets: new Set(), waymark: new Map() }));
    const load = percentile(loads, 50);
    const core = percentile(plans, 50) + percentile(marksTimes, 50);
    table(`rate: ${plan.value.summary.schools} schools x ${cols} columns (${plan.value.columns.indicators.length} rated), median of runs`, [
      ['exceljs load', ms(load)],
      ['exceljs save', ms(percentile(saves, 50))],
      ['grid from worksheet', ms(gridTime)],
      ['core plan (planSheet)', ms(percentile(plans, 50))],
      ['  of which reading columns', ms(percentile(reads, 50))],
      ['core marks (planMarks)', ms(percentile(marksTimes, 50))],
      ['package guard (keepPackage)', ms(percentile(guards, 50))],
      ['  of which cells and rows (checkCells)', ms(percentile(cellChecks, 50))],
      ['core / load ratio', `${(core / load).toFixed(3)} (target < 0.1)`],
    ]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
