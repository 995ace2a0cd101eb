/** Thresholds in words ("green at or below 15%, amber up to 20%, red above"), editable. */
import type { Framework, Indicator } from '../../core/frameworks/index.js';
import { thresholdWords } from '../../core/rating/index.js';
import { h } from './dom.js';

function fields(i: Indicator): HTMLElement | null {
  const rule = i.rule.type === 'threshold' ? i.rule : undefined;
  if (!rule) return null;
  const lower = rule.direction === 'lower-is-better';
  const unit = i.kind === 'percentage' ? ' (%)' : '';
  const field = (band: 'green' | 'amber', words: string) =>
    h(
      'label',
      { for: `th-${i.id}-${band}` },
      `${words}${unit}`,
      h('input', { id: `th-${i.id}-${band}`, type: 'number', step: 'any', value: String(rule[band]), 'data-id': i.id, 'data-band': band }),
    );
  return h(
    'div',
    { class: 'fields' },
    field('green', lower ? 'Green at or below' : 'Green at or above'),
    field('amber', lower ? 'Amber up to' : 'Amber down to'),
  );
}

export function renderThresholdRows(framework: Framework, rated: ReadonlySet<string>): HTMLElement[] {
  const list = framework.indicators.filter((i) => i.rule.type === 'threshold' && (rated.size === 0 || rated.has(i.id)));
  if (list.length === 0) return [h('p', { class: 'caption' }, 'No column on this sheet uses a numeric threshold.')];
  return list.map((i) =>
    h(
      'div',
      { class: 'threshold' },
      h('p', { class: 'name' }, i.label),
      ...thresholdWords(i).map((line) => h('p', { class: 'words' }, line.text.charAt(0).toUpperCase() + line.text.slice(1))),
      i.rule.type === 'threshold' && i.rule.byPhase ? h('p', { class: 'caption' }, 'Changing the figures below sets every phase to them.') : null,
      fields(i),
    ),
  );
}
