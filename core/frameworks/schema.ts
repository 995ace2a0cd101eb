import { z } from 'zod';

/**
 * The one schema that every framework passes: the five built in and any LA's own JSON file.
 * Built-ins are validated by it in a test, so a custom file can do all a built-in can.
 */

export const ragSchema = z.enum(['G', 'A', 'R']);
export type Rag = z.infer<typeof ragSchema>;

export const indicatorKinds = [
  'percentage',
  'count',
  'rate',
  'flag',
  'judgement',
  'ofsted',
  'trend',
  'date',
] as const;
export const indicatorKindSchema = z.enum(indicatorKinds);
export type IndicatorKind = z.infer<typeof indicatorKindSchema>;

export const areas = [
  'leadership-and-management',
  'governance',
  'quality-of-education',
  'outcomes',
  'behaviour-and-attendance',
  'personal-development',
  'safeguarding',
  'send',
  'finance-and-hr',
  'complaints',
] as const;
export const areaSchema = z.enum(areas);
export type Area = z.infer<typeof areaSchema>;

/** School phases a threshold may differ by (attendance is lower in secondary, say). */
export const phaseSchema = z.enum(['primary', 'secondary', 'special', 'all-through', 'nursery', 'pru']);
export type Phase = z.infer<typeof phaseSchema>;

const bandSchema = z
  .object({ green: z.number().finite(), amber: z.number().finite() })
  .strict();
export type Band = z.infer<typeof bandSchema>;

/**
 * Numbers: green when at least `green` (higher is better) or at most `green` (lower is
 * better), amber up to `amber`, red beyond.
 */
export const thresholdRuleSchema = z
  .object({
    type: z.literal('threshold'),
    direction: z.enum(['higher-is-better', 'lower-is-better']),
    green: z.number().finite(),
    amber: z.number().finite(),
    byPhase: z.partialRecord(phaseSchema, bandSchema).optional(),
    /** Where the default figures come from, e.g. a DfE statistics release. */
    source: z.string().min(1).optional(),
  })
  .strict()
  .superRefine((rule, ctx) => {
    const check = (band: Band, path: (string | number)[]) => {
      const wrongWay =
        rule.direction === 'higher-is-better' ? band.green < band.amber : band.green > band.amber;
      if (wrongWay) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: `with ${rule.direction}, green (${band.green}) must be ${
            rule.direction === 'higher-is-better' ? 'at least' : 'at most'
          } amber (${band.amber})`,
        });
      }
    };
    check(rule, ['green']);
    for (const [phase, band] of Object.entries(rule.byPhase ?? {})) {
      if (band) check(band, ['byPhase', phase, 'green']);
    }
  });

export const flagRuleSchema = z
  .object({ type: z.literal('flag'), yes: ragSchema, no: ragSchema })
  .strict();

/** Words such as effective / requires improvement / ineffective, or R/A/G typed in. */
export const judgementRuleSchema = z
  .object({
    type: z.literal('judgement'),
    positive: ragSchema.default('G'),
    mixed: ragSchema.default('A'),
    negative: ragSchema.default('R'),
  })
  .strict();

export const ofstedRuleSchema = z
  .object({
    type: z.literal('ofsted'),
    /** Legacy overall grades 1 (outstanding) to 4 (inadequate). */
    legacy: z
      .object({ '1': ragSchema, '2': ragSchema, '3': ragSchema, '4': ragSchema })
      .strict()
      .default({ '1': 'G', '2': 'G', '3': 'A', '4': 'R' }),
    /** Report-card grades (since November 2025), best first. */
    reportCard: z
      .object({
        exceptional: ragSchema,
        'strong-standard': ragSchema,
        'expected-standard': ragSchema,
        'needs-attention': ragSchema,
        'urgent-improvement': ragSchema,
      })
      .strict()
      .default({
        exceptional: 'G',
        'strong-standard': 'G',
        'expected-standard': 'G',
        'needs-attention': 'A',
        'urgent-improvement': 'R',
      }),
  })
  .strict();

export const trendRuleSchema = z
  .object({
    type: z.literal('trend'),
    improving: ragSchema.default('G'),
    stable: ragSchema.default('G'),
    declining: ragSchema.default('R'),
  })
  .strict();

/** A date indicator, e.g. a head's start date: `within` when fewer than N months ago. */
export const recencyRuleSchema = z
  .object({
    type: z.literal('recency'),
    withinMonths: z.number().int().positive(),
    within: ragSchema,
    otherwise: ragSchema,
  })
  .strict();

export const ragRuleSchema = z.discriminatedUnion('type', [
  thresholdRuleSchema,
  flagRuleSchema,
  judgementRuleSchema,
  ofstedRuleSchema,
  trendRuleSchema,
  recencyRuleSchema,
]);
export type RagRule = z.infer<typeof ragRuleSchema>;
export type ThresholdRule = z.infer<typeof thresholdRuleSchema>;

