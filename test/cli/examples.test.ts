import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { builtInFrameworks } from '../../core/frameworks/index.js';
import { planSheet } from '../../core/sheet/planSheet.js';
import { worksheetGrid } from '../../workbook/grid.js';

describe('example workbooks', () => {
  for (const framework of builtInFrameworks) {
    it(`examples/${framework.id}.xlsx is read in full by its framework`, async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(`examples/${framework.id}.xlsx`);
      const plan = planSheet(worksheetGrid(wb.worksheets[0]!), { framework, today: '2026-11-24' });
      if (!plan.ok) throw new Error(plan.error.message);
      expect(plan.value.headerRow).toBe(3); // below a merged title and a note
      expect(plan.value.rows.length).toBe(36);
      expect(plan.value.columns.indicators.map((c) => c.indicatorId).sort()).toEqual(framework.indicators.map((i) => i.id).sort());
      expect(plan.value.columns.roles['officer-category']).toBeDefined();
      expect(plan.value.unreadable).toEqual([]);
      expect(plan.value.skipped.some((s) => s.reason === 'section')).toBe(true);
      // Every category is used by some school, so the example shows the whole framework.
      const used = plan.value.summary.byCategory.filter((c) => c.count > 0).length;
      expect(used).toBeGreaterThanOrEqual(framework.categories.length - 1);
    });
  }
});
