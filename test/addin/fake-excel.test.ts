import { describe, expect, it } from 'vitest';
import { createFakeExcel, FakeOfficeError } from '../fakes/excel.js';
import { formatAddress, formatRef, parseAreas, parseRange, MAX_ROWS } from '../fakes/a1.js';

const book = () =>
  createFakeExcel({
    sheets: [
      {
        name: 'Schools',
        cells: [
          ['URN', 'School', 'Reading', 'Category'],
          [100001, 'Ash Primary', 0.72, null],
          [100002, 'Beech Infants', 0.55, 'Cat 3'],
          [100003, 'Cedar Junior', true, ''],
        ],
        fills: { D3: '#ff0000' },
        hiddenRows: [3],
        tables: [{ name: 'SchoolTable', address: 'A1:D4' }],
      },
      { name: 'Notes', cells: [['x']], origin: 'C5' },
    ],
    activeSheet: 'Schools',
    settings: { 'waymark.framework': 'primary-2025' },
  });

describe('a1 helpers', () => {
  it('parses and formats ranges, columns, rows, sheet prefixes and areas', () => {
    expect(parseRange('Sheet1!B2:D9')).toEqual({ sheet: 'Sheet1', row: 1, col: 1, rows: 8, cols: 3 });
    expect(parseRange("'My ''x'' sheet'!$A$1")).toEqual({ sheet: "My 'x' sheet", row: 0, col: 0, rows: 1, cols: 1 });
    expect(parseRange('C:C')).toEqual({ row: 0, col: 2, rows: MAX_ROWS, cols: 1 });
    expect(parseRange('B0')).toBeUndefined();
    expect(parseAreas('A1:B2, D4')?.length).toBe(2);
    expect(formatRef({ row: 0, col: 2, rows: MAX_ROWS, cols: 1 })).toBe('C:C');
    expect(formatAddress('My sheet', { row: 1, col: 1, rows: 8, cols: 3 })).toBe("'My sheet'!B2:D9");
    expect(formatAddress('A1', { row: 0, col: 0, rows: 1, cols: 1 })).toBe("'A1'!A1");
  });
});

