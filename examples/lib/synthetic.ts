import ExcelJS from 'exceljs';
import type { Framework, Indicator } from '../../core/frameworks/schema.js';
import { roleOfHeader } from '../../core/sheet/roles.js';
import { planSheet } from '../../core/sheet/planSheet.js';
import { worksheetGrid } from '../../workbook/grid.js';

/**
 * Synthetic categorisation workbooks: made-up schools with the headings, layout and messy
 * values real teams' sheets have (a merged title, section rows, "n/a", "#N/A", "94.2%",
 * ticks and crosses). Deterministic for a given seed, so tests can rely on them.
 */

/** A small, fast, seeded PRNG (mulberry32): the same seed gives the same workbook. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STEMS = [
  'Oakfield', "St Mary's CE", 'Brookside', 'Hillcrest', 'Riverside', "St Joseph's Catholic", 'Meadowbank', 'Ashford',
  'Highgate', 'Kingsway', 'Millbrook', 'Northgate', 'Parkside', 'Queensway', 'Redwood', 'Southfield', 'Thornbury',
  'Upton', 'Victoria', 'Westfield', 'Whitley', 'Willow Tree', 'Yew Tree', 'Abbey', 'Beacon', 'Castle Hill', 'Dale',
  'Elmhurst', 'Fairfield', 'Greenway', 'Holy Trinity C of E', 'Lime Grove', 'Moorland', 'Orchard', 'Pinewood',
  'Rosewood', 'Stanley', 'Tilehurst', 'Wren', 'Alder', 'Birchwood', 'Cedar', 'Coley', 'Emmer Green', 'Katesgrove',
];
const PRIMARY_SUFFIX = ['Primary School', 'Primary', 'Infant School', 'Junior School', 'Primary Academy'];
const SECONDARY_SUFFIX = ['High School', 'Secondary School', 'Academy', 'School'];
const OFFICERS = ['A. Patel', 'B. Okafor', 'C. Nguyen', 'D. Evans', 'E. Murphy'];
const FIRST = ['Sam', 'Alex', 'Jo', 'Priya', 'Tom', 'Aisha', 'Chris', 'Helen', 'Marcus', 'Ruth'];
const LAST = ['Hughes', 'Ahmed', 'Clarke', 'Davies', 'Khan', 'Lewis', 'Morgan', 'Shaw', 'Turner', 'Walsh'];

export interface SchoolSeed {
  readonly name: string;
  readonly urn: number;
  readonly phase: 'Primary' | 'Secondary' | 'Special';
  /** 0 = thriving, 1 = in serious difficulty: drives every value so rows hang together. */
  readonly health: number;
  readonly officer: string;
  readonly head: string;
  readonly headEmail: string;
}

export function makeSchools(count: number, rand: () => number): SchoolSeed[] {
  const schools: SchoolSeed[] = [];
  const used = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    // The first rows are fixed so docs and tests can name them.
    const fixed: [string, SchoolSeed['phase'], number][] = [
      ['Oakfield Primary School', 'Primary', 101234],
      ["St Mary's CE Primary School", 'Primary', 101235],
      ['Brookside Academy', 'Secondary', 101236],
      ["St Mary's CE Primary School", 'Primary', 101299],
    ];
    const f = fixed[i];
    const phase: SchoolSeed['phase'] = f?.[1] ?? (rand() < 0.7 ? 'Primary' : rand() < 0.9 ? 'Secondary' : 'Special');
    let name = f?.[0];
    if (!name) {
      const stem = STEMS[Math.floor(rand() * STEMS.length)] ?? 'Oakfield';
      const suffixes = phase === 'Primary' ? PRIMARY_SUFFIX : phase === 'Secondary' ? SECONDARY_SUFFIX : ['Special School', 'School'];
      name = `${stem} ${suffixes[Math.floor(rand() * suffixes.length)] ?? 'School'}`;
      const n = used.get(name) ?? 0;
      used.set(name, n + 1);
      if (n > 0) name = `${name} (${['North', 'South', 'East', 'West'][n % 4]})`;
    }
    const first = FIRST[Math.floor(rand() * FIRST.length)] ?? 'Sam';
    const last = LAST[Math.floor(rand() * LAST.length)] ?? 'Shaw';
    const health = i === 0 ? 0.15 : i === 1 ? 0.05 : i === 2 ? 0.9 : Math.min(1, Math.max(0, rand() ** 2.2 + (rand() - 0.5) * 0.2));
    schools.push({
      name,
      urn: f?.[2] ?? 110000 + i * 7 + Math.floor(rand() * 7),
      phase,
      health,
      officer: OFFICERS[i % OFFICERS.length] ?? 'A. Patel',
      head: `${first} ${last}`,
      headEmail: `head.${name.toLowerCase().replace(/[^a-z]+/g, '')}@example.sch.uk`,
    });
  }
  return schools;
}

