/**
 * The column mapping, collapsed to one line ("27 columns understood · 3 need a look") and
 * opening to a list with the uncertain columns first. Core's account of each column (status,
 * confidence and evidence) decides which need a look: not recognised, to confirm, or matched
 * with medium or low confidence.
 */
import type { Framework } from '../../core/frameworks/index.js';
import { columnLetters } from '../../core/sheet/address.js';
import { roles } from '../../core/sheet/roles.js';
import type { ColumnAccount, SheetPlan } from '../../core/sheet/types.js';
import type { SheetRead } from '../excel/index.js';
import { h } from './dom.js';

export const AUTO = '__auto';

export interface ColumnStatus {
  readonly letter: string;
  readonly header: string;
  /** An indicator id, a role, "ignore", or "" when Waymark could not place it. */
  readonly mapping: string;
  readonly state: 'understood' | 'needs-look';
  /** Why, in words: "matched by heading", "set in this workbook", "not recognised". */
  readonly evidence: string;
}

export const roleLabel = (role: string): string =>
  ({
    school: 'School name',
    urn: 'URN',
    'officer-category': 'Officer’s category (never overwritten)',
    officer: 'Officer',
    phase: 'Phase',
    head: 'Headteacher',
    'head-email': 'Head’s email',
    'data-date': 'Data date',
    'suggested-category': 'Waymark: suggested category',
    why: 'Waymark: why',
  })[role] ?? role;

/** Every headed column of the read, uncertain ones first, then in sheet order. */
export function columnStatuses(read: SheetRead, plan: SheetPlan, chosen: Readonly<Record<string, string>>): ColumnStatus[] {
  const c = plan.columns;
  const header = read.grid[plan.headerRow] ?? [];
  const out: ColumnStatus[] = [];
  header.forEach((value, col) => {
    const text = value === null ? '' : String(value).trim();
    if (text === '') return;
    const letter = columnLetters(read.origin.col + col);
    const ind = c.indicators.find((i) => i.letter === letter);
    const role = Object.entries(c.roles).find(([, ref]) => ref?.letter === letter)?.[0];
    const ignored = c.ignored.some((i) => i.letter === letter);
    const mapping = ind?.indicatorId ?? role ?? (ignored ? 'ignore' : '');
    const byWorkbook = chosen[letter] !== undefined || ind?.matchedBy === 'mapping';
    // Core's account of the column (confidence and evidence) decides what needs a look.
    const account = c.accounts.find((a) => a.letter === letter);
    out.push({ letter, header: text, mapping, ...judge(account, mapping, byWorkbook, ignored) });
  });
  return out.sort((a, b) => (a.state === b.state ? 0 : a.state === 'needs-look' ? -1 : 1));
}

function judge(
  account: ColumnAccount | undefined,
  mapping: string,
  byWorkbook: boolean,
  ignored: boolean,
): Pick<ColumnStatus, 'state' | 'evidence'> {
  if (byWorkbook) return { state: 'understood', evidence: 'Set in this workbook' };
  const perhaps = account && account.suggestions.length > 0 ? ` Perhaps: ${account.suggestions.map((x) => x.label).join(', ')}.` : '';
  if (!account || account.status === 'unknown') {
    return mapping === ''
      ? { state: 'needs-look', evidence: `Not recognised: choose what it holds, or “Not rated”.${perhaps}` }
      : { state: 'understood', evidence: 'Matched by its heading' };
  }
  if (account.status === 'confirm') return { state: 'needs-look', evidence: `To confirm, not rated yet: ${account.evidence}.${perhaps}` };
  if (account.status === 'ignored' || ignored) return { state: 'understood', evidence: `Left alone on purpose: ${account.evidence}` };
  if (account.status === 'indicator' && (account.confidence === 'medium' || account.confidence === 'low')) {
    return { state: 'needs-look', evidence: `Please check: ${account.evidence}` };
  }
  return { state: 'understood', evidence: account.evidence.charAt(0).toUpperCase() + account.evidence.slice(1) };
}

export function columnsHeading(list: readonly ColumnStatus[]): string {
  const understood = list.filter((s) => s.state === 'understood').length;
  const look = list.length - understood;
  return `${understood} column${understood === 1 ? '' : 's'} understood${look > 0 ? ` · ${look} need${look === 1 ? 's' : ''} a look` : ''}`;
}

function mappingLabel(mapping: string, framework: Framework): string {
  if (mapping === '') return '';
  if (mapping === 'ignore') return 'Not rated';
  return framework.indicators.find((i) => i.id === mapping)?.label ?? roleLabel(mapping);
}

export function renderColumnList(
  list: readonly ColumnStatus[],
  framework: Framework,
  chosen: Readonly<Record<string, string>>,
  onChange: (letter: string, value: string) => void,
): HTMLLIElement[] {
  return list.map((s) => {
    const select = h(
      'select',
      { 'aria-label': `Column ${s.letter}, “${s.header}”, is read as`, 'data-letter': s.letter },
      // What automatic gives is said above the list; the option stays short enough to show whole.
      h('option', { value: AUTO }, 'Automatic (by heading)'),
      h('option', { value: 'ignore' }, 'Not rated (ignore)'),
      h('optgroup', { label: 'Indicators' }, ...framework.indicators.map((i) => h('option', { value: i.id }, i.label))),
      h('optgroup', { label: 'About the school' }, ...roles.map((r) => h('option', { value: r }, roleLabel(r)))),
    );
    select.value = chosen[s.letter] ?? AUTO;
    select.addEventListener('change', () => onChange(s.letter, select.value));
    return h(
      'li',
      { class: s.state },
      h('div', { class: 'col-head' }, h('span', { class: 'letter' }, s.letter), h('span', { class: 'heading' }, s.header)),
      h('span', { class: 'state' }, s.state === 'needs-look' ? `Needs a look. ${s.evidence}` : `${mappingLabel(s.mapping, framework)} · ${s.evidence}`),
      select,
    );
  });
}
