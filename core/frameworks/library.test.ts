import { describe, expect, it } from 'vitest';
import { normaliseHeading } from './aliases.js';
import { indicatorLibrary, libraryIndicatorIds, pickIndicator, type LibraryIndicatorId } from './library.js';
import { indicatorSchema } from './schema.js';

/** Headings the brief says officers use, each of which must name the indicator. */
const requiredHeadings: Partial<Record<LibraryIndicatorId, string[]>> = {
  'ofsted-grade': ['Ofsted', 'Ofsted grade', 'Ofsted judgement', 'Last Ofsted', 'Overall effectiveness', 'OE'],
  safeguarding: ['Safeguarding', 'Safeguarding effective', 'Statutory safeguarding', 'Safeguarding met'],
  leadership: ['Leadership', 'Leadership and management', 'L&M', 'Senior leadership', 'Leadership capacity'],
  governance: ['Governance'],
  'quality-of-education': ['QoE', 'Teaching', 'Teaching and learning', 'Curriculum'],
  behaviour: ['Behaviour and attitudes'],
  'personal-development': ['SMSC'],
  send: ['SEND provision', 'SEN'],
  attendance: ['Attendance', 'Overall attendance', 'Attendance %'],
  'persistent-absence': ['PA', 'Persistent absentees', 'Persistent absence 2024/25'],
  suspensions: ['Suspension rate', 'Exclusions', 'Fixed-term exclusions'],
  'ks2-rwm': ['KS2 RWM', 'RWM expected', 'KS2 combined'],
  'progress-8': ['P8'],
  'attainment-8': ['A8'],
  phonics: ['Y1 phonics'],
  gld: ['EYFS GLD', 'Good level of development'],
  'data-trend': ['Trend', '3-year trend', 'Direction of travel'],
  'below-floor': ['Below floor standard'],
  finance: ['Budget', 'Finance', 'Financial position'],
  'staffing-stability': ['Staffing'],
  'new-head': ['New head', 'New/interim head', 'New or interim headteacher'],
  'head-start-date': ['HT start date', 'Head appointed'],
  'substantive-head': ['Substantive head in post'],
  'self-evaluation': ['SEF'],
  'la-review': ['LA review outcome'],
  'hmi-monitoring': ['HMI monitoring'],
  siams: ['SIAMS'],
  'inspection-risk': ['Ofsted risk', 'Inspection risk'],
};

describe('indicatorLibrary', () => {
  it('has every indicator the frameworks need', () => {
    expect(libraryIndicatorIds).toEqual(
      expect.arrayContaining([
        ...Object.keys(requiredHeadings),
        'permanent-exclusions',
        'complaints',
        'warning-notice',
        'significant-concerns-letter',
      ]),
    );
  });

  it.each(libraryIndicatorIds)('%s passes the indicator schema under its own id', (id) => {
    const parsed = indicatorSchema.safeParse(indicatorLibrary[id]);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(indicatorLibrary[id].id).toBe(id);
  });

  it.each(Object.entries(requiredHeadings))('%s answers to the headings officers use', (id, headings) => {
    const indicator = indicatorLibrary[id as LibraryIndicatorId];
    const names = new Set([indicator.id, indicator.label, ...indicator.aliases].map(normaliseHeading));
    for (const heading of headings) expect(names, heading).toContain(normaliseHeading(heading));
  });

  it('gives each indicator the kind and rule the frameworks rely on', () => {
    const l = indicatorLibrary;
    expect(l['ofsted-grade']).toMatchObject({ kind: 'ofsted', rule: { type: 'ofsted' } });
    expect(l.siams).toMatchObject({ kind: 'ofsted', rule: { type: 'ofsted' } });
    expect(l.safeguarding).toMatchObject({ kind: 'judgement', rule: { type: 'judgement' } });
    expect(l['inspection-risk'].kind).toBe('judgement');
    expect(l.attendance).toMatchObject({ kind: 'percentage', rule: { direction: 'higher-is-better' } });
    expect(l['persistent-absence']).toMatchObject({ kind: 'percentage', rule: { direction: 'lower-is-better' } });
    expect(l.suspensions).toMatchObject({ kind: 'rate', rule: { direction: 'lower-is-better' } });
    expect(l['permanent-exclusions']).toMatchObject({ kind: 'count', rule: { direction: 'lower-is-better' } });
    expect(l.complaints).toMatchObject({ kind: 'count', rule: { direction: 'lower-is-better' } });
    expect(l['ks2-rwm'].kind).toBe('percentage');
    expect(l['progress-8'].kind).toBe('rate');
    expect(l['attainment-8'].kind).toBe('rate');
    expect(l.phonics.kind).toBe('percentage');
    expect(l.gld.kind).toBe('percentage');
    expect(l['data-trend']).toMatchObject({ kind: 'trend', rule: { type: 'trend' } });
    expect(l['below-floor'].rule).toEqual({ type: 'flag', yes: 'R', no: 'G' });
    expect(l['new-head'].rule).toEqual({ type: 'flag', yes: 'A', no: 'G' });
    expect(l['substantive-head'].rule).toEqual({ type: 'flag', yes: 'G', no: 'R' });
    expect(l['warning-notice'].rule).toEqual({ type: 'flag', yes: 'R', no: 'G' });
    expect(l['significant-concerns-letter'].rule).toEqual({ type: 'flag', yes: 'R', no: 'G' });
    expect(l['head-start-date']).toMatchObject({
      kind: 'date',
      rule: { type: 'recency', withinMonths: 12, within: 'A', otherwise: 'G' },
    });
    for (const id of ['finance', 'staffing-stability', 'self-evaluation', 'la-review', 'hmi-monitoring'] as const) {
      expect(l[id].kind, id).toBe('judgement');
    }
  });
});

describe('pickIndicator', () => {
  it('weighs critical indicators 2 and others 1', () => {
    expect(pickIndicator('safeguarding', { critical: true })).toMatchObject({ critical: true, weight: 2 });
    expect(pickIndicator('attendance')).toMatchObject({ critical: false, weight: 1 });
  });

  it('applies a framework\u2019s label, description and extra aliases to a copy', () => {
    const picked = pickIndicator('quality-of-education', {
      label: 'Quality of teaching',
      description: 'One of the four key aspects.',
      moreAliases: ['Teaching quality'],
    });
    expect(picked.label).toBe('Quality of teaching');
    expect(picked.aliases).toContain('Teaching quality');
    expect(indicatorLibrary['quality-of-education'].aliases).not.toContain('Teaching quality');
    expect(indicatorLibrary['quality-of-education'].label).toBe('Quality of education');
  });
});
