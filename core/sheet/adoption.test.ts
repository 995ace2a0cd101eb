import { describe, expect, it } from 'vitest';
import { builtInFrameworks, getFramework } from '../frameworks/index.js';
import type { Framework } from '../frameworks/schema.js';
import type { CellValue } from '../indicators/types.js';
import { columnLetters } from './address.js';
import { detectFramework } from './detectFramework.js';
import { findDataDate } from './findDataDate.js';
import { planSheet } from './planSheet.js';

/**
 * Sheets as teams keep them, in their own words, each with the reading a person would make
 * of every column: an indicator id, a role, or "-" for a column no indicator fits (notes,
 * context, a field the framework does not rate). Nothing here is set up for Waymark: no
 * config, no --framework. The share read right is printed; the goal is 95%, and no column
 * may be used as the wrong indicator.
 */

type Gen = (i: number) => CellValue;
const pick = (...values: CellValue[]): Gen => (i) => values[i % values.length] ?? null;
const att: Gen = (i) => `${(91 + ((i * 7) % 70) / 10).toFixed(1)}%`;
const attFraction: Gen = (i) => 0.91 + ((i * 7) % 70) / 1000;
const pa: Gen = (i) => 9 + ((i * 5) % 22);
const paText: Gen = (i) => `${(9 + ((i * 5) % 22)).toFixed(1)}%`;
const susp: Gen = (i) => Number((1 + ((i * 3) % 9) * 1.3).toFixed(1));
const ks2: Gen = (i) => 45 + ((i * 9) % 40);
const p8: Gen = (i) => Number((-0.6 + ((i * 3) % 12) / 10).toFixed(2));
const a8: Gen = (i) => 38 + ((i * 7) % 20);
const gld: Gen = (i) => `${58 + ((i * 3) % 25)}%`;
const phonics: Gen = (i) => 70 + ((i * 4) % 25);
const ofsted = pick('Good', 'Outstanding', 'Requires improvement', 'Good', 'Inadequate', 'Good');
const ofstedShort = pick('Good', 'RI', 'Outstanding', 'Good', 'Good', 'Inadequate');
const ofstedNum = pick(2, 2, 1, 3, 2, 4);
const judgement = pick('Effective', 'Effective', 'Requires improvement', 'Effective', 'Ineffective');
const rag = pick('G', 'A', 'G', 'R', 'G');
const yn = pick('N', 'N', 'Y', 'N', 'N');
const yesNo = pick('No', 'Yes', 'No', 'No');
const trend = pick('Improving', 'Stable', 'Declining', 'Improving');
const arrows = pick('↑', '→', '↓', '↑', '→');
const count = pick(0, 1, 0, 3, 2, 0);
const date = pick('01/09/2025', '14/04/2021', '03/01/2026', '01/09/2019');
const text = pick('Visit booked', 'Follow up with chair', '', 'New SENCO');
const people = pick('J. Okafor', 'R. Patel', 'S. Hughes');
const phases = pick('Primary', 'Primary', 'Secondary', 'Primary', 'Special');
const emails = (i: number) => `head${i}@school.example.org`;
const urn = (i: number) => 100_000 + i * 17;
const laestab = (i: number) => 8_702_000 + i;
const numbers = (i: number) => 180 + i * 11;
const fsm = (i: number) => `${12 + (i % 30)}%`;

interface Column {
  readonly heading: string;
  /** What a person would read it as: indicator id, role, or "-". */
  readonly is: string;
  readonly values: Gen;
}
interface Sheet {
  readonly name: string;
  readonly framework: string;
  readonly title?: readonly (readonly CellValue[])[];
  readonly columns: readonly Column[];
  readonly categories: Gen;
  readonly schools?: number;
  /** Build the grid another way (two header rows, sections). */
  readonly layout?: (header: CellValue[], rows: CellValue[][]) => CellValue[][];
}

const col = (heading: string, is: string, values: Gen): Column => ({ heading, is, values });
const school = (heading = 'School') => col(heading, 'school', (i) => `School ${String.fromCharCode(65 + (i % 26))}${i} Primary`);

