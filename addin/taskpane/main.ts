/**
 * The task pane: the framework and "Rate sheet" first, then the result, the selected school
 * explained, and the column mapping and thresholds collapsed below. All Excel work goes
 * through addin/excel (one read, one write per rating; one read per selection change); every
 * choice is saved in the workbook's document settings.
 */
import { builtInFrameworks, parseFramework, withThresholds, type Framework } from '../../core/frameworks/index.js';
import type { SheetConfig } from '../../core/sheet/config.js';
import type { SheetPlan } from '../../core/sheet/types.js';
import {
  clearMarks,
  planRating,
  planSelectedRow,
  rateSheet,
  readSelectedRow,
  readSheet,
  resolveFramework,
  rowFrame,
  saveConfig,
  sheetFramework,
  selectCell,
  type ExcelContext,
  type RowFrame,
  type SheetRead,
} from '../excel/index.js';
import { AUTO, columnStatuses, columnsHeading, renderColumnList } from './columns.js';
import { byId, h, hideMessage, setDisabled, setProgress, showMessage } from './dom.js';
import { applyTheme, type OfficeThemeLike } from './fluent.js';
import { renderSchool } from './school.js';
import { renderSummary } from './summary.js';
import { renderThresholdRows } from './thresholds.js';

declare const Office: {
  onReady(callback?: (info: { host: string | null }) => void): Promise<unknown>;
  EventType?: { DocumentSelectionChanged?: string };
  context?: {
    requirements?: { isSetSupported(name: string, version?: string): boolean };
    officeTheme?: OfficeThemeLike;
    document?: { addHandlerAsync?(type: string, handler: () => void, callback?: (r: { status: string; error?: { message: string } }) => void): void };
  };
};
declare const Excel: { run<T>(batch: (context: ExcelContext) => Promise<T>): Promise<T> };

const CUSTOM = '__custom';
/** Selection events come in bursts (arrow keys held down): read once they settle. */
const SELECTION_DEBOUNCE_MS = 250;

interface PaneState {
  config: SheetConfig;
  customFramework?: unknown;
  read?: SheetRead;
  plan?: SheetPlan;
  frame?: RowFrame;
  busy: boolean;
  /** Whether the framework was saved in the workbook, or is the default. */
  frameworkOrigin: 'saved' | 'default' | 'detected';
  /** Why the sheet's own category column chose the framework, when nothing was saved. */
  detectedReason?: string;
}
const pane: PaneState = { config: { columns: {}, thresholds: {} }, busy: false, frameworkOrigin: 'default' };

/** Today in England, as yyyy-MM-dd. */
const today = (): string => new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' });

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
  for (const id of ['rate', 'clear', 'reread']) setDisabled(id, busy);
}

/* Framework ------------------------------------------------------------------------------- */

function frameworkChoices(): { id: string; name: string }[] {
  const custom = pane.customFramework !== undefined && pane.config.framework && !builtInFrameworks.some((f) => f.id === pane.config.framework);
  return [
    ...builtInFrameworks.map((f) => ({ id: f.id, name: f.name })),
    ...(custom ? [{ id: pane.config.framework as string, name: `${pane.config.framework} (custom, saved in this workbook)` }] : []),
    { id: CUSTOM, name: 'Custom JSON file…' },
  ];
}

function renderFrameworks(): void {
  const current = pane.config.framework ?? 'reading';
  const fw = resolveFramework(pane.config, pane.customFramework);
  byId('fw-name').textContent = fw.ok ? fw.value.name : current;
  byId('fw-origin').textContent =
    pane.frameworkOrigin === 'saved'
      ? 'Saved in this workbook'
      : pane.frameworkOrigin === 'detected'
        ? `Detected from the sheet: ${pane.detectedReason ?? ''}`
        : 'Not chosen yet: Reading is the default';
  byId('framework').replaceChildren(
    ...frameworkChoices().map((c) =>
      h('label', {}, h('input', { type: 'radio', name: 'framework', value: c.id, checked: c.id === current }), h('span', {}, c.name)),
    ),
  );
}

function toggleFrameworkPicker(open?: boolean): void {
  const picker = byId('fw-picker');
  const show = open ?? picker.hidden;
  picker.hidden = !show;
  byId('fw-change').setAttribute('aria-expanded', String(show));
  if (show) byId('framework').querySelector<HTMLInputElement>('input:checked')?.focus();
}

async function onFrameworkChange(value: string): Promise<void> {
  byId('framework-errors').replaceChildren();
  if (value === CUSTOM) {
    byId('custom').hidden = false;
    byId<HTMLInputElement>('framework-file').focus();
    return;
  }
  byId('custom').hidden = true;
  pane.config = { ...pane.config, framework: value, thresholds: {} };
  pane.frameworkOrigin = 'saved';
  renderFrameworks();
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
  pane.frameworkOrigin = 'saved';
  byId('custom').hidden = true;
  renderFrameworks();
  toggleFrameworkPicker(false);
  await persist(`Using ${parsed.value.name}, saved in this workbook.`);
}

