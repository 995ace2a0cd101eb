import { describe, expect, it } from 'vitest';
import { cambridgeshire } from './builtin/cambridgeshire.js';
import { camden } from './builtin/camden.js';
import { reading } from './builtin/reading.js';
import { southwark } from './builtin/southwark.js';
import { triborough } from './builtin/triborough.js';
import { builtInFrameworks, getFramework } from './index.js';
import { indicatorLibrary } from './library.js';
import { frameworkSchema, type Framework, type Indicator, type Rag } from './schema.js';

const byId = (id: string): Framework => {
  const r = getFramework(id);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

const score: Record<Rag, number> = { G: 0, A: 1, R: 2 };

/**
 * The category rule as documented in schema.ts, written out here so the cut-offs and
 * overrides can be checked against what the seeds intend: best fit index = number of
 * cut-offs at or below the weighted mean; each override raises it to at least its category.
 */
function suggest(framework: Framework, rag: (indicator: Indicator) => Rag): string {
  const { indicators, categories, categoryRule } = framework;
  const weight = indicators.reduce((sum, i) => sum + i.weight, 0);
  const mean = indicators.reduce((sum, i) => sum + score[rag(i)] * i.weight, 0) / weight;
  let index = categoryRule.cutoffs.filter((c) => c <= mean).length;
  for (const o of categoryRule.overrides) {
    const hit = o.anyOf.some((c) => {
      const indicator = indicators.find((i) => i.id === c.indicator);
      return indicator !== undefined && score[rag(indicator)] >= score[c.rag];
    });
    if (hit) index = Math.max(index, categories.findIndex((c) => c.code === o.atLeast));
  }
  return categories[index]?.code ?? '?';
}

const only = (ratings: Record<string, Rag>) => (i: Indicator): Rag => ratings[i.id] ?? 'G';

describe('built-in frameworks', () => {
  it('are the five seeds, in order', () => {
    expect(builtInFrameworks.map((f) => f.id)).toEqual(['reading', 'southwark', 'cambridgeshire', 'camden', 'triborough']);
  });

  it.each([reading, southwark, cambridgeshire, camden, triborough].map((f) => [f.id, f] as const))(
    '%s passes the framework schema',
    (_id, input) => {
      const parsed = frameworkSchema.safeParse(input);
      expect(parsed.success, JSON.stringify(parsed.error?.issues, null, 1)).toBe(true);
    },
  );

  it('have the category codes of the seeds, best to worst', () => {
    const codes = Object.fromEntries(builtInFrameworks.map((f) => [f.id, f.categories.map((c) => c.code)]));
    expect(codes).toEqual({
      reading: ['S', 'G', 'R', 'C'],
      southwark: ['A', 'B', 'C', 'D'],
      cambridgeshire: ['Low', 'Medium', 'High'],
      camden: ['universal', 'specific-project-board', 'watching-brief', 'targeted-project-board', 'improvement-project-board'],
      triborough: ['outstanding', 'good', 'requires-improvement', 'inadequate'],
    });
  });

  it('use the Camden labels of Appendix E', () => {
    expect(byId('camden').categories.map((c) => c.label)).toEqual([
      'Universal offer',
      'Specific Project Board',
      'Watching Brief',
      'Targeted Project Board',
      'Improvement (intensive) Project Board',
    ]);
  });

  it('know the ways Reading officers write their categories', () => {
    const s = byId('reading').categories[0];
    expect(s?.aliases).toEqual(expect.arrayContaining(['LA1', 'Cat S', 'System Leaders']));
  });

  it.each(builtInFrameworks.map((f) => [f.id, f] as const))('%s names its seed and has light, distinct colours', (_id, f) => {
    expect(f.source).toMatch(/^shared\/seeds\/00\d_[0-9a-f]+\.txt \(.+\)$/);
    const colours = f.categories.map((c) => c.colour);
    expect(new Set(colours).size).toBe(colours.length);
    for (const colour of colours) {
      // Light fills, readable with black text: relative luminance well above mid-grey.
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16) / 255) as [number, number, number];
      expect(0.2126 * r + 0.7152 * g + 0.0722 * b, colour).toBeGreaterThan(0.6);
    }
    expect(colours[0]).toMatch(/^#[A-C]/); // a green first
    expect(colours.at(-1)).toBe('#FFC7CE'); // a red last
  });

  it.each(builtInFrameworks.map((f) => [f.id, f] as const))(
    '%s picks its indicators from the library, critical ones weighing 2',
    (_id, f) => {
      for (const indicator of f.indicators) {
        expect(Object.keys(indicatorLibrary), indicator.id).toContain(indicator.id);
        expect(indicator.weight, indicator.id).toBe(indicator.critical ? 2 : 1);
        expect(indicator.description, indicator.id).toBeTruthy();
      }
      expect(f.categoryRule.minRated).toBe(3);
    },
  );

  it('mark critical what the seeds make critical', () => {
    const critical = Object.fromEntries(
      builtInFrameworks.map((f) => [f.id, f.indicators.filter((i) => i.critical).map((i) => i.id).sort()]),
    );
    expect(critical).toEqual({
      reading: ['below-floor', 'ofsted-grade', 'safeguarding'],
      southwark: ['governance', 'leadership', 'ofsted-grade', 'quality-of-education', 'safeguarding'],
      cambridgeshire: ['ofsted-grade', 'safeguarding', 'significant-concerns-letter', 'substantive-head', 'warning-notice'],
      camden: ['ofsted-grade', 'safeguarding'],
      triborough: ['behaviour', 'below-floor', 'leadership', 'ofsted-grade', 'quality-of-education', 'safeguarding'],
    });
  });
});