function grid(sheet: Sheet): CellValue[][] {
  const n = sheet.schools ?? 24;
  const header = sheet.columns.map((c) => c.heading);
  const rows = Array.from({ length: n }, (_, i) => sheet.columns.map((c) => (c.is === 'officer-category' ? sheet.categories(i) : c.values(i))));
  const body = sheet.layout ? sheet.layout(header, rows) : [header, ...rows];
  return [...(sheet.title ?? []).map((r) => [...r]), ...body];
}

const sheets: Sheet[] = [
  {
    name: 'Southwark: officer wording, judgement and rating words',
    framework: 'southwark',
    title: [['Southwark school improvement — categorisation 2026/27'], ['Data as at 1 November 2026'], []],
    categories: pick('A', 'B', 'C', 'B', 'D', 'A'),
    columns: [
      school('School name'), col('URN', 'urn', urn), col('Named advisor', 'officer', people),
      col('Ofsted judgement', 'ofsted-grade', ofsted), col('Suspensions (% of pupils)', 'suspensions', susp),
      col('Attendance 2025/26 (%)', 'attendance', att), col('PA %', 'persistent-absence', paText),
      col('L&M rating', 'leadership', judgement), col('Governance RAG', 'governance', rag), col('Safeguarding?', 'safeguarding', judgement),
      col('New HT?', 'new-head', yn), col('LA category (agreed)', 'officer-category', pick()), col('Notes', '-', text),
    ],
  },
  {
    name: 'Cambridgeshire: support level, Y/N letters, SEF, WN',
    framework: 'cambridgeshire',
    title: [['Cambridgeshire LA — School support levels'], ['Updated 3 November 2026', null, 'OFFICIAL-SENSITIVE']],
    categories: pick('Low support', 'Medium support', 'High support', 'Low support'),
    columns: [
      col('Establishment', 'school', (i) => `Fenland Academy ${i}`), col('DfE no.', 'school-id', laestab), col('SIA', 'officer', people),
      col('Statutory safeguarding met?', 'safeguarding', pick('Met', 'Met', 'Not met', 'Met')), col('WN issued (Y/N)', 'warning-notice', yn),
      col('Significant concerns letter?', 'significant-concerns-letter', yn), col('Substantive HT in post', 'substantive-head', pick('Y', 'Y', 'N')),
      col('HT start date', 'head-start-date', date), col('SEF accuracy', 'self-evaluation', judgement), col('Latest Ofsted', 'ofsted-grade', ofstedShort),
      col('KS2 R/W/M combined %', 'ks2-rwm', ks2), col('Direction of travel', 'data-trend', trend), col('Attendance', 'attendance', att),
      col('Support level', 'officer-category', pick()), col('Chair of governors', '-', people),
    ],
  },
  {
    name: 'Camden: CPP, project boards, abbreviations',
    framework: 'camden',
    title: [['Camden Learning SRAS tracker'], ['Autumn 2026']],
    categories: pick('Universal', 'Specific PB', 'Watching brief', 'Targeted PB', 'Universal'),
    columns: [
      school('School'), col('LAESTAB', 'school-id', laestab), col('CPP', 'officer', people), col('Phase', 'phase', phases),
      col('Ofsted (latest)', 'ofsted-grade', ofstedShort), col('P8 (prov.)', 'progress-8', p8), col('A8', 'attainment-8', a8),
      col('GLD %', 'gld', gld), col('Phonics Y1 %', 'phonics', phonics), col('FTE rate', 'suspensions', susp), col('PA rate', 'persistent-absence', pa),
      col('Overall attendance', 'attendance', attFraction), col('SEN provision', 'send', judgement), col('Current category', 'officer-category', pick()),
    ],
  },
  {
    name: 'Tri-borough: lead adviser, inspection words, floor standard',
    framework: 'triborough',
    categories: pick('Good', 'Outstanding', 'Requires improvement', 'Good', 'Inadequate'),
    columns: [
      col('Lead Adviser', 'officer', people), school('School Name'), col('URN', 'urn', urn), col('Overall effectiveness', 'ofsted-grade', ofstedNum),
      col('Below floor?', 'below-floor', yesNo), col('KS2 expected standard RWM', 'ks2-rwm', ks2), col('Progress 8 score', 'progress-8', p8),
      col('LA review outcome', 'la-review', judgement), col('SIAMS', '-', ofsted), col('Category 2026/27', 'officer-category', pick()),
      col('Contact tel', '-', pick('020 7946 0000')),
    ],
  },
  {
    name: 'Reading: SPA, header under banners, merged title',
    framework: 'reading',
    title: [['READING BOROUGH COUNCIL'], ['School categorisation — Autumn term 2026'], ['Confidential'], [], []],
    categories: pick('G', 'S', 'R', 'G', 'C'),
    columns: [
      school('School'), col('SPA', 'officer', people), col('Ofsted grade', 'ofsted-grade', ofstedNum), col('Inspection risk', 'inspection-risk', rag),
      col('KS2 RWM', 'ks2-rwm', ks2), col('Attendance %', 'attendance', att), col('Persistent absentees %', 'persistent-absence', pa),
      col('Suspensions', 'suspensions', susp), col('Perm exclusions', 'permanent-exclusions', count), col('SIAMS grade', 'siams', ofsted),
      col('HMI visit', 'hmi-monitoring', judgement), col('Complaints (no.)', 'complaints', count), col('LA category', 'officer-category', pick()),
    ],
  },
  {
    name: 'Southwark: two header rows (groups over sub-headings)',
    framework: 'southwark',
    categories: pick('Cat A', 'Cat B', 'Cat C', 'Cat B'),
    columns: [
      school('School'), col('URN', 'urn', urn), col('Overall %', 'attendance', att), col('PA %', 'persistent-absence', pa),
      col('Judgement', 'ofsted-grade', ofstedShort), col('Date', '-', date), col('Leadership', 'leadership', judgement),
      col('Governance', 'governance', judgement), col('RAG category', 'officer-category', pick()),
    ],
    layout: (header, rows) => [
      [null, null, 'Attendance', null, 'Ofsted', null, 'Leadership & governance', null, null],
      header,
      ...rows,
    ],
  },
  {
    name: 'Cambridgeshire: a Secondary section with its header repeated',
    framework: 'cambridgeshire',
    categories: pick('Low', 'Medium', 'High', 'Low'),
    columns: [
      school('School'), col('URN', 'urn', urn), col('Ofsted', 'ofsted-grade', ofsted), col('Leadership capacity', 'leadership', judgement),
      col('Governors', 'governance', judgement), col('Attendance rate', 'attendance', att), col('Category', 'officer-category', pick()),
    ],
    layout: (header, rows) => [
      ['Primary schools'], header, ...rows.slice(0, 12), [], ['Secondary schools'], header, ...rows.slice(12),
    ],
  },
  {
    name: 'Reading: columns in another order, headings with question marks and years',
    framework: 'reading',
    categories: pick('LA2', 'LA1', 'LA3', 'LA2', 'LA4'),
    columns: [
      col('Category 2025/26', 'officer-category', pick()), col('Data trend (3 yr)', 'data-trend', arrows), col('Safeguarding concerns?', 'safeguarding', rag),
      col('Budget deficit?', 'finance', pick('No concerns', 'Some concerns', 'No concerns')), school('Name of school'), col('URN', 'urn', urn),
      col('Governing body', 'governance', rag), col('Staff turnover', 'staffing-stability', rag), col('New/interim head?', 'new-head', yn),
      col('Attendance (%) 2024-25', 'attendance', attFraction), col('NOR', '-', numbers), col('FSM %', '-', fsm),
    ],
  },
  {
    name: 'Camden: values decide an unfamiliar heading',
    framework: 'camden',
    categories: pick('universal', 'watching-brief', 'specific-project-board'),
    columns: [
      school('Setting'), col('URN', 'urn', urn), col('Most recent inspection', 'ofsted-grade', ofsted), col('Attendance % (YTD)', 'attendance', att),
      col('Persistently absent %', 'persistent-absence', pa), col('Teaching & learning', 'quality-of-education', judgement),
      col('Behaviour', 'behaviour', judgement), col('Finance RAG', 'finance', rag), col('Support category', 'officer-category', pick()),
      col('Head email', 'head-email', emails),
    ],
  },
  {
    name: 'Tri-borough: report-card era headings',
    framework: 'triborough',
    categories: pick('Good', 'Requires improvement', 'Outstanding'),
    columns: [
      school('School'), col('URN', 'urn', urn), col('Report card: leadership', 'leadership', pick('Strong standard', 'Expected standard', 'Needs attention')),
      col('Curriculum & teaching', 'quality-of-education', pick('Expected standard', 'Strong standard', 'Needs attention')),
      col('Behaviour & attitudes', 'behaviour', pick('Expected standard', 'Needs attention')), col('Safeguarding (met / not met)', 'safeguarding', pick('Met', 'Met', 'Not met')),
      col('Phonics screening check %', 'phonics', phonics), col('Self-evaluation', 'self-evaluation', judgement), col('LA category', 'officer-category', pick()),
      col('Comments', '-', text),
    ],
  },
  {
    name: 'Southwark: per-row data date, SEND and GLD abbreviations',
    framework: 'southwark',
    categories: pick('B', 'A', 'C', 'D'),
    columns: [
      school('School'), col('URN', 'urn', urn), col('Data date', 'data-date', pick('31/10/2026', '02/11/2026')), col('EYFS GLD', 'gld', gld),
      col('KS2 combined %', 'ks2-rwm', ks2), col('SEND', 'send', judgement), col('Personal development', 'personal-development', judgement),
      col('Exclusions (fixed term) per 100', 'suspensions', susp), col('Parental complaints', 'complaints', count), col('HT', 'head', people),
      col('Current category', 'officer-category', pick()),
    ],
  },
  {
    name: 'Reading: LA-style wording with units and abbreviations',
    framework: 'reading',
    title: [['Schools causing concern tracker', null, null, 'Summer 2026']],
    categories: pick('Cat G', 'Cat S', 'Cat R', 'Cat C'),
    columns: [
      school('School'), col('URN', 'urn', urn), col('Link adviser', 'officer', people), col('Last Ofsted outcome', 'ofsted-grade', ofstedShort),
      col('KS2 RWM EXS %', 'ks2-rwm', ks2), col('KS4 P8', 'progress-8', p8), col('Attendance % (autumn)', 'attendance', att),
      col('PA (%)', 'persistent-absence', pa), col('FTE', 'suspensions', susp), col('LADO referrals', '-', count),
      col('Leadership', 'leadership', rag), col('Agreed category', 'officer-category', pick()),
    ],
  },
];