/** Which rule types make sense for which kind of value. */
export const rulesForKind: Record<IndicatorKind, readonly RagRule['type'][]> = {
  percentage: ['threshold'],
  count: ['threshold'],
  rate: ['threshold'],
  flag: ['flag'],
  judgement: ['judgement'],
  ofsted: ['ofsted'],
  trend: ['trend'],
  date: ['recency'],
};

const idSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and hyphens (e.g. "persistent-absence")');

/** Just what the kind-versus-rule check reads, so it can run when other fields are wrong. */
const kindAndRuleSkeleton = z.looseObject({
  kind: indicatorKindSchema,
  rule: z.looseObject({ type: z.enum(['threshold', 'flag', 'judgement', 'ofsted', 'trend', 'recency']) }),
});

export const indicatorSchema = z
  .object({
    id: idSchema,
    label: z.string().min(1),
    /** Column headings officers use for it; matched ignoring case, punctuation, years and units. */
    aliases: z.array(z.string().min(1)).default([]),
    kind: indicatorKindSchema,
    area: areaSchema,
    critical: z.boolean().default(false),
    /** Weight in the best fit; critical indicators usually weigh more. */
    weight: z.number().positive().max(10).default(1),
    rule: ragRuleSchema,
    /** What the seed says about it, for the legend and the rationale. */
    description: z.string().optional(),
  })
  .strict()
  .superRefine(
    (indicator, ctx) => {
      if (!rulesForKind[indicator.kind].includes(indicator.rule.type)) {
        ctx.addIssue({
          code: 'custom',
          path: ['rule', 'type'],
          message: `a ${indicator.kind} indicator takes a ${rulesForKind[indicator.kind].join(' or ')} rule, not "${indicator.rule.type}"`,
        });
      }
    },
    // Also when another field of the indicator is wrong, so one pass reports every mistake.
    { when: (payload) => kindAndRuleSkeleton.safeParse(payload.value).success },
  );
export type Indicator = z.infer<typeof indicatorSchema>;

