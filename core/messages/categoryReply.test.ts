import { describe, expect, it } from 'vitest';
import { getFramework } from '../frameworks/index.js';
import type { SchoolRecord } from '../schools/types.js';
import { categoryReply, chooseSchoolReply, longDate, notFoundReply, refusalReply } from './categoryReply.js';
import { withNotice, workbookNotice } from './workbookNotice.js';

const reading = getFramework('reading');
if (!reading.ok) throw new Error(reading.error);
const cat = (code: string) => {
  const c = reading.value.categories.find((x) => x.code === code);
  if (!c) throw new Error(code);
  return c;
};

const oakfield: SchoolRecord = {
  name: 'Oakfield Primary School',
  urn: '101234',
  phase: 'primary',
  officer: 'A. Patel',
  head: 'J. Head',
  headEmail: 'head@oakfield.example.sch.uk',
  category: { category: cat('R'), source: 'officer' },
  suggested: cat('G'),
  insufficientData: false,
  rationale: 'R: attendance 89.1% (red); KS2 RWM 48% (red)',
  indicators: [
    { label: 'Attendance', display: '89.1%', rag: 'R' },
    { label: 'KS2 RWM expected standard', display: '48%', rag: 'R' },
    { label: 'Safeguarding', display: 'effective', rag: 'G' },
    { label: 'Data trend', display: 'steady', rag: 'A' },
    { label: 'Governance', display: 'see notes' },
  ],
  dataDate: '2026-11-01',
  sheetRow: 5,
};

/** Every `text` in a card, in order. */
function texts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(texts);
  if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    const own = typeof o.text === 'string' ? [o.text] : [];
    const facts = Array.isArray(o.facts) ? (o.facts as { title: string; value: string }[]).map((f) => `${f.title}: ${f.value}`) : [];
    return [...own, ...facts, ...Object.entries(o).filter(([k]) => k !== 'facts').flatMap(([, v]) => texts(v))];
  }
  return [];
}

describe('longDate', () => {
  it('writes en-GB long dates', () => {
    expect(longDate('2026-11-01')).toBe('1 November 2026');
    expect(longDate('2027-02-28')).toBe('28 February 2027');
  });
});

