import { describe, expect, it } from 'vitest';
import { cellAddress, columnLetters } from '../../core/sheet/address.js';
import { LEGEND_SHEET, RAG_FILL } from '../../core/sheet/marks.js';
import { clearMarks, MAX_AREAS_CHARS, rateSheet, STATE_KEY, type ExcelContext } from '../../addin/excel/index.js';
import { createFakeExcel, type CellValue, type FakeExcel, type FakeWorkbookInput } from '../fakes/excel.js';
import { decodePuts, encodePuts } from '../../addin/excel/state.js';
import { teamGrid } from './sheets.js';

const today = '2026-11-24';
const rate = (fake: FakeExcel) => fake.run((ctx) => rateSheet(ctx as unknown as ExcelContext, { today }));
const clear = (fake: FakeExcel) => fake.run((ctx) => clearMarks(ctx as unknown as ExcelContext));

function book(grid: CellValue[][], extra: Partial<FakeWorkbookInput['sheets'][number]> = {}): FakeWorkbookInput {
  return { sheets: [{ name: 'Schools', cells: grid, ...extra }] };
}

/** Values of the sheet as a map address → value (non-empty cells only). */
function values(fake: FakeExcel, sheet = 'Schools'): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  const snap = fake.snapshot()[sheet];
  snap?.cells.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null && v !== '') out.set(`${columnLetters(c)}${r + 1}`, v);
    }),
  );
  return out;
}