describe('best-fit cut-offs', () => {
  describe.each(builtInFrameworks.map((f) => [f.id, f] as const))('%s', (_id, f) => {
    const codes = f.categories.map((c) => c.code);

    it('puts an all-green school in the best category', () => {
      expect(suggest(f, () => 'G')).toBe(codes[0]);
    });

    it('puts an all-red school in the worst category', () => {
      expect(suggest(f, () => 'R')).toBe(codes.at(-1));
    });

    it('puts a mostly green school with one or two ambers in the second category (before overrides)', () => {
      const bestFit = { ...f, categoryRule: { ...f.categoryRule, overrides: [] } };
      for (const a of f.indicators) {
        expect(suggest(bestFit, only({ [a.id]: 'A' })), a.id).toBe(codes[1]);
        for (const b of f.indicators) {
          if (a.id !== b.id) expect(suggest(bestFit, only({ [a.id]: 'A', [b.id]: 'A' })), `${a.id}+${b.id}`).toBe(codes[1]);
        }
      }
    });

    it('puts an all-amber school below the second category', () => {
      expect(codes.indexOf(suggest(f, () => 'A'))).toBeGreaterThan(1);
    });
  });
});

/** [category at least, indicator, rag at least], exactly as the brief reads the seeds. */
const expectedOverrides: Record<string, [string, string, 'A' | 'R'][]> = {
  southwark: [
    ['D', 'leadership', 'R'],
    ['D', 'governance', 'R'],
    ['D', 'safeguarding', 'R'],
    ['D', 'ofsted-grade', 'R'],
    ['C', 'ofsted-grade', 'A'],
    ['B', 'new-head', 'A'],
  ],
  cambridgeshire: [
    ['High', 'safeguarding', 'R'],
    ['High', 'warning-notice', 'R'],
    ['High', 'significant-concerns-letter', 'R'],
    ['High', 'substantive-head', 'R'],
    ['High', 'ofsted-grade', 'R'],
    ['Medium', 'ofsted-grade', 'A'],
    ['Medium', 'new-head', 'A'],
    ['Medium', 'safeguarding', 'A'],
  ],
  reading: [
    ['C', 'safeguarding', 'R'],
    ['C', 'ofsted-grade', 'R'],
    ['C', 'below-floor', 'R'],
    ['R', 'ofsted-grade', 'A'],
    ['R', 'new-head', 'A'],
  ],
  camden: [
    ['improvement-project-board', 'ofsted-grade', 'A'],
    ['targeted-project-board', 'safeguarding', 'R'],
    ['specific-project-board', 'attendance', 'R'],
    ['specific-project-board', 'finance', 'R'],
    ['specific-project-board', 'governance', 'R'],
    ['specific-project-board', 'complaints', 'R'],
  ],
  triborough: [
    ['inadequate', 'ofsted-grade', 'R'],
    ['inadequate', 'safeguarding', 'R'],
    ['inadequate', 'behaviour', 'R'],
    ['inadequate', 'leadership', 'R'],
    ['inadequate', 'quality-of-education', 'R'],
    ['inadequate', 'below-floor', 'R'],
    ['requires-improvement', 'ofsted-grade', 'A'],
  ],
};

describe('overrides', () => {
  describe.each(Object.entries(expectedOverrides))('%s', (id, expected) => {
    const f = byId(id);

    it('has exactly the overrides the seed states', () => {
      expect(f.categoryRule.overrides).toHaveLength(expected.length);
    });

    it.each(expected)('at least %s when %s is %s, and it moves a green school there', (atLeast, indicator, rag) => {
      const found = f.categoryRule.overrides.find(
        (o) => o.atLeast === atLeast && o.anyOf.some((c) => c.indicator === indicator && c.rag === rag),
      );
      expect(found).toBeDefined();
      expect(found?.reason).toMatch(/^[a-z]/);
      expect(found?.source).toBeTruthy();
      expect(f.indicators.map((i) => i.id)).toContain(indicator);
      expect(suggest(f, only({ [indicator]: rag }))).toBe(atLeast);
    });

    it('names only real indicators and categories', () => {
      for (const o of f.categoryRule.overrides) {
        expect(f.categories.map((c) => c.code)).toContain(o.atLeast);
        for (const c of o.anyOf) expect(f.indicators.map((i) => i.id)).toContain(c.indicator);
      }
    });
  });

  it('never lowers a best fit (atLeast semantics)', () => {
    const f = byId('southwark');
    expect(suggest(f, (i) => (i.id === 'new-head' ? 'A' : 'R'))).toBe('D');
  });

  it('treat an Ofsted R as at least as bad as the A condition (Camden grade 3 or worse)', () => {
    expect(suggest(byId('camden'), only({ 'ofsted-grade': 'R' }))).toBe('improvement-project-board');
  });

  it('let Cambridgeshire read the first year of headship from a start date too', () => {
    expect(suggest(byId('cambridgeshire'), only({ 'head-start-date': 'A' }))).toBe('Medium');
  });
});

