/**
 * The task pane: choose a framework, check the column mapping and thresholds, rate the sheet,
 * clear the marks. All Excel work goes through addin/excel (one read, one write); every
 * choice is saved in the workbook's document settings.
 */
import { builtInFrameworks, parseFramework, withThresholds, type Framework } from '../../core/frameworks/index.js';
import type { SheetConfig } from '../../core/sheet/config.js';
import { columnLetters } from '../../core/sheet/address.js';
import { roles } from '../../core/sheet/roles.js';
import type { SheetPlan } from '../../core/sheet/types.js';
import {
  clearMarks,
  planRating,
  rateSheet,
  readSheet,
  resolveFramework,
  saveConfig,
  selectCell,
  type ExcelContext,
  type RateResult,
  type SheetRead,
} from '../excel/index.js';
import { byId, h, hideMessage, setProgress, showMessage } from './dom.js';

declare const Office: {
  onReady(callback?: (info: { host: string | null }) => void): Promise<unknown>;
  context?: { requirements?: { isSetSupported(name: string, version?: string): boolean } };
};
declare const Excel: { run<T>(batch: (context: ExcelContext) => Promise<T>): Promise<T> };

const CUSTOM = '__custom';
const AUTO = '__auto';

interface PaneState {
  config: SheetConfig;
  customFramework?: unknown;
  read?: SheetRead;
  plan?: SheetPlan;
  busy: boolean;
}
const pane: PaneState = { config: { columns: {}, thresholds: {} }, busy: false };

/** Today in England, as yyyy-MM-dd. */
const today = (): string => new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' });

const roleLabel = (role: string): string =>
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

