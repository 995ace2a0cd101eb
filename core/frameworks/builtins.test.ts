import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cambridgeshire } from './builtin/cambridgeshire.js';
import { camden } from './builtin/camden.js';
import { reading } from './builtin/reading.js';
import { southwark } from './builtin/southwark.js';
import { triborough } from './builtin/triborough.js';
import { builtInFrameworks, getFramework } from './index.js';
import { indicatorLibrary } from './library.js';
import { frameworkSchema, type Framework } from './schema.js';

const byId = (id: string): Framework => {
  const r = getFramework(id);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

/** Where the seeds are, when this checkout sits beside them (the quotes are checked then). */
const seedsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/seeds');
// Markdown emphasis ("(xvii)**") and curly quotes are the conversion's, not the seed's words.
const squash = (text: string): string => text.replace(/[\u2018\u2019]/g, "'").replace(/\*/g, '').replace(/\s+/g, ' ').toLowerCase();

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
    // The legend and rationale cite the LA's document by name, never a file path.
    expect(f.source).toMatch(/^[A-Z][^/]+, (19|20)\d\d$/);
    expect(f.seedFile).toMatch(/^shared\/seeds\/00\d_[0-9a-f]+\.txt$/);
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

describe('seed rules', () => {
  describe.each(builtInFrameworks.map((f) => [f.id, f] as const))('%s', (_id, f) => {
    const codes = f.categories.map((c) => c.code);

    it('reaches every category by a rule of its own or the missing evidence of the one above, and asks evidence of the first', () => {
      codes.slice(1).forEach((code, i) => {
        const own = f.categoryRule.rules.some((r) => r.category === code && r.kind !== 'requirement');
        const fallen = f.categoryRule.rules.some((r) => r.kind === 'requirement' && r.category === codes[i]);
        expect(own || fallen, code).toBe(true);
      });
      expect(f.categoryRule.rules.some((r) => r.kind === 'requirement' && r.category === codes[0])).toBe(true);
    });

    it('gives every rule a quote, a section and plain words', () => {
      for (const r of f.categoryRule.rules) {
        expect(r.quote.length, r.summary).toBeGreaterThan(10);
        expect(r.section).toBeTruthy();
        expect(r.summary).toMatch(/^[a-z(]/);
      }
    });

    const file = f.seedFile ? path.join(seedsDir, path.basename(f.seedFile)) : '';
    it.skipIf(!existsSync(file))('quotes its seed word for word (an ellipsis marks a cut)', () => {
      const seed = squash(readFileSync(file, 'utf8'));
      const quotes = f.categoryRule.rules.flatMap((r) => [r.quote, ...(r.kind === 'best-fit' ? r.bullets.map((b) => b.quote) : [])]);
      for (const quote of quotes) {
        for (const part of quote.split(/\s*(?:\.\.\.|;)\s*/).filter((p) => p.length > 0)) {
          expect(seed.includes(squash(part)), part).toBe(true);
        }
      }
    });
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