describe('meetings', () => {
  const meeting = (frameworkId: string, meetingId: string) => {
    const m = byId(frameworkId).meetings.find((x) => x.id === meetingId);
    if (!m) throw new Error(`no ${meetingId} in ${frameworkId}`);
    return m;
  };

  it('Reading: RAP review meeting for R and C, with the seed\u2019s deadlines', () => {
    const rap = meeting('reading', 'rap');
    expect(rap.forCategories).toEqual(['R', 'C']);
    expect(rap.chair).toBe('Strategic Lead for School Improvement or Head of Education');
    expect(rap.members).toEqual(['Headteacher', 'Deputy Headteacher (where agreed by the head)', 'Chair of Governors', 'SPA']);
    expect(rap.purposes).toHaveLength(5);
    expect(rap.purposes).toContain('Celebrate success');
    expect(rap.agenda.length).toBeGreaterThanOrEqual(4);
    expect(rap.deadlines).toEqual({
      agenda: 10,
      'evidence-request': 10,
      'evidence-reminder': 7,
      'evidence-due': 5,
      escalation: 4,
      minutes: 10,
    });
    expect(rap.afterwards.join(' ')).toMatch(/within 10 days/);
    expect(rap.afterwards.join(' ')).toMatch(/full Governing Body agenda/);
    expect(rap.source).toMatch(/no agenda/);
  });

  it('Cambridgeshire: confidential half-termly LAIG for High, five key points shared after', () => {
    const laig = meeting('cambridgeshire', 'laig');
    expect(laig.forCategories).toEqual(['High']);
    expect(laig.cadence).toMatch(/half-termly/i);
    expect(laig.confidential).toBe(true);
    expect(laig.members.join(' ')).toMatch(/working with the school/);
    expect(laig.afterwards).toEqual(['The summary 5 key points shared with the whole governing body after each LAIG']);
  });

  it('Camden: project board agendas verbatim, numbered in order', () => {
    const initial = meeting('camden', 'project-board-initial');
    const subsequent = meeting('camden', 'project-board-subsequent');
    expect(initial.agenda).toEqual([
      'Chair to define purpose of the meeting',
      'Agree the end of year outcomes',
      'Initial actions taken by senior and middle leaders and school development planning',
      'Initial actions taken by governors',
      'Support from Camden Learning and other partners & plan for brokered support',
      'Identify follow up actions with dates',
      'Dates of Future Meetings',
    ]);
    expect(subsequent.agenda).toEqual([
      'Chair to define purpose of the meeting',
      'School to present report on progress against outcomes and any contextual changes',
      'CPP to report on progress towards outcomes (see key below)',
      'Chair of Governors to report on any additional board actions',
      'Impact of support offered and any next steps/revision of support',
      'Identify follow up actions with dates',
      'Chair to outline overall progress against agreed priorities and risk of not meeting them fully by the end of the academic year (see key below)',
      'Dates of Future Meetings',
    ]);
    for (const m of [initial, subsequent]) {
      expect(m.members).toEqual(['Chair (CEO of Camden Learning or senior nominee)', 'Headteacher', 'Chair of Governors', 'CPP']);
      expect(m.forCategories).toContain('improvement-project-board');
    }
    expect(subsequent.cadence).toMatch(/half-termly.*termly once .*sustained/i);
    expect(subsequent.purposes.join(' ')).toMatch(/report template completed before the meeting/);
  });

  it('Southwark: termly progress review for C and D, up to 3 dedicated contact points', () => {
    const review = meeting('southwark', 'progress-review');
    expect(review.forCategories).toEqual(['C', 'D']);
    expect(review.name).toMatch(/TRIP|Targeted Rapid Improvement/);
    expect(review.cadence).toMatch(/termly/i);
    expect(review.cadence).toMatch(/up to 3 dedicated contact points/);
  });

  it('Tri-borough: steering group for requires improvement and inadequate, agenda from 5.20', () => {
    const group = meeting('triborough', 'steering-group');
    expect(group.forCategories).toEqual(['requires-improvement', 'inadequate']);
    expect(group.cadence).toMatch(/as set/i);
    expect(group.agenda.join(' ')).toMatch(/formal warning notice/);
    expect(group.source).toMatch(/5\.20/);
  });

  it('say so in the source wherever the agenda is Waymark\u2019s own', () => {
    for (const [f, m] of [
      ['reading', 'rap'],
      ['cambridgeshire', 'laig'],
      ['southwark', 'progress-review'],
      ['triborough', 'steering-group'],
    ] as const) {
      expect(meeting(f, m).source, `${f}/${m}`).toMatch(/gives no agenda/);
    }
  });
});