/** How an officer would head the column: the first alias, or the label, with year or unit now and then. */
export function headingFor(indicator: Indicator, rand: () => number): string {
  const base = indicator.aliases[0] ?? indicator.label;
  const r = rand();
  if (indicator.kind === 'percentage' && r < 0.4) return `${base} %`;
  if (r < 0.2) return `${base} 2024/25`;
  return base;
}

const PHASE_ONLY: Record<string, SchoolSeed['phase']> = {
  'ks2-rwm': 'Primary',
  phonics: 'Primary',
  gld: 'Primary',
  'progress-8': 'Secondary',
  'attainment-8': 'Secondary',
};

const pick = <T>(list: readonly T[], rand: () => number): T => list[Math.floor(rand() * list.length)] as T;

/** A value for one indicator of one school, in one of the ways officers type it. */
export function valueFor(indicator: Indicator, school: Pick<SchoolSeed, 'health' | 'phase'>, rand: () => number): ExcelJS.CellValue {
  const { health } = school;
  // Key-stage measures belong to one phase: the other phase's cell says n/a, as in real sheets.
  const onlyFor = PHASE_ONLY[indicator.id];
  if (onlyFor && onlyFor !== school.phase) return rand() < 0.7 ? 'n/a' : null;
  const mess = rand();
  if (mess < 0.03) return null;
  if (mess < 0.045) return pick(['n/a', 'N/A', '-', 'tbc'], rand);
  if (mess < 0.052) return { error: '#N/A' } as ExcelJS.CellErrorValue;
  // Good schools still have the odd amber: a blip now and then.
  const bad = health + (rand() - 0.5) * 0.3 + (rand() < 0.1 ? 0.35 : 0);
  const band = bad < 0.35 ? 0 : bad < 0.7 ? 1 : 2;
  const rule = indicator.rule;
  switch (rule.type) {
    case 'threshold': {
      const phaseKey = school.phase === 'Primary' ? 'primary' : school.phase === 'Secondary' ? 'secondary' : 'special';
      const band = rule.byPhase?.[phaseKey] ?? rule;
      const step = Math.abs(band.green - band.amber) || 1;
      const sign = rule.direction === 'higher-is-better' ? -1 : 1;
      let v = band.green + sign * step * (bad * 2.6 - 0.7) + (rand() - 0.5) * step * 0.4;
      if (indicator.kind === 'count') v = Math.max(0, Math.round(v));
      if (indicator.kind === 'percentage') {
        v = Math.min(100, Math.max(0, Math.round(v * 10) / 10));
        const style = rand();
        if (style < 0.25) return `${v}%`;
        if (style < 0.4) return v / 100;
        if (style < 0.45) return ` ${v} % `;
        return v;
      }
      return Math.round(v * 100) / 100;
    }
    case 'flag': {
      const yesIsBad = rule.yes !== 'G';
      // Warning notices and missing heads are rare: only schools in real difficulty have them.
      const flagged = bad > 0.7 && rand() < 0.5;
      const yes = yesIsBad ? flagged : !flagged;
      return pick(yes ? ['Y', 'Yes', '✓', 'TRUE'] : ['N', 'No', '✗', 'FALSE'], rand);
    }
    case 'judgement':
      if (indicator.id === 'inspection-risk') return pick([['Low', 'low'], ['Medium'], ['High']][band] ?? ['Low'], rand);
      return pick(
        [
          ['Effective', 'Strong', 'G', 'Good', 'Secure'],
          ['Requires improvement', 'Developing', 'A', 'Some concerns', 'RI'],
          ['Ineffective', 'Weak', 'R', 'Serious concerns', 'Not met'],
        ][band] ?? ['Effective'],
        rand,
      );
    case 'ofsted':
      if (rand() < 0.2) return pick([['expected standard', 'strong standard'], ['needs attention'], ['urgent improvement']][band] ?? ['expected standard'], rand);
      return pick([[1, 2, 'Good', 'Outstanding'], [3, 'RI', 'Requires improvement', 2], [4, 'Inadequate', 'Serious weaknesses']][band] ?? [2], rand);
    case 'trend':
      return pick([['Improving', '↑', 'improving', 'Stable'], ['Stable', '→', 'consistent'], ['Declining', '↓', 'declining']][band] ?? ['Stable'], rand);
    case 'recency': {
      const monthsAgo = band === 0 ? 30 + Math.floor(rand() * 60) : band === 1 ? 14 + Math.floor(rand() * 20) : Math.floor(rand() * 11);
      const d = new Date(Date.UTC(2026, 10 - monthsAgo, 1));
      return rand() < 0.5 ? d : `01/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
    }
  }
}

/**
 * Officers mostly agree with what the evidence suggests, and now and then judge a school one
 * category better or worse: the officer column is set that way, so the example reads true.
 */
function agreeWithSuggestions(ws: ExcelJS.Worksheet, framework: Framework, width: number, rand: () => number): void {
  const plan = planSheet(worksheetGrid(ws), { framework, today: '2026-11-24' });
  if (!plan.ok) return;
  for (const row of plan.value.rows) {
    const cell = ws.getCell(row.sheetRow, width);
    if (cell.value === null || row.suggestion.status !== 'category') continue;
    const shift = rand() < 0.85 ? 0 : rand() < 0.5 ? -1 : 1;
    const idx = Math.min(framework.categories.length - 1, Math.max(0, row.suggestion.index + shift));
    cell.value = framework.categories[idx]?.code ?? null;
  }
}

export interface WorkbookOptions {
  readonly framework: Framework;
  readonly schools: number;
  readonly seed: number;
  readonly la: string;
  /** Indicators to include (default all of the framework's). */
  readonly indicators?: readonly Indicator[];
  /** Extra unrated columns, to reach a width such as 60 columns. */
  readonly extraColumns?: number;
  /** Section rows ("Primary schools") and a merged title, as teams' sheets have. */
  readonly decorations?: boolean;
}

/**
 * Builds a categorisation workbook in memory.
 *
 * @example
 * const wb = syntheticWorkbook({ framework: reading, schools: 30, seed: 1, la: 'Reading' });
 * await wb.xlsx.writeFile('examples/reading.xlsx');
 */
export function syntheticWorkbook(options: WorkbookOptions): ExcelJS.Workbook {
  const rand = prng(options.seed);
  const { framework } = options;
  const indicators = options.indicators ?? framework.indicators;
  const decorations = options.decorations ?? true;
  const schools = makeSchools(options.schools, rand);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Waymark examples';
  const ws = wb.addWorksheet('Categorisation');
  const officerHeading = roleOfHeader(framework.officerTitle) === 'officer' ? framework.officerTitle : 'Officer';
  const identity = ['School', 'URN', 'Phase', officerHeading, 'Headteacher', 'Head email'];
  const headings = [...identity, ...indicators.map((i) => headingFor(i, rand))];
  for (let k = 0; k < (options.extraColumns ?? 0); k++) headings.push(`Notes ${k + 1}`);
  headings.push('LA category');
  const width = headings.length;

  let r = 1;
  if (decorations) {
    ws.getCell(1, 1).value = `${options.la} — school categorisation 2025/26`;
    ws.mergeCells(1, 1, 1, Math.min(width, 12));
    ws.getCell(1, 1).font = { bold: true, size: 14 };
    ws.getCell(2, 1).value = 'Data as at 1 November 2026. Confidential to the school improvement team.';
    ws.getCell(2, 1).font = { italic: true };
    r = 4;
  }
  const header = ws.getRow(r);
  header.values = headings;
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
  });
  ws.views = [{ state: 'frozen', ySplit: r, xSplit: 1 }];
  r++;
  const categories = framework.categories;
  const sections: SchoolSeed['phase'][] = ['Primary', 'Secondary', 'Special'];
  for (const phase of sections) {
    const inPhase = schools.filter((s) => s.phase === phase);
    if (inPhase.length === 0) continue;
    if (decorations) {
      ws.getCell(r, 1).value = `${phase} schools`;
      ws.getCell(r, 1).font = { bold: true };
      r++;
    }
    for (const s of inPhase) {
      const values: ExcelJS.CellValue[] = [s.name, s.urn, s.phase, s.officer, s.head, s.headEmail];
      for (const indicator of indicators) values.push(valueFor(indicator, s, rand));
      for (let k = 0; k < (options.extraColumns ?? 0); k++) values.push(rand() < 0.5 ? `note ${Math.floor(rand() * 100)}` : null);
      const idx = Math.min(categories.length - 1, Math.floor(s.health * categories.length));
      const category = categories[idx];
      values.push(rand() < 0.85 && category ? category.code : null);
      const row = ws.getRow(r);
      row.values = values;
      row.eachCell((cell) => {
        if (typeof cell.value === 'number' && cell.value > 0 && cell.value < 1) cell.numFmt = '0.0%';
        if (cell.value instanceof Date) cell.numFmt = 'dd/mm/yyyy';
      });
      r++;
    }
  }
  agreeWithSuggestions(ws, framework, width, rand);
  ws.getColumn(1).width = 34;
  ws.getColumn(6).width = 30;
  return wb;
}
