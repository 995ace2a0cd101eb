import { worksheetGrid } from '../../workbook/grid.js';
import { getFramework, type Framework } from '../../core/frameworks/index.js';
import type { CellValue } from '../../core/indicators/types.js';
import { syntheticWorkbook } from '../../examples/lib/synthetic.js';

export function reading(): Framework {
  const fw = getFramework('reading');
  if (!fw.ok) throw new Error(fw.error);
  return fw.value;
}

/**
 * A team's categorisation sheet as Office.js would return it: title rows, a header, section
 * rows, schools, an "LA category" column. `width` pads with unrated note columns.
 */
export function teamGrid(options: { schools: number; seed?: number; width?: number; decorations?: boolean }): CellValue[][] {
  const framework = reading();
  const base = 6 + framework.indicators.length + 1;
  const wb = syntheticWorkbook({
    framework,
    schools: options.schools,
    seed: options.seed ?? 1,
    la: 'Testshire',
    extraColumns: Math.max(0, (options.width ?? base) - base),
    decorations: options.decorations ?? true,
  });
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('no sheet');
  return worksheetGrid(ws);
}
