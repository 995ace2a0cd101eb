import { describe, expect, it } from 'vitest';
import { planRating, planSelectedRow, readSelectedRow, readSheet, rowFrame, type ExcelContext } from '../../addin/excel/index.js';
import { createFakeExcel } from '../fakes/excel.js';
import { reading, teamGrid } from './sheets.js';

const today = '2026-11-24';

async function setup() {
  const fake = createFakeExcel({ sheets: [{ name: 'Schools', cells: teamGrid({ schools: 30, seed: 3 }) }, { name: 'Notes', cells: [['x']] }] });
  const read = await fake.run((ctx) => readSheet(ctx as unknown as ExcelContext));
  if (!read.ok) throw new Error(read.error.message);
  const planned = planRating(read.value, reading(), today);
  if (!planned.ok) throw new Error(planned.error.message);
  return { fake, read: read.value, plan: planned.value.plan, frame: rowFrame(read.value, planned.value.plan.headerRow) };
}

describe('the selected school', () => {
  it('is read in one sync that writes nothing, and rated as the whole-sheet plan rates it', async () => {
    const { fake, read, plan, frame } = await setup();
    const row = plan.rows[5]!;
    await fake.run((ctx) => ctx.workbook.worksheets.getActiveWorksheet().getRange(`D${row.sheetRow}`).select());
    const before = { ...fake.stats };
    const selected = await fake.run((ctx) => readSelectedRow(ctx as unknown as ExcelContext, frame));
    expect(fake.stats.syncs - before.syncs).toBe(1);
    expect(fake.stats.writes - before.writes).toBe(0);
    if (!selected.ok) throw new Error(selected.error);
    const school = planSelectedRow(selected.value, frame, read.config, reading(), today);
    expect(school?.school).toBe(row.school);
    expect(school?.sheetRow).toBe(row.sheetRow);
    expect(school?.suggestion).toEqual(row.suggestion);
    expect(school?.cells.map((c) => [c.address, c.rag])).toEqual(row.cells.map((c) => [c.address, c.rag]));
  });

  it('is no school on the header row or on another sheet', async () => {
    const { fake, read, frame } = await setup();
    await fake.run((ctx) => ctx.workbook.worksheets.getActiveWorksheet().getRange(`B${frame.headerSheetRow}`).select());
    const header = await fake.run((ctx) => readSelectedRow(ctx as unknown as ExcelContext, frame));
    expect(header.ok && planSelectedRow(header.value, frame, read.config, reading(), today)).toBeUndefined();
    await fake.run((ctx) => {
      const notes = ctx.workbook.worksheets.getItem('Notes');
      notes.activate();
      notes.getRange('A1').select();
    });
    const other = await fake.run((ctx) => readSelectedRow(ctx as unknown as ExcelContext, frame));
    expect(other.ok && other.value.sheet.name).toBe('Notes');
    expect(other.ok && planSelectedRow(other.value, frame, read.config, reading(), today)).toBeUndefined();
  });
});