/** Runs an Excel batch; any failure becomes a message bar, never an uncaught error. */
async function excel<T>(batch: (context: ExcelContext) => Promise<T>): Promise<T | undefined> {
  try {
    return await Excel.run(batch);
  } catch (e) {
    showMessage('error', `Excel reported a problem: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
}

function baseFramework(): ReturnType<typeof resolveFramework> {
  return resolveFramework({ ...pane.config, thresholds: {} }, pane.customFramework);
}

function setBusy(busy: boolean): void {
  pane.busy = busy;
  byId('app').setAttribute('aria-busy', String(busy));
  for (const id of ['rate', 'clear', 'reread']) (byId<HTMLButtonElement>(id)).disabled = busy;
}

/* ---------------------------------------------------------------------------------------- */
/* Framework                                                                                 */
/* ---------------------------------------------------------------------------------------- */

function renderFrameworks(): void {
  const select = byId<HTMLSelectElement>('framework');
  select.replaceChildren(
    ...builtInFrameworks.map((f) => h('option', { value: f.id }, f.name)),
    ...(pane.customFramework !== undefined && pane.config.framework && !builtInFrameworks.some((f) => f.id === pane.config.framework)
      ? [h('option', { value: pane.config.framework }, `${pane.config.framework} (custom, saved in this workbook)`)]
      : []),
    h('option', { value: CUSTOM }, 'Custom JSON file…'),
  );
  select.value = pane.config.framework ?? 'reading';
  if (select.value === '') select.value = 'reading';
}

async function onFrameworkChange(): Promise<void> {
  const value = byId<HTMLSelectElement>('framework').value;
  byId('framework-errors').replaceChildren();
  if (value === CUSTOM) {
    byId('custom').hidden = false;
    byId<HTMLInputElement>('framework-file').focus();
    return;
  }
  byId('custom').hidden = true;
  pane.config = { ...pane.config, framework: value, thresholds: {} };
  await persist();
}

async function onFrameworkFile(): Promise<void> {
  const input = byId<HTMLInputElement>('framework-file');
  const file = input.files?.[0];
  if (!file) return;
  const text = await file.text();
  const parsed = parseFramework(text);
  const list = byId('framework-errors');
  if (!parsed.ok) {
    list.replaceChildren(...parsed.error.map((e) => h('li', {}, e)));
    showMessage('error', `${file.name} is not a valid framework: ${parsed.error.length} problem${parsed.error.length === 1 ? '' : 's'} listed under Framework.`);
    return;
  }
  list.replaceChildren();
  pane.customFramework = JSON.parse(text) as unknown;
  pane.config = { ...pane.config, framework: parsed.value.id, thresholds: {} };
  byId('custom').hidden = true;
  renderFrameworks();
  await persist(`Using ${parsed.value.name}, saved in this workbook.`);
}

/* ---------------------------------------------------------------------------------------- */
/* Columns and header                                                                        */
/* ---------------------------------------------------------------------------------------- */

function mappingOf(plan: SheetPlan, letter: string): string {
  const c = plan.columns;
  const ind = c.indicators.find((i) => i.letter === letter);
  if (ind) return ind.indicatorId;
  for (const [role, ref] of Object.entries(c.roles)) if (ref?.letter === letter) return role;
  if (c.ignored.some((i) => i.letter === letter)) return 'ignore';
  return '';
}

/** What Waymark made of a column it was not told about, in words: nothing is left unexplained. */
function columnHint(plan: SheetPlan, letter: string): HTMLElement | null {
  const a = plan.columns.accounts.find((x) => x.letter === letter);
  if (!a) return h('div', { class: 'hint' }, 'Not recognised');
  if (a.status === 'unknown') return h('div', { class: 'hint' }, `Not recognised${a.suggestions.length ? `: perhaps ${a.suggestions.map((x) => x.label).join(', ')}` : ''}`);
  if (a.status === 'confirm') return h('div', { class: 'hint' }, `To confirm, not rated: ${a.evidence}`);
  if (a.status === 'ignored') return h('div', { class: 'hint' }, `Left alone on purpose: ${a.evidence}`);
  if (a.status === 'indicator' && a.confidence === 'medium') return h('div', { class: 'hint' }, `Please check: ${a.evidence}`);
  return null;
}

function renderColumns(framework: Framework | undefined): void {
  const body = byId('columns').querySelector('tbody') as HTMLTableSectionElement;
  const info = byId('sheet-info');
  const plan = pane.plan;
  const read = pane.read;
  if (!plan || !read || !framework) {
    body.replaceChildren();
    info.textContent = read ? '' : 'Open your categorisation sheet, then choose “Read sheet again”.';
    return;
  }
  byId<HTMLInputElement>('header-row').value = String(read.origin.row + plan.headerRow + 1);
  info.textContent = `${read.sheet.name}: data in ${read.address.split('!').pop() ?? ''}; ${plan.summary.schools} schools; ${plan.columns.indicators.length} columns rated${plan.columns.unmapped.length ? `, ${plan.columns.unmapped.length} not recognised` : ''}.`;
  const header = read.grid[plan.headerRow] ?? [];
  const rows: HTMLTableRowElement[] = [];
  header.forEach((value, col) => {
    const text = value === null ? '' : String(value).trim();
    if (text === '') return;
    const letter = columnLetters(read.origin.col + col);
    const effective = mappingOf(plan, letter);
    const chosen = pane.config.columns[letter];
    const select = h(
      'select',
      { 'aria-label': `Column ${letter} (${text}) is read as`, 'data-letter': letter },
      h('option', { value: AUTO }, `Automatic${chosen === undefined ? '' : ' (by heading)'}`),
      h('option', { value: 'ignore' }, 'Not rated (ignore)'),
      h('optgroup', { label: 'Indicators' }, ...framework.indicators.map((i) => h('option', { value: i.id }, i.label))),
      h('optgroup', { label: 'About the school' }, ...roles.map((r) => h('option', { value: r }, roleLabel(r)))),
    );
    select.value = chosen ?? (effective === '' ? AUTO : effective);
    if (chosen === undefined && effective === '') select.value = AUTO;
    select.addEventListener('change', () => void onMappingChange(letter, select.value));
    rows.push(
      h('tr', {}, h('td', {}, letter), h('td', {}, h('span', { class: 'heading' }, text), chosen === undefined ? columnHint(plan, letter) : null), h('td', {}, select)),
    );
  });
  body.replaceChildren(...rows);
}


async function onMappingChange(letter: string, value: string): Promise<void> {
  const columns = { ...pane.config.columns };
  if (value === AUTO) delete columns[letter];
  else columns[letter] = value;
  pane.config = { ...pane.config, columns };
  await persist();
}

async function onHeaderRowChange(): Promise<void> {
  const raw = byId<HTMLInputElement>('header-row').value.trim();
  const n = Number(raw);
  const { headerRow: _old, ...rest } = pane.config;
  if (raw === '') pane.config = rest;
  else if (Number.isInteger(n) && n >= 1) pane.config = { ...rest, headerRow: n };
  else {
    showMessage('error', 'Header row: give a row number, such as 4.');
    return;
  }
  await persist();
}

/* ---------------------------------------------------------------------------------------- */
/* Thresholds                                                                                */
/* ---------------------------------------------------------------------------------------- */

function renderThresholds(framework: Framework | undefined): void {
  const box = byId('threshold-rows');
  if (!framework) {
    box.replaceChildren();
    return;
  }
  const rated = new Set(pane.plan?.columns.indicators.map((i) => i.indicatorId) ?? []);
  const list = framework.indicators.filter((i) => i.rule.type === 'threshold' && (rated.size === 0 || rated.has(i.id)));
  box.replaceChildren(
    ...(list.length === 0 ? [h('p', { class: 'hint' }, 'No column on this sheet uses a numeric threshold.')] : []),
    ...list.map((i) => {
      const rule = i.rule.type === 'threshold' ? i.rule : undefined;
      const dir = rule?.direction === 'lower-is-better' ? 'lower is better' : 'higher is better';
      const field = (band: 'green' | 'amber') =>
        h(
          'div',
          {},
          h('label', { for: `th-${i.id}-${band}` }, band === 'green' ? 'Green from' : 'Amber from'),
          h('input', { id: `th-${i.id}-${band}`, type: 'number', step: 'any', value: String(rule?.[band] ?? ''), 'data-id': i.id, 'data-band': band }),
        );
      return h('div', { class: 'threshold' }, h('span', { class: 'name' }, `${i.label} (${dir}${rule?.byPhase ? '; phase bands apply unless changed' : ''})`), field('green'), field('amber'));
    }),
  );
}

async function onThresholdsSubmit(event: Event): Promise<void> {
  event.preventDefault();
  const base = baseFramework();
  const errors = byId('threshold-errors');
  if (!base.ok) return;
  const overrides: Record<string, { green?: number; amber?: number }> = {};
  for (const input of byId('threshold-rows').querySelectorAll<HTMLInputElement>('input[data-id]')) {
    const id = input.dataset.id as string;
    const band = input.dataset.band as 'green' | 'amber';
    const indicator = base.value.indicators.find((i) => i.id === id);
    const rule = indicator?.rule.type === 'threshold' ? indicator.rule : undefined;
    const value = input.value.trim() === '' ? NaN : Number(input.value);
    if (!rule) continue;
    if (Number.isNaN(value)) {
      errors.replaceChildren(h('li', {}, `${id}.${band}: give a number`));
      input.focus();
      return;
    }
    if (value !== rule[band] || pane.config.thresholds[id] !== undefined) overrides[id] = { ...overrides[id], [band]: value };
  }
  const checked = withThresholds(base.value, overrides);
  if (!checked.ok) {
    errors.replaceChildren(...checked.error.map((e) => h('li', {}, e)));
    return;
  }
  errors.replaceChildren();
  pane.config = { ...pane.config, thresholds: overrides };
  await persist('Thresholds saved in this workbook.');
}

/* ---------------------------------------------------------------------------------------- */
/* Reading, saving, rating, clearing                                                         */
/* ---------------------------------------------------------------------------------------- */

/** Re-plans the preview from the last read with the current choices, and redraws. */
function refresh(): Framework | undefined {
  const fw = resolveFramework(pane.config, pane.customFramework);
  byId('framework-errors').replaceChildren(...(fw.ok ? [] : fw.error.map((e) => h('li', {}, e))));
  pane.plan = undefined;
  if (fw.ok && pane.read) {
    const planned = planRating({ ...pane.read, config: pane.config }, fw.value, today());
    if (planned.ok) pane.plan = planned.value.plan;
    else showMessage('warning', planned.error.message);
  }
  const base = baseFramework();
  renderColumns(fw.ok ? fw.value : undefined);
  renderThresholds(base.ok && fw.ok ? fw.value : undefined);
  return fw.ok ? fw.value : undefined;
}

async function persist(done?: string): Promise<void> {
  hideMessage();
  refresh();
  const saved = await excel((ctx) => saveConfig(ctx, pane.config, pane.customFramework));
  if (saved && !saved.ok) showMessage('error', saved.error);
  else if (saved && done) showMessage('success', done);
}

async function readPreview(): Promise<void> {
  const read = await excel((ctx) => readSheet(ctx));
  if (!read) return;
  if (!read.ok) {
    pane.read = undefined;
    showMessage('warning', read.error.message);
    refresh();
    return;
  }
  pane.read = read.value;
  pane.config = read.value.config;
  pane.customFramework = read.value.customFramework;
  renderFrameworks();
  if (read.value.configIssues.length > 0) showMessage('warning', `Saved settings ignored:\n${read.value.configIssues.join('\n')}`);
  else if (read.value.stateIssue) showMessage('warning', read.value.stateIssue);
  refresh();
}

async function onRate(): Promise<void> {
  if (pane.busy) return;
  hideMessage();
  setBusy(true);
  byId('summary').hidden = true;
  const words = { read: 'Reading the sheet…', plan: 'Working out ratings and categories…', fills: 'Reading earlier fills…', write: 'Writing marks…', done: 'Done.' };
  setProgress(0.02, 'Starting…');
  const result = await excel((ctx) =>
    rateSheet(ctx, { today: today(), onProgress: (step, fraction) => setProgress(fraction, words[step]) }),
  );
  setBusy(false);
  if (!result) {
    setProgress(0, 'Rating stopped.');
    return;
  }
  if (!result.ok) {
    setProgress(0, 'Rating stopped.');
    showMessage('error', result.error.message);
    return;
  }
  setProgress(1, `Rated ${result.value.plan.summary.schools} schools.`);
  pane.read = result.value.read;
  pane.plan = result.value.plan;
  renderSummary(result.value);
  showMessage('success', `Rated ${result.value.plan.summary.schools} schools with ${result.value.framework.name}. Suggestions are in “Suggested category” and “Why”.`);
}

async function onClear(): Promise<void> {
  if (pane.busy) return;
  hideMessage();
  setBusy(true);
  // The framework's own category colours count as Waymark's when deciding what to put back.
  const fw = baseFramework();
  const result = await excel((ctx) => clearMarks(ctx, fw.ok ? fw.value : undefined));
  setBusy(false);
  if (!result) return;
  if (!result.ok) {
    showMessage('error', result.error.message);
    return;
  }
  byId('summary').hidden = true;
  byId('progress').hidden = true;
  const r = result.value;
  if (r.restored === 0 && r.outputsCleared === 0) {
    showMessage('info', 'There were no Waymark marks on this sheet.');
    return;
  }
  showMessage(
    'success',
    `Cleared Waymark marks: ${r.restored} cell fills put back, ${r.outputsCleared} suggestion cells emptied${r.legendRemoved ? ', legend removed' : ''}.` +
      (r.outputsKept > 0 ? ` ${r.outputsKept} suggestion cells someone typed over were kept.` : ''),
  );
}

function cellLink(address: string, text: string): HTMLButtonElement {
  const b = h('button', { type: 'button', class: 'link', title: `Select ${address}` }, text);
  b.addEventListener('click', () => {
    void excel((ctx) => selectCell(ctx, address)).then((r) => {
      if (r && !r.ok) showMessage('error', r.error);
    });
  });
  return b;
}

const MAX_LISTED = 50;

function renderSummary(r: RateResult): void {
  const { plan } = r;
  const s = plan.summary;
  const colours = new Map(r.framework.categories.map((c) => [c.code, c.colour]));
  const headerRow = r.read.origin.row + plan.headerRow + 1;
  const body = byId('summary-body');
  const parts: Node[] = [
    h('p', {}, `${s.schools} schools rated on ${r.read.sheet.name}${r.read.hiddenRows > 0 ? ` (including ${r.read.hiddenRows} hidden or filtered rows, left hidden)` : ''}.`),
    h('h3', {}, 'Suggested categories'),
    h(
      'ul',
      {},
      ...s.byCategory.map((c) =>
        h('li', {}, colours.get(c.code) ? h('span', { class: 'swatch', style: `background:${colours.get(c.code)}`, 'aria-hidden': 'true' }) : null, `${c.code} — ${c.label}: ${c.count}`),
      ),
      h('li', {}, `Insufficient data: ${s.insufficientData}`),
    ),
  ];
  if (s.disagreements > 0) parts.push(h('p', {}, `${s.disagreements} schools have an officer’s category that differs from the suggestion; the officer’s category stands.`));
  const notRated = plan.columns.accounts.filter((a) => a.status === 'confirm' || a.status === 'unknown' || a.status === 'ignored');
  if (notRated.length > 0) {
    const why = { confirm: 'to confirm', unknown: 'not recognised', ignored: 'left alone on purpose' } as const;
    parts.push(
      h('h3', {}, `Columns not rated (${notRated.length})`),
      h(
        'ul',
        {},
        ...notRated.map((c) =>
          h('li', {}, cellLink(`${c.letter}${headerRow}`, `${c.letter}: ${c.header}`), ` — ${why[c.status as keyof typeof why]}`),
        ),
      ),
      h('p', { class: 'hint' }, 'Map a column under Columns to rate it.'),
    );
  }
  if (plan.unreadable.length > 0) {
    parts.push(
      h('h3', {}, `Cells that could not be read (${plan.unreadable.length})`),
      h(
        'ul',
        {},
        ...plan.unreadable.slice(0, MAX_LISTED).map((u) => h('li', {}, cellLink(u.address, u.address), ` ${u.school}, ${u.header}: “${String(u.raw)}” — ${u.reason}`)),
        ...(plan.unreadable.length > MAX_LISTED ? [h('li', {}, `…and ${plan.unreadable.length - MAX_LISTED} more, listed on the Waymark legend sheet.`)] : []),
      ),
    );
  }
  if (plan.duplicates.length > 0) {
    parts.push(
      h('h3', {}, `Schools on more than one row (${plan.duplicates.length})`),
      h('ul', {}, ...plan.duplicates.slice(0, MAX_LISTED).map((d) => h('li', {}, `${d.school}: rows `, ...d.sheetRows.flatMap((n, i) => [i > 0 ? ', ' : '', cellLink(`A${n}:${columnLetters(r.read.origin.col + (r.read.grid[0]?.length ?? 1) - 1)}${n}`, String(n))])))),
    );
  }
  body.replaceChildren(...parts);
  byId('summary').hidden = false;
}

/* ---------------------------------------------------------------------------------------- */
/* Start                                                                                     */
/* ---------------------------------------------------------------------------------------- */

async function init(): Promise<void> {
  const supported = Office.context?.requirements?.isSetSupported('ExcelApi', '1.9') ?? true;
  renderFrameworks();
  byId<HTMLSelectElement>('framework').addEventListener('change', () => void onFrameworkChange());
  byId<HTMLInputElement>('framework-file').addEventListener('change', () => void onFrameworkFile());
  byId<HTMLInputElement>('header-row').addEventListener('change', () => void onHeaderRowChange());
  byId('reread').addEventListener('click', () => void readPreview());
  byId('thresholds').addEventListener('submit', (e) => void onThresholdsSubmit(e));
  byId('rate').addEventListener('click', () => void onRate());
  byId('clear').addEventListener('click', () => void onClear());
  if (!supported) {
    setBusy(true);
    byId<HTMLButtonElement>('reread').disabled = false;
    showMessage('error', 'Waymark needs Excel on the web, Microsoft 365 or Excel 2019 or later (ExcelApi 1.9).');
    return;
  }
  await readPreview();
  byId('app').setAttribute('aria-busy', 'false');
}

window.addEventListener('unhandledrejection', (e) => {
  showMessage('error', `Something went wrong: ${e.reason instanceof Error ? e.reason.message : String(e.reason)}`);
});

if (typeof Office === 'undefined') {
  document.addEventListener('DOMContentLoaded', () => showMessage('error', 'Office.js did not load: open Waymark from Excel’s ribbon.'));
} else {
  void Office.onReady(() => {
    void init();
  });
}
