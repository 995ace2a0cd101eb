/**
 * Letters: each seed trigger gives its letter with the reason, and the .docx draft opens (parsed
 * back with jszip) with the school's name and the seed's reasons in it.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { makeCalendar } from '../../core/calendar/index.js';
import { CAMBRIDGESHIRE_TRIGGERS, draftLetter, suggestLetters, type IndicatorFact, type LetterFacts } from '../../core/letters/index.js';
import { letterDocx } from '../../letters/docx.js';

const school = { name: 'Fenland Primary School', urn: '110123', head: 'Ms Ada Okafor', officer: 'Sam Patel' };
const ind = (id: string, label: string, rag: IndicatorFact['rag'], display: string): IndicatorFact => ({ id, label, rag, display });
const cambs = (indicators: IndicatorFact[], ofsted?: LetterFacts['ofsted']): LetterFacts => ({ frameworkId: 'cambridgeshire', school, indicators, ...(ofsted ? { ofsted } : {}) });
const kinds = (facts: LetterFacts) => suggestLetters(facts).map((s) => s.kind);

/** The text of a .docx's body: every w:t run, joined. */
async function docxText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(' ').replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

describe('letter triggers (Cambridgeshire 004 "LETTERS TO SCHOOLS")', () => {
  const concerns = CAMBRIDGESHIRE_TRIGGERS['significant-concerns'];
  const cases: [string, LetterFacts, string][] = [
    ['declining trend', cambs([ind('data-trend', 'Data trend', 'R', 'declining')]), 'Risk assessment confirms a declining trend in pupil performance'],
    ['safeguarding', cambs([ind('safeguarding', 'Safeguarding', 'R', 'not met')]), 'Safeguarding Concerns'],
    ['finances', cambs([ind('finance', 'Finance', 'R', 'deficit')]), 'Management of the Schools Finances'],
    ['leadership capacity', cambs([ind('leadership', 'Leadership', 'R', 'weak')]), "Leadership does not have the capacity to address the school's problems in a timely manner"],
    ['governance', cambs([ind('governance', 'Governance', 'R', 'ineffective')]), 'There are concerns that the Governing Body is not effective in holding the school to account'],
    ['a drop in Ofsted rating', cambs([], { previous: 2, current: 3 }), 'A drop in Ofsted rating'],
    ['a combination of concerns (two red)', cambs([ind('complaints', 'Complaints', 'R', '5'), ind('attendance', 'Attendance', 'R', '89.0%')]), concerns[6]!.text],
    ['a combination of concerns (three amber)', cambs([ind('complaints', 'Complaints', 'A', '2'), ind('attendance', 'Attendance', 'A', '93.0%'), ind('behaviour', 'Behaviour', 'A', 'some concerns')]), concerns[6]!.text],
    ['teaching quality', cambs([ind('quality-of-education', 'Quality of education', 'R', 'weak')]), concerns[8]!.text],
    ['self-evaluation', cambs([ind('self-evaluation', 'Self-evaluation', 'R', 'inaccurate')]), concerns[9]!.text],
  ];
  it.each(cases)('%s gives a significant concerns letter with that reason', (_what, facts, trigger) => {
    const s = suggestLetters(facts).find((x) => x.kind === 'significant-concerns');
    expect(s?.reasons.map((r) => r.trigger)).toContain(trigger);
  });

  it('two amber concerns are not a "combination", nor is amber safeguarding a significant concern', () => {
    expect(kinds(cambs([ind('complaints', 'Complaints', 'A', '2'), ind('attendance', 'Attendance', 'A', '94.2%')]))).toEqual([]);
    expect(kinds(cambs([ind('safeguarding', 'Safeguarding', 'A', 'some concerns')]))).toEqual([]);
  });

  it('congratulations: an improved or sustained good Ofsted grade, or a significant improvement in performance', () => {
    const improved = suggestLetters(cambs([], { previous: 3, current: 2 }));
    expect(improved.map((s) => s.kind)).toEqual(['congratulations']);
    expect(improved[0]!.reasons[0]!.evidence).toBe('Ofsted: improved from requires improvement (3) to good (2)');
    expect(kinds(cambs([], { previous: 1, current: 1 }))).toEqual(['congratulations']);
    expect(kinds(cambs([ind('data-trend', 'Data trend', 'G', 'improving')]))).toEqual(['congratulations']);
    expect(kinds(cambs([], { previous: 3, current: 3 }))).toEqual([]);
  });

  it('warning notice: at risk of serious weaknesses or special measures; a breakdown in leadership', () => {
    expect(kinds(cambs([ind('inspection-risk', 'Inspection risk', 'R', 'high')]))).toEqual(['warning-notice']);
    const breakdown = suggestLetters(cambs([ind('leadership', 'Leadership', 'R', 'weak'), ind('staffing-stability', 'Staffing stability', 'R', 'high turnover')]));
    const notice = breakdown.find((s) => s.kind === 'warning-notice')!;
    expect(notice.reasons[0]!.evidence).toBe('Leadership: weak (red); Staffing stability: high turnover (red)');
    // Weak leadership alone is a significant concern, not yet a warning notice.
    expect(kinds(cambs([ind('leadership', 'Leadership', 'R', 'weak')]))).toEqual(['significant-concerns']);
  });

  it('lists the seed bullets it cannot check rather than ignoring them', () => {
    const s = suggestLetters(cambs([ind('safeguarding', 'Safeguarding', 'R', 'not met')]))[0]!;
    expect(s.unchecked).toContain('There are consistently wide attainment/progress gaps between disadvantaged pupils and their peers');
  });

  it('Reading: a change into category R, or out of intervention, suggests the category letter', () => {
    const reading = (from: string, to: string): LetterFacts => ({
      frameworkId: 'reading',
      school,
      indicators: [],
      category: { previous: { code: from, label: from === 'G' ? 'Strengthening Good' : 'Raising Achievement' }, current: { code: to, label: to === 'G' ? 'Strengthening Good' : 'Raising Achievement' } },
    });
    expect(suggestLetters(reading('G', 'R'))[0]!.reasons[0]!.trigger).toBe('The school is placed in LA intervention (category R or C)');
    expect(suggestLetters(reading('R', 'G'))[0]!.reasons[0]!.trigger).toBe('The school exits LA intervention');
    expect(suggestLetters(reading('G', 'G'))).toEqual([]);
    // Into intervention: the RAP process; out of it: reduced support.
    const into = draftLetter('category-change', reading('G', 'R'), { date: '2027-01-11' });
    expect(into.ok && into.value.actions.join(' ')).toContain('Raising Achievement Plan');
    const out = draftLetter('category-change', reading('R', 'G'), { date: '2027-01-11' });
    expect(out.ok && out.value.paragraphs[0]).toBe('I am writing to confirm that the Head of Education has approved the removal of Fenland Primary School from LA intervention.');
    expect(out.ok && out.value.actions.join(' ')).not.toContain('Raising Achievement Plan');
    // Cambridgeshire's letters are not Reading's.
    expect(draftLetter('significant-concerns', reading('G', 'R'), { date: '2027-01-11' })).toEqual({
      ok: false,
      error: 'the reading framework has no significant-concerns letter; its letters are: category-change',
    });
  });
});

