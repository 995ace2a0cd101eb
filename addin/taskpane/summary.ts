/**
 * The result after rating: counts per suggested category as a small bar chart with the
 * numbers as text, the schools whose officer's category differs (each a link to its row),
 * and what could not be read.
 */
import { columnLetters } from '../../core/sheet/address.js';
import { explainCategory } from '../../core/rating/index.js';
import type { RateResult } from '../excel/index.js';
import { h } from './dom.js';
import { ratingsOf } from './school.js';

const MAX_LISTED = 50;

export type LinkMaker = (address: string, text: string, label?: string) => HTMLButtonElement;

export function renderSummary(r: RateResult, link: LinkMaker): Node[] {
  const { plan, framework } = r;
  const s = plan.summary;
  const colours = new Map(framework.categories.map((c) => [c.code, c.colour]));
  const lastCol = columnLetters(r.read.origin.col + Math.max(1, ...r.read.grid.map((g) => g.length)) - 1);
  const firstCol = columnLetters(r.read.origin.col);
  const rowAddress = (n: number) => `${firstCol}${n}:${lastCol}${n}`;
  const max = Math.max(1, ...s.byCategory.map((c) => c.count), s.insufficientData);
  const bar = (count: number, colour: string | undefined) =>
    h('span', { class: 'track', 'aria-hidden': 'true' }, h('span', { class: 'bar', style: `width:${(count / max) * 100}%;background:${colour ?? 'transparent'}` }));

  const parts: Node[] = [
    h('p', {}, `${s.schools} schools rated on ${r.read.sheet.name}${r.read.hiddenRows > 0 ? ` (including ${r.read.hiddenRows} hidden or filtered rows, left hidden)` : ''}.`),
    h('h3', { id: 'chart-heading' }, 'Suggested categories'),
    h(
      'ul',
      { class: 'chart', id: 'chart', 'aria-labelledby': 'chart-heading' },
      ...s.byCategory.map((c) =>
        h('li', { 'data-code': c.code }, h('span', { class: 'cat' }, h('strong', {}, c.code), ` ${c.label}`), bar(c.count, colours.get(c.code)), h('span', { class: 'count' }, String(c.count))),
      ),
      h('li', { 'data-code': '' }, h('span', { class: 'cat' }, 'Insufficient data'), bar(s.insufficientData, undefined), h('span', { class: 'count' }, String(s.insufficientData))),
    ),
  ];

  const differ = plan.rows.filter((row) => row.officerCategory?.category && row.suggestion.status === 'category' && row.officerCategory.category.code !== row.suggestion.category.code);
  parts.push(h('h3', { id: 'disagreements-heading' }, differ.length === 0 ? 'No officer’s category differs from the suggestion' : `Officer’s category differs (${differ.length})`));
  if (differ.length > 0) {
    parts.push(
      h(
        'ul',
        { class: 'list', id: 'disagreements', 'aria-labelledby': 'disagreements-heading' },
        ...differ.slice(0, MAX_LISTED).map((row) => {
          const officer = row.officerCategory?.category?.code ?? '';
          const suggested = row.suggestion.status === 'category' ? row.suggestion.category.code : '';
          const reason = explainCategory(ratingsOf(row, framework), framework).rule.summary;
          return h(
            'li',
            {},
            link(rowAddress(row.sheetRow), row.school, `Select ${row.school}, row ${row.sheetRow}`),
            h('span', { class: 'caption', style: 'display:block' }, `Officer ${officer}, suggested ${suggested}: ${reason}.`),
          );
        }),
        ...(differ.length > MAX_LISTED ? [h('li', {}, `…and ${differ.length - MAX_LISTED} more.`)] : []),
      ),
      h('p', { class: 'caption' }, 'The officer’s category stands; Waymark never changes it.'),
    );
  }
  if (plan.unreadable.length > 0) {
    parts.push(
      h('h3', {}, `Cells that could not be read (${plan.unreadable.length})`),
      h(
        'ul',
        { class: 'list' },
        ...plan.unreadable.slice(0, MAX_LISTED).map((u) => h('li', {}, link(u.address, u.address), ` ${u.school}, ${u.header}: “${String(u.raw)}” — ${u.reason}`)),
        ...(plan.unreadable.length > MAX_LISTED ? [h('li', {}, `…and ${plan.unreadable.length - MAX_LISTED} more, listed on the Waymark legend sheet.`)] : []),
      ),
    );
  }
  if (plan.duplicates.length > 0) {
    parts.push(
      h('h3', {}, `Schools on more than one row (${plan.duplicates.length})`),
      h(
        'ul',
        { class: 'list' },
        ...plan.duplicates.slice(0, MAX_LISTED).map((d) => h('li', {}, `${d.school}: rows `, ...d.sheetRows.flatMap((n, i) => [i > 0 ? ', ' : '', link(rowAddress(n), String(n), `Select row ${n}`)]))),
      ),
    );
  }
  return parts;
}