/* Columns and thresholds ------------------------------------------------------------------ */

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
  const body = byId('columns');
  const info = byId('sheet-info');
  const { plan, read } = pane;
  if (!plan || !read || !framework) {
    body.replaceChildren();
    byId('columns-heading').textContent = 'Columns';
    info.textContent = read ? '' : 'Open your categorisation sheet, then choose “Read sheet again”.';
    return;
  }
  byId<HTMLInputElement>('header-row').value = String(read.origin.row + plan.headerRow + 1);
  info.textContent = `${read.sheet.name}: data in ${read.address.split('!').pop() ?? ''}; ${plan.summary.schools} schools.`;
  const list = columnStatuses(read, plan, pane.config.columns);
  byId('columns-heading').textContent = columnsHeading(list);
  body.replaceChildren(...renderColumnList(list, framework, pane.config.columns, (letter, value) => void onMappingChange(letter, value)));
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

function renderThresholds(framework: Framework | undefined): void {
  const rated = new Set(pane.plan?.columns.indicators.map((i) => i.indicatorId) ?? []);
  byId('threshold-rows').replaceChildren(...(framework ? renderThresholdRows(framework, rated) : []));
}

async function onThresholdsSubmit(event?: Event): Promise<void> {
  event?.preventDefault();
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
      errors.replaceChildren(h('li', {}, `${indicator?.label ?? id}: give a number for ${band}`));
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

/* Reading, saving, rating, clearing ------------------------------------------------------- */

/** Re-plans the preview from the last read with the current choices, and redraws. */
function refresh(): Framework | undefined {
  const fw = resolveFramework(pane.config, pane.customFramework);
  byId('framework-errors').replaceChildren(...(fw.ok ? [] : fw.error.map((e) => h('li', {}, e))));
  pane.plan = undefined;
  pane.frame = undefined;
  if (fw.ok && pane.read) {
    const planned = planRating({ ...pane.read, config: pane.config }, fw.value, today());
    if (planned.ok) {
      pane.plan = planned.value.plan;
      pane.frame = rowFrame(pane.read, planned.value.plan.headerRow);
    } else showMessage('warning', planned.error.message);
  }
  renderColumns(fw.ok ? fw.value : undefined);
  renderThresholds(fw.ok ? fw.value : undefined);
  return fw.ok ? fw.value : undefined;
}

async function persist(done?: string): Promise<void> {
  hideMessage();
  refresh();
  // A detected framework is shown, not chosen: saving it would fix it for every sheet.
  const { framework: _shown, ...unchosen } = pane.config;
  const config = pane.frameworkOrigin === 'detected' ? unchosen : pane.config;
  const saved = await excel((ctx) => saveConfig(ctx, config, pane.customFramework));
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
  pane.frameworkOrigin = read.value.config.framework !== undefined ? 'saved' : 'default';
  pane.detectedReason = undefined;
  if (read.value.config.framework === undefined && read.value.customFramework === undefined) detectFromSheet(read.value);
  renderFrameworks();
  if (read.value.configIssues.length > 0) showMessage('warning', `Saved settings ignored:\n${read.value.configIssues.join('\n')}`);
  else if (read.value.stateIssue) showMessage('warning', read.value.stateIssue);
  refresh();
}

/** Nothing saved: show the framework the sheet's own category column picks (not saved until the officer chooses). */
function detectFromSheet(read: SheetRead): void {
  const chosen = sheetFramework(read);
  if (!chosen.ok || !chosen.value.detected) return;
  pane.config = { ...pane.config, framework: chosen.value.framework.id };
  pane.frameworkOrigin = 'detected';
  pane.detectedReason = chosen.value.detected.reason;
}

async function onRate(): Promise<void> {
  if (pane.busy) return;
  hideMessage();
  setBusy(true);
  byId('summary').hidden = true;
  const words = { read: 'Reading the sheet…', plan: 'Working out ratings and categories…', fills: 'Reading earlier fills…', write: 'Writing marks…', done: 'Done.' };
  setProgress(0.02, 'Starting…');
  // With nothing saved, rateSheet detects the framework from the sheet it actually reads.
  const result = await excel((ctx) => rateSheet(ctx, { today: today(), onProgress: (step, fraction) => setProgress(fraction, words[step]) }));
  setBusy(false);
  if (!result || !result.ok) {
    setProgress(0, 'Rating stopped.');
    if (result && !result.ok) showMessage('error', result.error.message);
    return;
  }
  const r = result.value;
  setProgress(1, `Rated ${r.plan.summary.schools} schools.`);
  // The message bar says it from here; the bar was for the wait.
  byId('progress').hidden = true;
  pane.read = r.read;
  pane.plan = r.plan;
  pane.frame = rowFrame(r.read, r.plan.headerRow);
  // The sheet rated may not be the one read before (the officer switched): show its framework.
  if (pane.frameworkOrigin !== 'saved') {
    const { framework: _previous, ...unchosen } = pane.config;
    pane.config = unchosen;
    pane.frameworkOrigin = 'default';
    detectFromSheet(r.read);
    renderFrameworks();
  }
  byId('summary-body').replaceChildren(...renderSummary(r, cellLink));
  byId('summary').hidden = false;
  renderColumns(r.framework);
  const recoloured = r.writes.recoloured;
  showMessage(
    'success',
    `Rated ${r.plan.summary.schools} schools with ${r.framework.name}. Suggestions are in “Suggested category” and “Why”.` +
      (recoloured.length > 0 ? ` ${recolouredWords(recoloured)}` : ''),
  );
}

/** Cells the team recoloured since the last rating keep their fill: the officer is told which. */
function recolouredWords(addresses: readonly string[]): string {
  const listed = `${addresses.slice(0, 5).join(', ')}${addresses.length > 5 ? `, … (${addresses.length} cells)` : ''}`;
  return `${listed}: coloured by the team since Waymark rated ${addresses.length === 1 ? 'it; left as it is' : 'them; left as they are'}, with no Waymark colour.`;
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

function cellLink(address: string, text: string, label?: string): HTMLButtonElement {
  const b = h('button', { type: 'button', class: 'link', 'aria-label': label ?? `Select ${address}`, 'data-address': address }, text);
  b.addEventListener('click', () => {
    void excel((ctx) => selectCell(ctx, address)).then((r) => {
      if (r && !r.ok) showMessage('error', r.error);
      // Excel tells the pane about a selection it made itself in some hosts only.
      else scheduleSelection();
    });
  });
  return b;
}

/* The selected school ---------------------------------------------------------------------- */

let selectionTimer: ReturnType<typeof setTimeout> | undefined;
let selectionSeq = 0;

function scheduleSelection(): void {
  if (selectionTimer !== undefined) clearTimeout(selectionTimer);
  selectionTimer = setTimeout(() => void showSelectedSchool(), SELECTION_DEBOUNCE_MS);
}

async function showSelectedSchool(): Promise<void> {
  selectionTimer = undefined;
  const { frame } = pane;
  const fw = resolveFramework(pane.config, pane.customFramework);
  if (!frame || !fw.ok || pane.busy) return;
  const seq = ++selectionSeq;
  const selected = await excel((ctx) => readSelectedRow(ctx, frame));
  // A newer selection has started its own read: this answer is stale.
  if (seq !== selectionSeq || !selected) return;
  const body = byId('school-body');
  if (!selected.ok) {
    body.replaceChildren(h('p', { class: 'caption' }, selected.error));
    return;
  }
  const row = planSelectedRow(selected.value, frame, pane.config, fw.value, today());
  body.replaceChildren(
    ...(row
      ? renderSchool(row, fw.value)
      : [h('p', { class: 'caption', id: 'school-none' }, selected.value.sheet.id === frame.sheetId ? `Row ${selected.value.sheetRow} is not a school’s row. Select a cell in a school’s row to see its category explained.` : `Select a cell in a school’s row on ${pane.read?.sheet.name ?? 'the rated sheet'}.`)]),
  );
  body.dataset.row = String(selected.value.sheetRow);
}

/* Start ------------------------------------------------------------------------------------ */

async function init(): Promise<void> {
  applyTheme(Office.context?.officeTheme);
  const supported = Office.context?.requirements?.isSetSupported('ExcelApi', '1.9') ?? true;
  renderFrameworks();
  byId('fw-change').addEventListener('click', () => toggleFrameworkPicker());
  byId('framework').addEventListener('change', (e) => void onFrameworkChange((e.target as HTMLInputElement).value));
  byId<HTMLInputElement>('framework-file').addEventListener('change', () => void onFrameworkFile());
  byId<HTMLInputElement>('header-row').addEventListener('change', () => void onHeaderRowChange());
  byId('reread').addEventListener('click', () => void readPreview());
  byId('thresholds').addEventListener('submit', (e) => void onThresholdsSubmit(e));
  byId('save-thresholds').addEventListener('click', () => void onThresholdsSubmit());
  byId('rate').addEventListener('click', () => void onRate());
  byId('clear').addEventListener('click', () => void onClear());
  if (!supported) {
    setBusy(true);
    setDisabled('reread', false);
    showMessage('error', 'Waymark needs Excel on the web, Microsoft 365 or Excel 2019 or later (ExcelApi 1.9).');
    return;
  }
  const type = Office.EventType?.DocumentSelectionChanged ?? 'documentSelectionChanged';
  try {
    Office.context?.document?.addHandlerAsync?.(type, scheduleSelection);
  } catch {
    // A host without document events: the panel then follows the result's links only.
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