describe('letter drafts as .docx', () => {
  it('the significant concerns letter opens with the school, the reasons and the draft notice', async () => {
    const facts = cambs([ind('safeguarding', 'Safeguarding', 'R', 'not met'), ind('finance', 'Finance', 'R', 'deficit budget')]);
    const draft = draftLetter('significant-concerns', facts, { date: '2027-01-11', authority: 'Cambridgeshire County Council' });
    expect(draft.ok).toBe(true);
    if (!draft.ok) return;
    const bytes = await letterDocx(draft.value);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const text = await docxText(bytes);
    expect(text).toContain('Fenland Primary School');
    expect(text).toContain('Safeguarding Concerns: Safeguarding: not met (red)');
    expect(text).toContain('Management of the Schools Finances: Finance: deficit budget (red)');
    expect(text).toContain('This letter directs the governing body to take the specified actions');
    expect(text).toContain('11 January 2027');
    expect(text).toContain('Not sent to the school by Waymark');
  });

  it('the warning notice states its compliance period, counted over Christmas', async () => {
    const facts = cambs([ind('inspection-risk', 'Inspection risk', 'R', 'high')]);
    const draft = draftLetter('warning-notice', facts, { date: '2026-12-14', calendar: makeCalendar() });
    if (!draft.ok) throw new Error(draft.error);
    const text = await docxText(await letterDocx(draft.value));
    expect(text).toContain('begins with 14 December 2026');
    expect(text).toContain('ends on 7 January 2027, 15 working days following that day');
    expect(text).toContain('School is at risk of being put in Serious Weaknesses or Special Measures: Inspection risk: high (red)');
  });

  it('refuses a letter no trigger calls for, unless the officer insists', () => {
    const facts = cambs([ind('safeguarding', 'Safeguarding', 'G', 'met')]);
    const refused = draftLetter('significant-concerns', facts, { date: '2027-01-11' });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toMatch(/^no reason for a significant concerns letter to Fenland Primary School/);
    expect(draftLetter('significant-concerns', facts, { date: '2027-01-11', force: true }).ok).toBe(true);
  });
});
