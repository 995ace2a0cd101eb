/**
 * Fuzz: random grids through planSheet and planMarks, for every built-in framework. Nothing
 * may throw, and no mark may land on a cell that holds something, other than the rated
 * indicator cells (fills) and cells Waymark's own record says it wrote (its output columns).
 */
import { describe, expect, it } from 'vitest';
import { builtInFrameworks, type Framework } from '../frameworks/index.js';
import type { CellValue } from '../indicators/types.js';
import { cellAddress, type Origin } from './address.js';
import { holdsSomething } from './emptiness.js';
import { planMarks } from './marks.js';
import type { OutputRecord } from './outputColumns.js';
import { planSheet, type PlanOptions } from './planSheet.js';
import { OUTPUT_HEADERS } from './roles.js';

const GRIDS = 10_000;
const today = '2026-11-24';

/** mulberry32: a small seeded generator, so a failure can be replayed from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hash = (t: string) => `h${t.length}:${t}`;

interface Case {
  grid: CellValue[][];
  options: PlanOptions;
  occupied: Set<string>;
}

function makeCase(framework: Framework, seed: number): Case {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const headings = [
    'School', 'School name', 'URN', 'Phase', 'LA category', 'Officer', 'Head email', 'Notes', '',
    OUTPUT_HEADERS.suggested, OUTPUT_HEADERS.why,
    ...framework.indicators.flatMap((i) => [i.label, ...i.aliases.slice(0, 2)]),
  ];
  const values: CellValue[] = [
    null, null, null, '', ' ', '   ', '\t', 'n/a', '-', 'tbc', '#N/A', '#DIV/0!', '94.2%', 0.891, 96, 3, 2, 1, 4,
    'Good', 'Effective', 'Ineffective', 'RI', 'Y', 'N', true, false, 'improving', '↓', '12/09/2025', 45000,
    'ninety', 'Oak Primary', 'Secondary schools', 'Total', 'R (SIA proposal, to panel)', 'G — Strengthening Good',
    'primary', 'secondary', 'Elm Academy', 101234,
  ];
  const rows = 1 + Math.floor(rnd() * 9);
  const cols = 1 + Math.floor(rnd() * 9);
  const headerAt = Math.floor(rnd() * Math.min(rows, 3));
  const grid: CellValue[][] = [];
  const occupied = new Set<string>();
  for (let r = 0; r < rows; r++) {
    const line: CellValue[] = [];
    const width = rnd() < 0.9 ? cols : 1 + Math.floor(rnd() * cols); // some ragged rows
    for (let c = 0; c < width; c++) {
      let v: CellValue;
      if (r === headerAt) v = c === 0 && rnd() < 0.7 ? 'School' : pick(headings);
      else if (c === 0 && r > headerAt && rnd() < 0.7) v = pick(['Oak Primary', 'Elm Academy', 'Total', 'Secondary schools', '', ' ']);
      else v = pick(values);
      line.push(v);
      // A blank-looking cell may hold a formula whose result is "" (or empty rich text).
      if ((v === null || v === '') && rnd() < 0.15) occupied.add(`${r}:${c}`);
    }
    grid.push(line);
  }
  const origin: Origin = rnd() < 0.8 ? { row: 0, col: 0 } : { row: Math.floor(rnd() * 5), col: Math.floor(rnd() * 5) };
  const options: { -readonly [K in keyof PlanOptions]: PlanOptions[K] } = {
    framework,
    today,
    origin,
    occupied: (r, c) => occupied.has(`${r}:${c}`),
  };
  if (rnd() < 0.1) options.headerRow = origin.row + 1 + Math.floor(rnd() * (rows + 1));
  if (rnd() < 0.1) options.columns = { B: pick(['ignore', 'school', 'urn', framework.indicators[0]!.id]) };
  if (rnd() < 0.3) {
    // A record from an earlier run: some of the sheet's texts, at their own addresses or not.
    const cells = new Map<string, string>();
    grid.forEach((line, r) =>
      line.forEach((v, c) => {
        if (typeof v === 'string' && v !== '' && rnd() < 0.3) {
          const at = rnd() < 0.8 ? { r, c } : { r: Math.floor(rnd() * rows), c: Math.floor(rnd() * cols) };
          cells.set(cellAddress(at.r, at.c, origin), hash(v));
        }
      }),
    );
    const record: OutputRecord = { cells, hash };
    options.outputRecord = record;
  }
  return { grid, options, occupied };
}

describe('fuzz: random grids through planSheet and planMarks', () => {
  const figures: string[] = [];

  for (const framework of builtInFrameworks) {
    it(`${framework.id}: ${GRIDS.toLocaleString('en-GB')} grids, no exception, no mark on a cell that holds something`, () => {
      let planned = 0;
      let outputsChecked = 0;
      let fillsChecked = 0;
      let reused = 0;
      const problems: string[] = [];
      for (let i = 0; i < GRIDS; i++) {
        const seed = i * 7919 + framework.id.length;
        const { grid, options, occupied } = makeCase(framework, seed);
        let result: ReturnType<typeof planSheet>;
        let marks: ReturnType<typeof planMarks> | undefined;
        try {
          result = planSheet(grid, options);
          if (result.ok) marks = planMarks(result.value, framework, today);
        } catch (e) {
          problems.push(`seed ${seed}: threw ${(e as Error).message}`);
          continue;
        }
        if (!result.ok || !marks) continue;
        planned++;
        const plan = result.value;
        if (plan.output.reused) reused++;
        const held = (r: number, c: number) => holdsSomething(grid, r, c, (rr, cc) => occupied.has(`${rr}:${cc}`));
        const recorded = new Set(options.outputRecord?.cells.values() ?? []);
        for (const o of marks.outputs) {
          outputsChecked++;
          if (!held(o.row, o.col)) continue;
          const v = grid[o.row]?.[o.col];
          const waymarks = plan.output.reused && typeof v === 'string' && recorded.has(hash(v));
          if (!waymarks) problems.push(`seed ${seed}: output ${o.address} over ${JSON.stringify(v)}`);
        }
        const rated = new Set(plan.rows.flatMap((row) => row.cells.filter((c) => c.rag).map((c) => `${c.row}:${c.col}`)));
        for (const f of marks.fills) {
          fillsChecked++;
          if (!rated.has(`${f.row}:${f.col}`) || !held(f.row, f.col)) problems.push(`seed ${seed}: fill ${f.address} is not a rated cell`);
        }
        if (problems.length > 20) break;
      }
      figures.push(
        `${framework.id}: ${GRIDS} grids, ${planned} planned, ${reused} reusing Waymark's recorded columns, ` +
          `${outputsChecked} output cells and ${fillsChecked} fills checked, ${problems.length} on a cell that held something`,
      );
      console.log(`fuzz ${figures.at(-1)}`);
      expect(problems).toEqual([]);
      expect(planned).toBeGreaterThan(GRIDS / 10);
    }, 120_000);
  }
});