async function rated(fake: FakeExcel) {
  const result = await rate(fake);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('rating a sheet through Office.js', () => {
  const grid = teamGrid({ schools: 200 });

  it('rates a 200-row sheet in exactly two syncs', async () => {
    const fake = createFakeExcel(book(grid));
    const r = await rated(fake);
    expect(fake.stats.syncs).toBe(2);
    expect(r.plan.summary.schools).toBe(200);
  });

  it('puts each fill on the right cell in the right colour, and only there', async () => {
    const fake = createFakeExcel(book(grid));
    const r = await rated(fake);
    const fills = fake.snapshot().Schools?.fills ?? {};
    expect(r.marks.fills.length).toBeGreaterThan(1000);
    for (const f of r.marks.fills) expect(fills[f.address], f.address).toBe(f.colour);
    const expected = new Set([...r.marks.fills.map((f) => f.address), ...r.marks.outputs.filter((o) => o.colour).map((o) => o.address)]);
    for (const address of Object.keys(fills)) expect(expected.has(address), address).toBe(true);
    // Colours per RAG, as Excel's Good / Neutral / Bad.
    expect(new Set(r.marks.fills.map((f) => f.colour))).toEqual(new Set(Object.values(RAG_FILL)));
  });

  it('writes the two output columns with bold headings', async () => {
    const fake = createFakeExcel(book(grid));
    const r = await rated(fake);
    const after = values(fake);
    for (const o of r.marks.outputs) expect(after.get(o.address), o.address).toBe(o.value);
    const fonts = fake.snapshot().Schools?.fonts ?? {};
    const [suggested, why] = r.marks.outputs;
    expect(suggested?.value).toBe('Suggested category');
    expect(why?.value).toBe('Why');
    expect(fonts[suggested!.address]?.bold).toBe(true);
    expect(fonts[why!.address]?.bold).toBe(true);
    // Category colours on the suggestion cells, grouped by colour.
    const coloured = r.marks.outputs.filter((o) => o.colour);
    expect(coloured.length).toBeGreaterThan(0);
    for (const o of coloured) expect(fake.snapshot().Schools?.fills[o.address]).toBe(o.colour!.toUpperCase());
    // One rectangular write per output column.
    expect(r.writes.outputs.map((o) => o.address)).toEqual([`AB4:AB${grid.length}`, `AC4:AC${grid.length}`]);
  });

  it('never changes a value the team typed, and leaves the officer category column alone', async () => {
    const fake = createFakeExcel(book(grid));
    const before = values(fake);
    const r = await rated(fake);
    const after = values(fake);
    for (const [address, v] of before) expect(after.get(address), address).toBe(v);
    const outputs = new Set(r.marks.outputs.map((o) => o.address));
    for (const address of after.keys()) expect(before.has(address) || outputs.has(address), address).toBe(true);
    const officer = r.plan.columns.roles['officer-category'];
    expect(officer?.header).toBe('LA category');
    for (const f of r.marks.fills) expect(f.col).not.toBe(officer?.col);
    expect(r.plan.output.suggestedCol).not.toBe(officer?.col);
  });

  it('works when the data starts at C5', async () => {
    const fake = createFakeExcel(book(grid, { origin: 'C5' }));
    const r = await rated(fake);
    expect(r.plan.origin).toEqual({ row: 4, col: 2 });
    expect(fake.stats.syncs).toBe(2);
    const snap = fake.snapshot().Schools!;
    const first = r.plan.rows[0]!;
    expect(snap.cells[first.sheetRow - 1]?.[2]).toBe(first.school);
    for (const f of r.marks.fills.slice(0, 50)) expect(snap.fills[f.address]).toBe(f.colour);
    expect(r.marks.outputs[0]?.address).toBe(cellAddress(r.plan.headerRow, r.plan.output.suggestedCol, { row: 4, col: 2 }));
    expect(r.marks.outputs[0]?.address).toBe('AD8');
  });

  it('works on an Excel table', async () => {
    const fake = createFakeExcel(book(grid.slice(3), { origin: 'B2', tables: [{ name: 'Schools', address: `B2:AB${grid.length - 2}` }] }));
    const r = await rated(fake);
    expect(r.plan.summary.schools).toBe(200);
    expect(r.marks.outputs[0]?.address).toBe('AC2');
  });

  it('leaves hidden and filtered rows hidden', async () => {
    const fake = createFakeExcel(book(grid, { hiddenRows: [7, 8, 150] }));
    const r = await rated(fake);
    expect(fake.snapshot().Schools?.hiddenRows).toEqual([7, 8, 150]);
    expect(r.read.hiddenRows).toBe(3);
    // Hidden schools are still rated.
    expect(r.plan.rows.some((row) => row.sheetRow === 150)).toBe(true);
  });

  it('reuses its output columns on a second rating, in three syncs', async () => {
    const fake = createFakeExcel(book(grid));
    const first = await rated(fake);
    const syncs = fake.stats.syncs;
    const second = await rated(fake);
    // The third reads, cell by cell, the fills of its own cells below the rows read that way.
    expect(fake.stats.syncs - syncs).toBe(3);
    expect(second.plan.output.reused).toBe(true);
    expect(second.marks.outputs.map((o) => o.address)).toEqual(first.marks.outputs.map((o) => o.address));
    expect(fake.snapshot().Schools?.cells[3]?.length).toBe(first.plan.output.whyCol + 1);
  });
});

describe('clearing the marks', () => {
  const grid = teamGrid({ schools: 260 });
  // The team's own fills: the header row, a few indicator cells near the top and one far down
  // the sheet (below the rows read cell by cell), and a fill on an output column's heading.
  const teamFills: Record<string, string> = {
    'A4:AA4': '#D9E1F2',
    H10: '#FFFF00',
    N12: '#00B0F0',
    P240: '#7030A0',
    AA30: '#FFC000',
  };

  it('puts back exactly the fills the cells had, and removes the outputs, the legend and its record', async () => {
    const fake = createFakeExcel(book(grid, { fills: teamFills }));
    const before = fake.snapshot().Schools!;
    const valuesBefore = values(fake);
    await rated(fake);
    expect(fake.sheetNames()).toContain(LEGEND_SHEET);
    expect(fake.snapshot().Schools?.fills.H10).not.toBe('#FFFF00');
    const syncs = fake.stats.syncs;
    const cleared = await clear(fake);
    // One read, one read of the recorded fills far down the sheet, one write.
    expect(fake.stats.syncs - syncs).toBe(3);
    expect(cleared.ok && cleared.value.restored).toBeGreaterThan(1000);
    const after = fake.snapshot().Schools!;
    expect(after.fills).toEqual(before.fills);
    // Excel has no "unset" bold: not bold is not bold.
    const bolds = (fonts: Record<string, { bold?: boolean }>) => Object.entries(fonts).filter(([, f]) => f.bold === true);
    expect(bolds(after.fonts)).toEqual(bolds(before.fonts));
    expect(values(fake)).toEqual(valuesBefore);
    expect(fake.sheetNames()).toEqual(['Schools']);
    expect(fake.settings()[STATE_KEY]).toBeUndefined();
  });

  it("puts back a team's own RAG in Excel's Good/Neutral/Bad colours, the same as Waymark's", async () => {
    const ragFills = { H6: RAG_FILL.R, K6: RAG_FILL.G, N6: RAG_FILL.G, G7: RAG_FILL.A }; // N6: Waymark's green on the team's
    const fake = createFakeExcel(book(grid, { fills: ragFills }));
    const before = fake.snapshot().Schools!.fills;
    const r = await rated(fake);
    expect(Object.keys(ragFills).every((a) => r.marks.fills.some((f) => f.address === a))).toBe(true);
    await rated(fake); // a second run keeps the record of the first
    await clear(fake);
    expect(fake.snapshot().Schools!.fills).toEqual(before);
  });

  it('reads a fill far down a mixed row and column in one further sync, and restores it', async () => {
    const fake = createFakeExcel(book(grid, { fills: teamFills }));
    const r = await rated(fake);
    // P240 sits in a row and a column that both have other fills: read cell by cell.
    expect(r.marks.fills.some((f) => f.address === 'P240')).toBe(true);
    expect(fake.stats.syncs).toBe(3);
    await clear(fake);
    expect(fake.snapshot().Schools?.fills.P240).toBe('#7030A0');
  });

  it('keeps a fill the team put on a rated cell far down the sheet, through another rating and Clear', async () => {
    const fake = createFakeExcel(book(grid));
    const r = await rated(fake);
    const rowOf = (a: string) => Number(a.replace(/^[A-Z]+/, ''));
    const far = r.marks.fills.find((f) => rowOf(f.address) > 240)!;
    const near = r.marks.fills.find((f) => rowOf(f.address) > 20 && rowOf(f.address) < 100)!;
    const paint = (address: string, colour: string) =>
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Schools').getRange(address).format.fill.color = colour;
        await ctx.sync();
      });
    await paint(far.address, '#FFFF00');
    await paint(near.address, '#FFFF00');
    const again = await rated(fake);
    expect(again.writes.recoloured).toEqual([near.address, far.address]);
    expect([fake.snapshot().Schools?.fills[near.address], fake.snapshot().Schools?.fills[far.address]]).toEqual(['#FFFF00', '#FFFF00']);
    await paint(far.address, '#00B0F0');
    await clear(fake);
    expect([fake.snapshot().Schools?.fills[near.address], fake.snapshot().Schools?.fills[far.address]]).toEqual(['#FFFF00', '#00B0F0']);
  });

  it('keeps an output cell an officer has typed over', async () => {
    const fake = createFakeExcel(book(grid));
    const r = await rated(fake);
    const why = r.marks.outputs.find((o) => o.col === r.plan.output.whyCol && o.row > r.plan.headerRow)!;
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Schools').getRange(why.address).values = [['Agreed at panel: keep in C']];
    });
    const cleared = await clear(fake);
    expect(cleared.ok && cleared.value.outputsKept).toBe(1);
    expect(values(fake).get(why.address)).toBe('Agreed at panel: keep in C');
  });

  it('leaves a cell the team recoloured after rating, rather than restore over it', async () => {
    const fake = createFakeExcel(book(grid, { fills: teamFills }));
    const r = await rated(fake);
    const mine = r.marks.fills.find((f) => f.row - r.plan.headerRow < 20)!;
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Schools').getRange(mine.address).format.fill.color = '#00B0F0';
    });
    await clear(fake);
    expect(fake.snapshot().Schools?.fills[mine.address]).toBe('#00B0F0');
  });

  it("leaves a team's own Excel colour on a cell Waymark coloured differently, even a Waymark colour", async () => {
    const fake = createFakeExcel(book(grid));
    const r = await rated(fake);
    const green = r.marks.fills.find((f) => f.colour.toUpperCase() === RAG_FILL.G.toUpperCase() && f.row - r.plan.headerRow < 20)!;
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Schools').getRange(green.address).format.fill.color = RAG_FILL.R; // Excel's "Bad"
    });
    await clear(fake);
    expect(fake.snapshot().Schools?.fills[green.address]).toBe(RAG_FILL.R.toUpperCase());
  });

  it('keeps a fill the team put on a cell Waymark rates again, says so, and keeps it through Clear', async () => {
    const fake = createFakeExcel(book(grid));
    const r = await rated(fake);
    const mine = r.marks.fills.find((f) => f.row - r.plan.headerRow < 20)!;
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Schools').getRange(mine.address).format.fill.color = '#FFFF00';
    });
    const again = await rated(fake);
    expect(again.writes.recoloured).toEqual([mine.address]);
    expect(fake.snapshot().Schools?.fills[mine.address]).toBe('#FFFF00');
    const third = await rated(fake); // still the team's, and said again
    expect(third.writes.recoloured).toEqual([mine.address]);
    expect(fake.snapshot().Schools?.fills[mine.address]).toBe('#FFFF00');
    await clear(fake);
    expect(fake.snapshot().Schools?.fills[mine.address]).toBe('#FFFF00');
  });

  it('rates a cell left to the team afresh once the team takes their fill off, and Clear leaves it unfilled', async () => {
    const fake = createFakeExcel(book(grid));
    const r = await rated(fake);
    const mine = r.marks.fills.find((f) => f.row - r.plan.headerRow < 20)!;
    const paint = (colour: string | null) =>
      fake.run(async (ctx) => {
        const fill = ctx.workbook.worksheets.getItem('Schools').getRange(mine.address).format.fill;
        if (colour === null) fill.clear();
        else fill.color = colour;
      });
    await paint('#FFFF00');
    await rated(fake);
    await paint(null);
    const again = await rated(fake);
    expect(again.writes.recoloured).toEqual([]);
    expect(fake.snapshot().Schools?.fills[mine.address]).toBe(mine.colour.toUpperCase());
    await clear(fake);
    expect(fake.snapshot().Schools?.fills[mine.address] ?? '').toBe('');
  });

  it('refuses to rate or clear a sheet with a row inserted above rated schools since, changing nothing', async () => {
    const fake = createFakeExcel(book(grid));
    const r = await rated(fake);
    // The same workbook with a school inserted just below the header row (the fake has no insert).
    const cells = fake.snapshot().Schools!.cells.map((row) => [...row]);
    const at = r.plan.headerRow + 1;
    cells.splice(at, 0, cells[at]!.map((v, c) => (c < r.plan.output.suggestedCol ? v : null)));
    const moved = createFakeExcel({ sheets: [{ name: 'Schools', cells }], settings: fake.settings() });
    const writes = moved.stats.writes;
    for (const run of [rate, clear]) {
      const result = await run(moved);
      expect(result.ok ? 'done' : result.error.code).toBe('rows-moved');
      const [, was, now] = /wrote on row (\d+) is now on row (\d+)/.exec(result.ok ? '' : result.error.message) ?? [];
      expect(Number(now) - Number(was)).toBe(1);
    }
    expect(moved.stats.writes).toBe(writes);
  });

  it("refuses to rate or clear a sheet whose schools' columns were sorted without Waymark's, changing nothing", async () => {
    const fake = createFakeExcel(book(grid));
    const r = await rated(fake);
    // Two schools' rows swapped left of Waymark's columns only: its own texts have not moved.
    const cells = fake.snapshot().Schools!.cells.map((row) => [...row]);
    const [a, b] = [r.plan.rows[0]!.sheetRow - 1, r.plan.rows[2]!.sheetRow - 1];
    const left = (row: readonly unknown[]) => row.slice(0, r.plan.output.suggestedCol);
    const [rowA, rowB] = [left(cells[a]!), left(cells[b]!)];
    cells[a] = [...rowB, ...cells[a]!.slice(r.plan.output.suggestedCol)] as typeof cells[number];
    cells[b] = [...rowA, ...cells[b]!.slice(r.plan.output.suggestedCol)] as typeof cells[number];
    const sorted = createFakeExcel({ sheets: [{ name: 'Schools', cells }], settings: fake.settings() });
    const writes = sorted.stats.writes;
    for (const run of [rate, clear]) {
      const result = await run(sorted);
      expect(result.ok ? 'done' : result.error.code).toBe('rows-moved');
      expect(result.ok ? '' : result.error.message).toMatch(new RegExp(`row ${a + 1} no longer holds the school it rated there`));
    }
    expect(sorted.stats.writes).toBe(writes);
  });

  it('does nothing on a sheet Waymark never rated', async () => {
    const fake = createFakeExcel(book(grid));
    const cleared = await clear(fake);
    expect(cleared).toEqual({ ok: true, value: { restored: 0, outputsCleared: 0, outputsKept: 0, legendRemoved: false } });
    expect(fake.stats.writes).toBe(0);
  });
});