describe('fake Excel: loading', () => {
  it('throws PropertyNotLoaded when reading a property that was not loaded and synced', async () => {
    const fx = book();
    await fx.run(async (context) => {
      const range = context.workbook.worksheets.getActiveWorksheet().getUsedRange();
      expect(() => range.values).toThrow(FakeOfficeError);
      expect(() => range.values).toThrow(
        `The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
      range.load('values');
      try {
        void range.values; // loaded but not yet synced
        expect.unreachable();
      } catch (e) {
        expect((e as FakeOfficeError).code).toBe('PropertyNotLoaded');
        expect((e as FakeOfficeError).name).toBe('RichApi.Error');
      }
      await context.sync();
      expect(() => range.address).toThrow(/'address' is not available/);
    });
  });

  it('load → sync → read gives the used range as Office.js does ("" for empty cells)', async () => {
    const fx = book();
    await fx.run(async (context) => {
      const range = context.workbook.worksheets.getActiveWorksheet().getUsedRange(true).load('values, address, rowIndex, columnIndex, rowCount, columnCount');
      const fill = range.getCell(2, 3).format.fill.load('color');
      const hidden = range.getRow(2).load('rowHidden');
      await context.sync();
      expect(range.address).toBe('Schools!A1:D4');
      expect([range.rowIndex, range.columnIndex, range.rowCount, range.columnCount]).toEqual([0, 0, 4, 4]);
      expect(range.values[1]).toEqual([100001, 'Ash Primary', 0.72, '']);
      expect(range.values[3]).toEqual([100003, 'Cedar Junior', true, '']);
      expect(fill.color).toBe('#FF0000');
      expect(hidden.rowHidden).toBe(true);
    });
    expect(fx.stats.syncs).toBe(1);
  });

  it('honours origin, nested loads, collections, tables, null objects and settings', async () => {
    const fx = book();
    await fx.run(async (context) => {
      const notes = context.workbook.worksheets.getItem('notes').getUsedRange().load('address');
      const missing = context.workbook.worksheets.getItemOrNullObject('Nope');
      const sheets = context.workbook.worksheets.load('items/name');
      const body = context.workbook.tables.getItem('SchoolTable').getDataBodyRange().load('address');
      const fmt = context.workbook.worksheets.getItem('Schools').getRange('D3').load('format/fill/color');
      const setting = context.workbook.settings.getItem('waymark.framework').load('value');
      expect(() => missing.isNullObject).toThrow(/isNullObject/);
      await context.sync();
      expect(notes.address).toBe('Notes!C5');
      expect(missing.isNullObject).toBe(true);
      expect(sheets.items.map((s) => s.name)).toEqual(['Schools', 'Notes']);
      expect(body.address).toBe('Schools!A2:D4');
      expect(fmt.format.fill.color).toBe('#FF0000');
      expect(setting.value).toBe('primary-2025');
      context.workbook.settings.add('waymark.version', { v: 2 });
    });
    expect(fx.settings()).toEqual({ 'waymark.framework': 'primary-2025', 'waymark.version': { v: 2 } });
  });

  it('reports ItemNotFound at sync for a missing sheet, like Office.js', async () => {
    const fx = book();
    await expect(
      fx.run(async (context) => {
        context.workbook.worksheets.getItem('Missing').getRange('A1').load('values');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
  });
});

describe('fake Excel: writes', () => {
  it('queues writes and applies them only at sync', async () => {
    const fx = book();
    const { context } = fx;
    const sheet = context.workbook.worksheets.getItem('Schools');
    const target = sheet.getRange('E1:E2');
    target.values = [['Suggested'], ['Cat 2']];
    target.format.fill.color = '#00b050';
    expect(target.values).toEqual([['Suggested'], ['Cat 2']]); // the proxy remembers what was set
    expect(fx.snapshot().Schools?.cells[0]?.[4]).toBeUndefined();
    expect(fx.snapshot().Schools?.fills.E1).toBeUndefined();

    const reread = sheet.getRange('E1:E2').load('values');
    await context.sync();
    expect(reread.values).toEqual([['Suggested'], ['Cat 2']]);
    const snap = fx.snapshot().Schools;
    expect(snap?.cells[0]?.[4]).toBe('Suggested');
    expect(snap?.fills).toMatchObject({ E1: '#00B050', E2: '#00B050', D3: '#FF0000' });

    sheet.getRange('D3').format.fill.clear();
    sheet.getRange('E1:E2').values = [[null], ['']]; // null leaves a cell alone, "" empties it
    await context.sync();
    expect(fx.snapshot().Schools?.fills.D3).toBeUndefined();
    expect(fx.snapshot().Schools?.cells[0]?.[4]).toBe('Suggested');
    expect(fx.snapshot().Schools?.cells[1]?.[4]).toBeNull();
  });

  it('rejects a values array of the wrong shape at sync, keeping earlier writes', async () => {
    const fx = book();
    const sheet = fx.context.workbook.worksheets.getActiveWorksheet();
    sheet.getRange('F1').values = [['ok']];
    sheet.getRange('F2:F3').values = [['only one row']];
    await expect(fx.context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(fx.snapshot().Schools?.cells[0]?.[5]).toBe('ok');
  });

  it('getRanges with 300 areas sets the fill on every area', async () => {
    const fx = book();
    const addresses = Array.from({ length: 300 }, (_, i) => `${i % 2 ? 'B' : 'D'}${i + 10}:${i % 2 ? 'C' : 'D'}${i + 10}`);
    await fx.run(async (context) => {
      const areas = context.workbook.worksheets.getItem('Schools').getRanges(addresses.join(', '));
      areas.format.fill.color = '#FFC000';
      const loaded = areas.load('areaCount').areas.load('items/address');
      await context.sync();
      expect(areas.areaCount).toBe(300);
      expect(loaded.items).toHaveLength(300);
      expect(loaded.items[1]?.address).toBe('Schools!B11:C11');
    });
    const fills = fx.snapshot().Schools?.fills ?? {};
    expect(Object.keys(fills)).toHaveLength(1 + 150 * 2 + 150);
    expect(fills.D10).toBe('#FFC000');
    expect(fills.C11).toBe('#FFC000');
    expect(fills.D308).toBe('#FFC000');
    expect(fills.C309).toBe('#FFC000');
    expect(fx.stats.syncs).toBe(1);
  });

  it('Excel.run flushes queued writes at the end and closes the context', async () => {
    const fx = book();
    let leaked: ReturnType<typeof fx.context.workbook.worksheets.getActiveWorksheet> | undefined;
    await fx.Excel.run(async (context) => {
      leaked = context.workbook.worksheets.getActiveWorksheet();
      leaked.getRange('A6').values = [['added']];
    });
    expect(fx.stats.syncs).toBe(1);
    expect(fx.snapshot().Schools?.cells[5]?.[0]).toBe('added');
    expect(() => leaked?.getRange('A7').load('values')).toThrow(/object path/);
  });

  it('adds sheets, rejects duplicates', async () => {
    const fx = book();
    await fx.run(async (context) => {
      const s = context.workbook.worksheets.add('Waymark legend');
      s.getRange('A1').values = [['Legend']];
      s.load('name');
      await context.sync();
      expect(s.name).toBe('Waymark legend');
    });
    expect(fx.sheetNames()).toEqual(['Schools', 'Notes', 'Waymark legend']);
    await expect(fx.run((context) => void context.workbook.worksheets.add('schools'))).rejects.toMatchObject({
      code: 'ItemAlreadyExists',
    });
  });
});

describe('fake Excel: stats and payload cap', () => {
  it('counts syncs, queued operations and loads', async () => {
    const fx = book();
    await fx.run(async (context) => {
      const used = context.workbook.worksheets.getActiveWorksheet().getUsedRange(true);
      used.load('values');
      used.load(['address', 'rowIndex']);
      await context.sync();
      used.getCell(1, 3).values = [['Cat 2']];
      used.getCell(1, 3).format.fill.color = '#FFFF00';
      used.getCell(1, 3).format.font.bold = true;
      await context.sync();
      await context.sync(); // empty: still a sync, carries nothing
    });
    expect(fx.stats).toEqual({ syncs: 3, emptySyncs: 1, queuedOps: 5, loads: 2, writes: 3 });
    expect(fx.payloadBytes).toHaveLength(3);
    expect(fx.payloadBytes[0]).toBeGreaterThan(0);
    expect(fx.payloadBytes[2]).toBe(0);
    expect(fx.responseBytes[0]).toBeGreaterThan(100);
  });

  it('rejects a sync whose request exceeds 5 MB and applies none of it', async () => {
    const fx = book();
    const sheet = fx.context.workbook.worksheets.getActiveWorksheet();
    const big = 'x'.repeat(1000);
    sheet.getRange('A10:A5009').values = Array.from({ length: 5000 }, () => [big]); // ~5 MB + JSON overhead
    sheet.getRange('B10').values = [['small']];
    await expect(fx.context.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(fx.payloadBytes[0]).toBeGreaterThan(5_000_000);
    expect(fx.snapshot().Schools?.cells.length).toBe(4);

    // Split across two syncs it goes through.
    sheet.getRange('A10:A2509').values = Array.from({ length: 2500 }, () => [big]);
    await fx.context.sync();
    sheet.getRange('A2510:A5009').values = Array.from({ length: 2500 }, () => [big]);
    await fx.context.sync();
    expect(fx.payloadBytes.slice(1).every((b) => b < 5_000_000)).toBe(true);
    expect(fx.snapshot().Schools?.cells.length).toBe(5009);
  });

  it('rejects a read whose response exceeds the cap', async () => {
    const fx = createFakeExcel({ sheets: [{ name: 'S', cells: [['x'.repeat(600)]] }] }, { maxPayloadBytes: 1000 });
    const r = fx.context.workbook.worksheets.getItem('S').getRange('A1:B1').load('values');
    r.values = [['y'.repeat(600), 'z'.repeat(600)]];
    await expect(fx.context.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    const s = fx.context.workbook.worksheets.getItem('S');
    s.getRange('B1').values = [['z'.repeat(600)]];
    await fx.context.sync();
    s.getRange('A1:B1').load('values');
    await expect(fx.context.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  });
});
