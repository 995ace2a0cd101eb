/**
 * Served in place of Office.js (https://appsforoffice.microsoft.com/…/office.js) in the
 * end-to-end test: an `Office` global that is ready at once and an `Excel` global backed by
 * the fake Excel context from test/fakes/excel.ts, on the workbook the test put in
 * `window.__WAYMARK_WORKBOOK__`. The fake is exposed as `window.__fake` for the test to inspect.
 */
import { createFakeExcel, type FakeWorkbookInput } from '../fakes/excel.js';

const w = window as unknown as Record<string, unknown>;
const fake = createFakeExcel(w.__WAYMARK_WORKBOOK__ as FakeWorkbookInput);
w.__fake = fake;
w.Excel = fake.Excel;
w.OfficeExtension = fake.OfficeExtension;
const info = { host: 'Excel', platform: 'OfficeOnline' };
w.Office = {
  HostType: { Excel: 'Excel' },
  context: { requirements: { isSetSupported: (name: string, version?: string) => name === 'ExcelApi' && Number(version ?? '1') <= 1.9 } },
  onReady(callback?: (i: typeof info) => void): Promise<typeof info> {
    setTimeout(() => callback?.(info), 0);
    return Promise.resolve(info);
  },
};
