/**
 * Served in place of Office.js (https://appsforoffice.microsoft.com/…/office.js) in the
 * end-to-end test: an `Office` global that is ready at once and an `Excel` global backed by
 * the fake Excel context from test/fakes/excel.ts, on the workbook the test put in
 * `window.__WAYMARK_WORKBOOK__`, with the Office theme in `window.__WAYMARK_THEME__`. The fake
 * is exposed as `window.__fake`; `window.__selectCell(address)` selects a range as an officer
 * would and raises DocumentSelectionChanged, as Office does.
 */
import { createFakeExcel, type FakeWorkbookInput } from '../fakes/excel.js';

const w = window as unknown as Record<string, unknown>;
const fake = createFakeExcel(w.__WAYMARK_WORKBOOK__ as FakeWorkbookInput);
w.__fake = fake;
w.Excel = fake.Excel;
w.OfficeExtension = fake.OfficeExtension;
const info = { host: 'Excel', platform: 'OfficeOnline' };
const handlers: (() => void)[] = [];
const theme = (w.__WAYMARK_THEME__ as Record<string, unknown> | undefined) ?? {
  bodyBackgroundColor: '#FFFFFF',
  bodyForegroundColor: '#000000',
  controlBackgroundColor: '#FFFFFF',
  controlForegroundColor: '#000000',
  isDarkTheme: false,
};
w.__selectCell = async (address: string): Promise<number> => {
  await fake.run((ctx) => {
    ctx.workbook.worksheets.getActiveWorksheet().getRange(address).select();
  });
  const syncs = fake.stats.syncs;
  for (const h of handlers) h();
  return syncs;
};
w.Office = {
  HostType: { Excel: 'Excel' },
  EventType: { DocumentSelectionChanged: 'documentSelectionChanged' },
  context: {
    requirements: { isSetSupported: (name: string, version?: string) => name === 'ExcelApi' && Number(version ?? '1') <= 1.9 },
    officeTheme: theme,
    document: {
      addHandlerAsync(type: string, handler: () => void, callback?: (r: { status: string }) => void) {
        if (type === 'documentSelectionChanged') handlers.push(handler);
        callback?.({ status: 'succeeded' });
      },
    },
  },
  onReady(callback?: (i: typeof info) => void): Promise<typeof info> {
    setTimeout(() => callback?.(info), 0);
    return Promise.resolve(info);
  },
};