function frameworkOf(id: string): Framework {
  const f = getFramework(id);
  if (!f.ok) throw new Error(f.error);
  return f.value;
}

describe('adopting a team’s own sheet with no set-up', () => {
  const results = sheets.map((sheet) => {
    const g = grid(sheet);
    const detected = detectFramework(g, builtInFrameworks);
    const framework = detected.ok ? detected.value.framework : frameworkOf('reading');
    const plan = planSheet(g, { framework, today: '2026-11-24' });
    return { sheet, g, detected, framework, plan };
  });

  it('chooses each sheet’s framework from its own category column, and says why', () => {
    for (const { sheet, detected } of results) {
      expect(detected.ok && detected.value.framework.id, sheet.name).toBe(sheet.framework);
      expect(detected.ok && detected.value.reason, sheet.name).toMatch(/officer's column/);
      expect(detected.ok && detected.value.misfits, sheet.name).toEqual([]);
    }
  });

  it('reads most indicator columns right, and uses none as the wrong indicator', () => {
    let expected = 0;
    let right = 0;
    const wrong: string[] = [];
    const missed: string[] = [];
    for (const { sheet, plan, framework } of results) {
      expect(plan.ok, sheet.name).toBe(true);
      if (!plan.ok) continue;
      const ids = new Set(framework.indicators.map((i) => i.id));
      const offset = sheet.columns.length;
      sheet.columns.forEach((c, i) => {
        const letter = columnLetters(i);
        const account = plan.value.columns.accounts.find((a) => a.letter === letter);
        const used = account?.status === 'indicator' ? account.target : undefined;
        if (ids.has(c.is)) {
          expected++;
          if (used === c.is) right++;
          else missed.push(`${sheet.name}: ${letter} '${c.heading}' → ${account?.status} ${account?.target ?? ''} (${account?.evidence ?? 'no account'})`);
        }
        if (used !== undefined && used !== c.is) wrong.push(`${sheet.name}: ${letter} '${c.heading}' used as ${used}, a person reads ${c.is}`);
        // Nothing goes unmentioned: every column with a heading is accounted for.
        expect(account, `${sheet.name} ${letter}`).toBeDefined();
      });
      expect(offset).toBeGreaterThan(0);
    }
    const share = right / expected;
    console.log(`Adoption: ${right} of ${expected} indicator columns read right with no set-up (${(share * 100).toFixed(1)}%) on ${sheets.length} sheets; ${wrong.length} used wrongly.`);
    if (missed.length) console.log(`Not read as a person would:\n  ${missed.join('\n  ')}`);
    expect(wrong).toEqual([]);
    expect(share).toBeGreaterThanOrEqual(0.95);
  });

  it('finds the officer’s category column under each team’s name for it, and reads its values', () => {
    for (const { sheet, plan } of results) {
      if (!plan.ok) continue;
      const heading = sheet.columns.find((c) => c.is === 'officer-category')?.heading;
      expect(plan.value.columns.roles['officer-category']?.header, sheet.name).toBe(heading);
      expect(plan.value.officerCategory?.misfits, sheet.name).toEqual([]);
      expect(plan.value.rows.every((r) => r.officerCategory?.category !== undefined), sheet.name).toBe(true);
    }
  });

  it('reads identity columns: school, URN or DfE number, officer, head', () => {
    for (const { sheet, plan } of results) {
      if (!plan.ok) continue;
      for (const [i, c] of sheet.columns.entries()) {
        if (!['school', 'urn', 'school-id', 'officer', 'head', 'head-email', 'phase', 'data-date'].includes(c.is)) continue;
        expect(plan.value.columns.roles[c.is as 'school']?.letter, `${sheet.name}: ${c.heading}`).toBe(columnLetters(i));
      }
    }
  });

  it('keeps the section rows and a repeated header out of the schools', () => {
    const section = results.find((r) => r.sheet.name.includes('Secondary section'));
    expect(section?.plan.ok && section.plan.value.rows.length).toBe(24);
    expect(section?.plan.ok && section.plan.value.skipped.map((s) => s.reason)).toEqual(['section', 'header']);
  });

  it('reads the data date from the title rows, a term, or the data-date column', () => {
    const dates = results.map(({ sheet, g, plan }) =>
      plan.ok ? findDataDate(g, { headerRow: plan.value.headerRow, dataDates: plan.value.rows.map((r) => r.dataDate), fileDate: '2026-11-20' }) : undefined,
    );
    const by = (name: string) => dates[results.findIndex((r) => r.sheet.name.startsWith(name))];
    expect(by('Southwark: officer wording')).toMatchObject({ date: '2026-11-01', source: 'title' });
    expect(by('Cambridgeshire: support level')).toMatchObject({ date: '2026-11-03', source: 'title' });
    expect(by('Camden: CPP')).toMatchObject({ date: '2026-09-01', source: 'title', precision: 'term', text: 'Autumn 2026' });
    expect(by('Southwark: per-row')).toMatchObject({ date: '2026-11-02', source: 'column' });
    expect(by('Tri-borough: lead')).toMatchObject({ date: '2026-11-20', source: 'file' });
    expect(by('Reading: LA-style')).toMatchObject({ date: '2026-04-01', source: 'title', text: 'Summer 2026' });
  });
});

describe('never silently misread', () => {
  const reading = frameworkOf('reading');
  const rows = (n: number, f: (i: number) => CellValue[]) => Array.from({ length: n }, (_, i) => f(i));

  it('a column of Outstanding / Good / RI is an Ofsted grade whatever its heading', () => {
    const g = [['School', 'URN', 'Where we think they are'], ...rows(6, (i) => [`S${i}`, urn(i), ofstedShort(i)])];
    const plan = planSheet(g, { framework: reading, today: '2026-11-24' });
    const a = plan.ok ? plan.value.columns.accounts[2] : undefined;
    expect(a).toMatchObject({ status: 'indicator', target: 'ofsted-grade', confidence: 'medium', matchedBy: 'values' });
    expect(a?.evidence).toMatch(/read as Ofsted grades/);
  });

  it('attendance-sized values under a PA heading are listed to confirm, not rated as PA', () => {
    const g = [['School', 'URN', 'PA %', 'Ofsted'], ...rows(8, (i) => [`S${i}`, urn(i), att(i), ofsted(i)])];
    const plan = planSheet(g, { framework: reading, today: '2026-11-24' });
    if (!plan.ok) throw new Error(plan.error.message);
    const a = plan.value.columns.accounts[2];
    expect(a).toMatchObject({ status: 'confirm', confidence: 'low' });
    expect(a?.evidence).toMatch(/^heading 'PA %' ~ persistent absence; but values 9[0-9.]+–9[0-9.]+% are not the size of persistent absence; they look like attendance/);
    expect(plan.value.columns.indicators.map((c) => c.indicatorId)).toEqual(['ofsted-grade']);
    expect(plan.value.columns.unmapped.map((c) => c.letter)).toEqual(['C']);
  });

  it('gives the evidence for a heading match: heading words and values', () => {
    const g = [['School', 'PA %'], ...rows(6, (i) => [`S${i}`, pa(i)])];
    const plan = planSheet(g, { framework: reading, today: '2026-11-24' });
    expect(plan.ok && plan.value.columns.indicators[0]).toMatchObject({
      indicatorId: 'persistent-absence',
      confidence: 'high',
      evidence: "heading 'PA %' ~ persistent absence; values 9–29%",
    });
  });

  it('a notes-like heading over Ofsted words is listed to confirm, not dropped', () => {
    const g = [['School', 'URN', 'Last visit outcome'], ...rows(6, (i) => [`S${i}`, urn(i), ofstedShort(i)])];
    const plan = planSheet(g, { framework: reading, today: '2026-11-24' });
    expect(plan.ok && plan.value.columns.accounts[2]).toMatchObject({ status: 'confirm', target: 'ofsted-grade' });
  });

  it('Y/N values alone are never enough: an unknown heading stays unknown, with suggestions', () => {
    const g = [['School', 'URN', 'Ofsted', 'Visited this term?'], ...rows(6, (i) => [`S${i}`, urn(i), ofsted(i), yn(i)])];
    const plan = planSheet(g, { framework: reading, today: '2026-11-24' });
    expect(plan.ok && plan.value.columns.accounts[3]).toMatchObject({ status: 'unknown' });
  });

  it('judgement words under a percentage heading are listed to confirm, not rated', () => {
    const g = [['School', 'URN', 'Attendance'], ...rows(6, (i) => [`S${i}`, urn(i), judgement(i)])];
    const plan = planSheet(g, { framework: reading, today: '2026-11-24' });
    expect(plan.ok && plan.value.columns.accounts[2]).toMatchObject({ status: 'confirm' });
    expect(plan.ok && plan.value.columns.accounts[2]?.evidence).toMatch(/are not percentages/);
  });

  it('the sheet config confirms a column to confirm', () => {
    const g = [['School', 'URN', 'Absence (PA) %', 'Ofsted'], ...rows(6, (i) => [`S${i}`, urn(i), pa(i), ofsted(i)])];
    const plan = planSheet(g, { framework: reading, today: '2026-11-24', columns: { C: 'persistent-absence' } });
    expect(plan.ok && plan.value.columns.accounts[2]).toMatchObject({ status: 'indicator', target: 'persistent-absence', confidence: 'confirmed', matchedBy: 'mapping' });
  });

  it('an officer column in another LA’s words is reported as misfits, and detection says which framework fits', () => {
    const g = [['School', 'URN', 'Ofsted', 'LA category'], ...rows(8, (i) => [`S${i}`, urn(i), ofsted(i), pick('A', 'B', 'C', 'D')(i)])];
    const plan = planSheet(g, { framework: reading, today: '2026-11-24' });
    expect(plan.ok && plan.value.officerCategory?.misfits).toEqual([
      { raw: 'A', rows: 2 },
      { raw: 'B', rows: 2 },
      { raw: 'D', rows: 2 },
    ]);
    const choice = detectFramework(g, builtInFrameworks);
    expect(choice.ok && choice.value.framework.id).toBe('southwark');
    expect(choice.ok && choice.value.reason).toMatch(/holds A, B, C, D: all 8 are Southwark .* categories \(next best: Reading .*, 2 of 8\)/);
  });

  it('with no category column, detection says it could not tell', () => {
    const g = [['School', 'URN', 'Ofsted'], ...rows(4, (i) => [`S${i}`, urn(i), ofsted(i)])];
    const choice = detectFramework(g, builtInFrameworks);
    expect(choice.ok && choice.value.fromSheet).toBe(false);
    expect(choice.ok && choice.value.reason).toMatch(/no officer's category column/);
  });
});