describe("the record of the colours Waymark put", () => {
  it('gives back every cell and colour it was given, gaps included', () => {
    const puts = new Map([
      [5 * 16_384 + 3, '#C6EFCE'],
      [7 * 16_384 + 3, '#FFC7CE'],
      [5 * 16_384 + 700, '#FFEB9C'],
      [1999 * 16_384 + 700, '#C6EFCE'],
    ]);
    const record = encodePuts(puts)!;
    expect(record.cols['3']).toBe('5:0.1');
    expect(decodePuts(JSON.parse(JSON.stringify(record)) as typeof record)).toEqual(puts);
  });
});

describe('large sheets', () => {
  const grid = teamGrid({ schools: 2000, width: 60, seed: 3 });

  it('splits long address lists under 8,000 characters', async () => {
    const fake = createFakeExcel(book(grid), { maxAreasAddressLength: MAX_AREAS_CHARS });
    const r = await rated(fake);
    const chunks = [...r.writes.fills, ...r.writes.restores].flatMap((g) => g.chunks);
    expect(chunks.length).toBeGreaterThan(3);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(MAX_AREAS_CHARS);
  });

  it('keeps a 2,000 x 60 sheet under the 5 MB cap in every sync, rating and clearing', async () => {
    const fake = createFakeExcel(book(grid));
    const r = await rated(fake);
    expect(r.plan.summary.schools).toBe(2000);
    expect(fake.stats.syncs).toBe(2);
    await rated(fake);
    await clear(fake);
    expect(Math.max(...fake.payloadBytes)).toBeLessThan(5_000_000);
    expect(Math.max(...fake.responseBytes)).toBeLessThan(5_000_000);
    expect(Math.max(...fake.payloadBytes)).toBeLessThan(1_000_000);
  });

  it('reports an empty sheet as a message, not a crash', async () => {
    const fake = createFakeExcel({ sheets: [{ name: 'Blank' }] });
    const r = await rate(fake);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toMatch(/empty/);
    expect(fake.stats.writes).toBe(0);
  });
});