export const categorySchema = z
  .object({
    code: z.string().min(1).max(40),
    label: z.string().min(1),
    description: z.string().min(1),
    /** Hex fill used for the category in the sheet and the card, e.g. "#C6EFCE". */
    colour: z.string().regex(/^#[0-9A-Fa-f]{6}$/, 'a hex colour such as "#C6EFCE"'),
    /** Other ways officers write this category in their own column ("LA1", "Cat S"). */
    aliases: z.array(z.string().min(1)).default([]),
  })
  .strict();
export type Category = z.infer<typeof categorySchema>;

/** A condition on one indicator's RAG: "at least as bad as". */
export const conditionSchema = z
  .object({
    indicator: idSchema,
    rag: z.enum(['A', 'R']).default('R'),
  })
  .strict();

export const overrideSchema = z
  .object({
    /** Any one of these conditions triggers the override. */
    anyOf: z.array(conditionSchema).min(1),
    /** The school is put in this category or a worse one. */
    atLeast: z.string().min(1),
    /** Plain words for the rationale, e.g. "safeguarding ineffective". */
    reason: z.string().min(1),
    /** Where the seed states it. */
    source: z.string().optional(),
  })
  .strict();
export type Override = z.infer<typeof overrideSchema>;

export const categoryRuleSchema = z
  .object({
    /**
     * Best fit: each rated indicator scores G=0, A=1, R=2, weighted; the weighted mean (0–2) is
     * compared with these ascending cut-offs, one fewer than there are categories.
     */
    cutoffs: z.array(z.number().min(0).max(2)),
    /** Fewer rated indicators than this (and no override) gives "insufficient data". */
    minRated: z.number().int().min(1).default(3),
    overrides: z.array(overrideSchema).default([]),
    /** So many reds anywhere put the school in at least this category. */
    redCount: z
      .array(z.object({ atLeast: z.number().int().min(1), category: z.string().min(1) }).strict())
      .default([]),
  })
  .strict();
export type CategoryRule = z.infer<typeof categoryRuleSchema>;

export const meetingStepIds = [
  'agenda',
  'evidence-request',
  'evidence-reminder',
  'evidence-due',
  'escalation',
  'minutes',
] as const;

export const meetingTypeSchema = z
  .object({
    id: idSchema,
    name: z.string().min(1),
    /** Category codes whose schools have this meeting. */
    forCategories: z.array(z.string().min(1)).default([]),
    chair: z.string().min(1),
    members: z.array(z.string().min(1)).min(1),
    cadence: z.string().min(1),
    confidential: z.boolean().default(false),
    purposes: z.array(z.string().min(1)).default([]),
    agenda: z.array(z.string().min(1)).min(1),
    /** Working days before (positive) or after (negative) the meeting for each step. */
    deadlines: z
      .object({
        agenda: z.number().int().min(0).default(10),
        'evidence-request': z.number().int().min(0).default(10),
        'evidence-reminder': z.number().int().min(0).default(7),
        'evidence-due': z.number().int().min(0).default(5),
        escalation: z.number().int().min(0).default(4),
        /** Working days after the meeting within which minutes go out. */
        minutes: z.number().int().min(0).default(10),
      })
      .strict()
      .prefault({}),
    /** What is shared after the meeting (e.g. LAIG's five key points). */
    afterwards: z.array(z.string().min(1)).default([]),
    source: z.string().min(1),
  })
  .strict();
export type MeetingType = z.infer<typeof meetingTypeSchema>;

/**
 * Just what the framework-wide checks below read. zod skips a refinement once any field has
 * failed, so a file with a wrong type and an unknown category would report only the first;
 * the checks run whenever this much of the file is sound, so one pass reports both.
 */
const crossReferenceSkeleton = z.looseObject({
  categories: z.array(z.looseObject({ code: z.string() })),
  indicators: z.array(z.looseObject({ id: z.string() })),
  categoryRule: z.looseObject({
    cutoffs: z.array(z.number()),
    overrides: z.array(
      z.looseObject({ atLeast: z.string(), anyOf: z.array(z.looseObject({ indicator: z.string() })) }),
    ),
    redCount: z.array(z.looseObject({ category: z.string() })),
  }),
  meetings: z.array(z.looseObject({ forCategories: z.array(z.string()) })),
});

export const frameworkSchema = z
  .object({
    id: idSchema,
    name: z.string().min(1),
    /** The seed document, e.g. "shared/seeds/001_… (Reading Borough Council, 2016)". */
    source: z.string().min(1),
    officerTitle: z.string().min(1).default('School improvement officer'),
    categories: z.array(categorySchema).min(2),
    indicators: z.array(indicatorSchema).min(1),
    categoryRule: categoryRuleSchema,
    meetings: z.array(meetingTypeSchema).default([]),
  })
  .strict()
  .superRefine((fw, ctx) => {
    const codes = fw.categories.map((c) => c.code);
    const indicatorIds = fw.indicators.map((i) => i.id);
    const dupes = (list: string[]) => list.filter((v, i) => list.indexOf(v) !== i);
    for (const code of dupes(codes)) {
      ctx.addIssue({ code: 'custom', path: ['categories'], message: `category code "${code}" appears twice` });
    }
    for (const id of dupes(indicatorIds)) {
      ctx.addIssue({ code: 'custom', path: ['indicators'], message: `indicator id "${id}" appears twice` });
    }
    const rule = fw.categoryRule;
    if (rule.cutoffs.length !== codes.length - 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['categoryRule', 'cutoffs'],
        message: `${codes.length} categories need ${codes.length - 1} cut-offs, found ${rule.cutoffs.length}`,
      });
    }
    rule.cutoffs.forEach((c, i) => {
      const prev = rule.cutoffs[i - 1];
      if (prev !== undefined && c < prev) {
        ctx.addIssue({ code: 'custom', path: ['categoryRule', 'cutoffs', i], message: 'cut-offs must ascend' });
      }
    });
    rule.overrides.forEach((o, i) => {
      if (!codes.includes(o.atLeast)) {
        ctx.addIssue({
          code: 'custom',
          path: ['categoryRule', 'overrides', i, 'atLeast'],
          message: `unknown category "${o.atLeast}" (categories: ${codes.join(', ')})`,
        });
      }
      o.anyOf.forEach((c, j) => {
        if (!indicatorIds.includes(c.indicator)) {
          ctx.addIssue({
            code: 'custom',
            path: ['categoryRule', 'overrides', i, 'anyOf', j, 'indicator'],
            message: `unknown indicator "${c.indicator}"`,
          });
        }
      });
    });
    rule.redCount.forEach((r, i) => {
      if (!codes.includes(r.category)) {
        ctx.addIssue({
          code: 'custom',
          path: ['categoryRule', 'redCount', i, 'category'],
          message: `unknown category "${r.category}"`,
        });
      }
    });
    fw.meetings.forEach((m, i) => {
      m.forCategories.forEach((c, j) => {
        if (!codes.includes(c)) {
          ctx.addIssue({
            code: 'custom',
            path: ['meetings', i, 'forCategories', j],
            message: `unknown category "${c}"`,
          });
        }
      });
    });
  }, { when: (payload) => crossReferenceSkeleton.safeParse(payload.value).success });

/** A framework as written in a file: defaults may be left out. */
export type FrameworkInput = z.input<typeof frameworkSchema>;
/** A validated framework with every default filled in. */
export type Framework = z.infer<typeof frameworkSchema>;
