/**
 * The selected school: suggested and officer category, the deciding rule with the seed's
 * words, every indicator's RAG in words, and what would move it. All of it from core.
 */
import type { Framework } from '../../core/frameworks/index.js';
import { explainCategory, ragWord, whatWouldMoveIt, type IndicatorRating } from '../../core/rating/index.js';
import { rowRatings } from '../../core/sheet/rowRatings.js';
import type { SchoolRow } from '../../core/sheet/types.js';
import { h } from './dom.js';

/** A school row's rated cells as core's ratings (value and phase included). */
export const ratingsOf = rowRatings;

export function ragBadge(rag: 'G' | 'A' | 'R' | undefined): HTMLElement {
  return h('span', { class: `rag rag-${rag ?? 'none'}`, 'aria-hidden': 'true' }, rag ?? '–');
}

/** "52.8% — red"; a value typed as the RAG itself ("R") reads just "red". */
function inWords(rag: 'G' | 'A' | 'R' | undefined, display: string): string {
  if (!rag) return display ? `${display} — not rated` : 'no data';
  return display === '' || display.toLowerCase() === ragWord[rag] ? ragWord[rag] : `${display} — ${ragWord[rag]}`;
}

export function renderSchool(row: SchoolRow, framework: Framework): Node[] {
  const ratings = ratingsOf(row, framework);
  const why = explainCategory(ratings, framework);
  const suggested = row.suggestion.status === 'category' ? `${row.suggestion.category.code} — ${row.suggestion.category.label}` : 'Insufficient data';
  const officer = row.officerCategory
    ? row.officerCategory.category
      ? `${row.officerCategory.category.code} — ${row.officerCategory.category.label} (stands)`
      : `“${row.officerCategory.raw}” (not one of this framework’s categories)`
    : 'Not given';
  const differs = row.officerCategory?.category && row.suggestion.status === 'category' && row.officerCategory.category.code !== row.suggestion.category.code;
  const facts = [`Row ${row.sheetRow}`, row.urn ? `URN ${row.urn}` : '', row.phase ?? ''].filter(Boolean).join(' · ');

  const order = new Map(why.indicators.map((r, i) => [r.indicator.id, i]));
  const cells = [...row.cells].sort((a, b) => (order.get(a.indicatorId) ?? 999) - (order.get(b.indicatorId) ?? 999));
  const label = (id: string) => framework.indicators.find((i) => i.id === id)?.label ?? id;
  const better = whatWouldMoveIt(ratings, framework, 'better');
  const worse = whatWouldMoveIt(ratings, framework, 'worse');

  const nodes: (Node | null)[] = [
    h('p', { class: 'school-name', id: 'school-name' }, row.school),
    h('p', { class: 'caption' }, facts),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'Suggested'),
      h('dd', { id: 'school-suggested' }, suggested),
      h('dt', {}, 'Officer’s'),
      h('dd', { id: 'school-officer' }, officer),
    ),
    differs ? h('p', { class: 'caption' }, 'The officer’s category differs from the suggestion; the officer’s stands.') : null,
    h('h3', {}, 'Why'),
    h('p', { id: 'school-rule' }, why.rule.summary.charAt(0).toUpperCase() + why.rule.summary.slice(1) + '.'),
    why.rule.quote ? h('blockquote', { id: 'school-quote' }, `“${why.rule.quote}”`) : null,
    h('p', { class: 'caption' }, `Source: ${why.rule.source}`),
    h('h3', {}, `Indicators (${ratings.length} rated)`),
    h(
      'ul',
      { class: 'rag-list', id: 'school-indicators' },
      ...cells.map((c) =>
        h('li', {}, ragBadge(c.rag), h('span', {}, `${label(c.indicatorId)}: ${inWords(c.rag, c.display)}`)),
      ),
    ),
    h('h3', {}, 'What would move it'),
    h('p', { id: 'school-better' }, h('strong', {}, 'Up: '), better.text),
    h('p', { id: 'school-worse' }, h('strong', {}, 'Down: '), worse.text),
  ];
  return nodes.filter((n): n is Node => n !== null);
}
