/**
 * How often each framework's seed says schools are visited and categories reviewed, as data
 * kept beside (not inside) the framework definitions. Keys are framework ids and category codes.
 */
export type Every = 'month' | 'half-term' | 'term' | 'year';

export interface CadenceRule {
  readonly every: Every;
  /** The seed and section. */
  readonly seed: string;
  /** The seed's words, quoted. */
  readonly quote: string;
}

/** School improvement visits by category (Cambridgeshire: by level of support). */
export const VISIT_CADENCE: Readonly<Record<string, Readonly<Record<string, CadenceRule>>>> = {
  cambridgeshire: {
    High: { every: 'month', seed: '004 Cambridgeshire, "High level of support"', quote: 'These schools will receive support from a School Improvement Adviser and will be visited monthly (as a minimum).' },
    Medium: { every: 'half-term', seed: '004 Cambridgeshire, "Medium level of support offered"', quote: 'These schools will receive half termly visits from a School Improvement Adviser and can access English and Maths support.' },
    Low: { every: 'term', seed: '004 Cambridgeshire, "Low level of support offered"', quote: 'These schools will be visited once a term.' },
  },
};

/** Reviews of every school's category or direction of travel. */
export const REVIEW_POINTS: Readonly<Record<string, CadenceRule>> = {
  reading: { every: 'term', seed: '001 Reading, "Categorisation"', quote: 'On three occasions each year officers of the LA meet to discuss the categorisation of schools.' },
  cambridgeshire: { every: 'term', seed: '004 Cambridgeshire, "Categorisation"', quote: 'School ratings may change during the year, so direction of travel is monitored carefully on at least a termly basis.' },
};