describe('categoryReply', () => {
  const reply = categoryReply(oakfield);
  const words = texts(reply.card);

  it('is an Adaptive Card 1.5', () => {
    expect(reply.card).toMatchObject({ type: 'AdaptiveCard', version: '1.5', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json' });
  });

  it('names the category in text (code and label), not by colour only', () => {
    expect(words).toContain('R — Raising Achievement Schools');
    expect(words).toContain("Category: R — Raising Achievement Schools (officer's category; Waymark suggests G)");
  });

  it('lists each indicator with its value and its RAG in words', () => {
    const rows = JSON.stringify(reply.card);
    for (const [label, display, rag] of [
      ['Attendance', '89.1%', 'Red'],
      ['KS2 RWM expected standard', '48%', 'Red'],
      ['Safeguarding', 'effective', 'Green'],
      ['Data trend', 'steady', 'Amber'],
    ] as const) {
      expect(words).toContain(label);
      expect(words).toContain(display);
      expect(rows).toContain(JSON.stringify(rag));
    }
    // A value Waymark could not rate says so, in words rather than a colour.
    expect(words).toContain('see notes');
    expect(words).toContain('not read');
  });

  it('draws RAG words on the Teams container styles (good, warning, attention), never coloured text or hex', () => {
    const rows = JSON.stringify(reply.card);
    expect(rows).toContain('{"type":"Container","style":"warning","bleed":false,"items":[{"type":"TextBlock","text":"Amber"');
    expect(rows).toContain('"style":"attention"');
    expect(rows).toContain('"style":"good"');
    expect(rows).not.toMatch(/"color":"(Warning|Good|Attention)"/);
    expect(rows).not.toMatch(/#[0-9a-f]{6}/i);
  });

  it('offers the follow-up questions as buttons, and carries its text for notifications', () => {
    expect(reply.card?.actions?.map((a) => (a as { data: { ask: string } }).data.ask)).toEqual([
      'why is 101234 in that category?',
      'what would move 101234 up?',
      'history of 101234',
    ]);
    expect(reply.card?.fallbackText).toBe(reply.text);
  });

  it('gives the rationale, the named officer and the data date in en-GB', () => {
    expect(words).toContain(oakfield.rationale);
    expect(words).toContain('Officer: A. Patel');
    expect(words).toContain('Data as at: 1 November 2026');
  });

  it('has a plain-text summary for clients without cards', () => {
    expect(reply.text).toBe(
      "Oakfield Primary School (URN 101234): R — Raising Achievement Schools (officer's category; Waymark suggests G). " +
        'Why: R: attendance 89.1% (red); KS2 RWM 48% (red). Red: Attendance 89.1%; KS2 RWM expected standard 48%. ' +
        'Officer: A. Patel. Data as at 1 November 2026.',
    );
  });

  it('marks a suggestion as a suggestion', () => {
    const s = categoryReply({ ...oakfield, category: { category: cat('G'), source: 'suggested' } });
    expect(s.text).toContain('G — Strengthening Good Schools (suggested by Waymark; no officer category in the sheet)');
  });

  it('says when there is no category, and leaves out what the sheet lacks', () => {
    const { category: _c, suggested: _s, officer: _o, dataDate: _d, ...rest } = oakfield;
    const s = categoryReply({ ...rest, insufficientData: true, rationale: '', indicators: [] });
    expect(texts(s.card)).toContain('Insufficient data');
    expect(s.text).toBe('Oakfield Primary School (URN 101234): No category: insufficient data for a suggestion, and no officer category in the sheet.');
    expect(JSON.stringify(s.card)).not.toContain('Officer');
  });

  it('never carries the head or their e-mail', () => {
    const all = JSON.stringify(reply);
    expect(all).not.toContain('J. Head');
    expect(all).not.toContain('oakfield.example.sch.uk');
  });
});

describe('chooseSchoolReply', () => {
  const other = { ...oakfield, name: 'Oakfield Infant School', urn: '101240' };
  const reply = chooseSchoolReply('Oakfield', [oakfield, other]);

  it('lists the schools with their URNs', () => {
    expect(reply.text).toBe('Which school did you mean by "Oakfield"? Oakfield Primary School (URN 101234); Oakfield Infant School (URN 101240)');
  });

  it('gives a button per school that asks again by URN, as a plain Action.Submit (no msteams, which the Playground cannot send)', () => {
    const actions = reply.card?.actions as { type: string; title: string; data: Record<string, unknown> }[];
    expect(actions.map((a) => a.title)).toEqual(['Oakfield Primary School (URN 101234)', 'Oakfield Infant School (URN 101240)']);
    expect(actions.map((a) => a.type)).toEqual(['Action.Submit', 'Action.Submit']);
    expect(actions.map((a) => a.data)).toEqual([
      { waymark: 'ask', ask: 'category of 101234' },
      { waymark: 'ask', ask: 'category of 101240' },
    ]);
    expect(reply.card?.fallbackText).toBe(reply.text);
  });
});

describe('notFoundReply and refusalReply', () => {
  it('offers the closest names', () => {
    expect(notFoundReply('Oakfeld Juniors', [oakfield]).text).toBe('I couldn\'t find "Oakfeld Juniors". Closest: Oakfield Primary School.');
    expect(notFoundReply('zzz', []).text).toContain('6-digit URN');
    const other = (n: string, urn: string) => ({ ...oakfield, name: n, urn });
    const card = notFoundReply('Oak', [oakfield, other('Oak Hill', '101236'), other('Oaks', '101237'), other('Oakley', '101238')]).card;
    expect(card?.actions).toEqual([
      { type: 'Action.Submit', title: 'Oakfield Primary School', data: { waymark: 'ask', ask: 'category of 101234' } },
      { type: 'Action.Submit', title: 'Oak Hill', data: { waymark: 'ask', ask: 'category of 101236' } },
      { type: 'Action.Submit', title: 'Oaks', data: { waymark: 'ask', ask: 'category of 101237' } },
    ]);
  });
  it('refuses without naming any school', () => {
    expect(refusalReply.text).toMatch(/^Sorry, I can only share/);
    expect(refusalReply.card).toBeUndefined();
  });
});

describe('workbookNotice', () => {
  // 14:02 and 09:15 London time (GMT in November).
  const failed = { at: new Date('2026-11-24T14:02:00Z'), reason: 'the file is not a readable .xlsx.' };
  it('says when and why, and which copy answers come from', () => {
    expect(workbookNotice(failed, new Date('2026-11-24T09:15:00Z'))).toBe(
      'The workbook could not be reloaded at 14:02: the file is not a readable .xlsx; answers use the copy loaded at 09:15.',
    );
  });
  it('uses London time in summer and names the day of an older copy', () => {
    expect(workbookNotice({ ...failed, at: new Date('2026-06-02T13:02:00Z') }, new Date('2026-06-01T08:15:00Z'))).toBe(
      'The workbook could not be reloaded at 14:02: the file is not a readable .xlsx; answers use the copy loaded at 09:15 on 1 June 2026.',
    );
  });
  it('says so when no copy was ever loaded', () => {
    expect(workbookNotice(failed, undefined)).toMatch(/^The workbook could not be loaded at 14:02: .*no school information/);
  });
  it('puts the notice on top of the text and the card', () => {
    const r = withNotice(categoryReply(oakfield), 'Notice.');
    expect(r.text.startsWith('Notice.\n\nOakfield Primary School')).toBe(true);
    expect(r.card?.body[0]).toMatchObject({ type: 'Container', style: 'warning', items: [{ type: 'TextBlock', text: 'Notice.' }] });
    expect(JSON.stringify(r.card)).not.toMatch(/"color":"Warning"/);
    expect(withNotice(refusalReply, undefined)).toBe(refusalReply);
  });
});
