import type { Framework, Phase } from '../../frameworks/schema.js';
import { readCell } from '../../indicators/readCell/index.js';
import type { CellValue } from '../../indicators/types.js';
import { displayValue } from '../displayValue.js';
import { rateValue } from '../rateValue/index.js';
import type { IndicatorRating } from '../types.js';

/**
 * A school's ratings from the values an officer would type, read and rated as a sheet would
 * be. Throws on a value that does not read: a test profile must say what it means.
 */
export function profile(
  framework: Framework,
  cells: Readonly<Record<string, CellValue>>,
  phase: Phase = 'primary',
  today = '2026-11-24',
): IndicatorRating[] {
  const out: IndicatorRating[] = [];
  for (const [id, raw] of Object.entries(cells)) {
    const indicator = framework.indicators.find((i) => i.id === id);
    if (!indicator) throw new Error(`${framework.id} has no indicator "${id}"`);
    const reading = readCell(raw, indicator.kind);
    if (reading.status !== 'value') throw new Error(`${id}: ${JSON.stringify(raw)} does not read (${reading.status === 'invalid' ? reading.reason : reading.why})`);
    const rag = rateValue(reading.value, indicator, { phase, today });
    if (!rag.ok) throw new Error(`${id}: ${rag.error}`);
    out.push({ indicator, rag: rag.value, display: displayValue(reading.value, indicator.kind, raw), value: reading.value, phase });
  }
  return out;
}
