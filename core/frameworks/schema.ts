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
    /** The national figure, for "above national" evidence (else green is taken as national). */
    national: z.number().finite().optional(),
    nationalByPhase: z.partialRecord(phaseSchema, z.number().finite()).optional(),
    /** A figure from which a school is in the top quartile, if the LA sets one. */
    topQuartile: z.number().finite().optional(),
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
    /** Order among equals when naming indicators (worst first, heavier first). */
    weight: z.number().positive().max(10).default(1),
    rule: ragRuleSchema,
    /** What the seed says about it, for the legend and the rationale. */
    description: z.string().optional(),
    /**
     * Set when no school action recorded in the sheet can change it, only an outside event
     * ("a new Ofsted inspection"): "what would move it" never proposes changing it.
     */
    changedOnlyBy: z.string().min(1).optional(),
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

/**
 * What a rule asks of one indicator. `rag` "A" means amber or worse, "R" means red, "G" means
 * green (evidence a top category asks for). `evidence` reads the value itself: an outstanding
 * (or exceptional) Ofsted judgement, a figure above the national one, a top-quartile figure.
 */
export const conditionSchema = z
  .object({
    indicator: idSchema,
    rag: ragSchema.optional(),
    evidence: z.enum(['outstanding', 'above-national', 'top-quartile']).optional(),
  })
  .strict()
  .refine((c) => (c.rag === undefined) !== (c.evidence === undefined), {
    message: 'give either "rag" (G, A or R) or "evidence" (outstanding, above-national or top-quartile), not both',
  });
export type Condition = z.infer<typeof conditionSchema>;

/** What every category rule carries: the seed sentence it encodes, and where. */
const seedText = {
  /** The seed's own words, short enough to cite in a rationale. */
  quote: z.string().min(1),
  /** The section of the LA's document, e.g. "Appendix 1, D". */
  section: z.string().min(1),
  /** Plain words for the rationale, e.g. "safeguarding statutory responsibilities not fully met". */
  summary: z.string().min(1),
};

/** No better than `category` when any condition holds (a critical criterion). */
export const floorRuleSchema = z
  .object({ kind: z.literal('floor'), category: z.string().min(1), anyOf: z.array(conditionSchema).min(1), ...seedText })
  .strict();
/** No better than `category` when all conditions hold together. */
export const combinationRuleSchema = z
  .object({ kind: z.literal('combination'), category: z.string().min(1), allOf: z.array(conditionSchema).min(2), ...seedText })
  .strict();
/** One bullet of a category's descriptor list: met when any of its conditions holds. */
export const bulletSchema = z
  .object({ quote: z.string().min(1), anyOf: z.array(conditionSchema).min(1) })
  .strict();
/**
 * Best fit against a category's own bullets: no better than `category` when at least
 * `atLeast` bullets are met, so a few serious bullets are not averaged away by many green
 * indicators, and one amber alone does not move a school.
 */
export const bestFitRuleSchema = z
  .object({
    kind: z.literal('best-fit'),
    category: z.string().min(1),
    bullets: z.array(bulletSchema).min(1),
    atLeast: z.number().int().min(1).default(2),
    ...seedText,
  })
  .strict();
/**
 * A category only with this evidence: every condition of `allOf`, and at least one of `anyOf`
 * when given (a primary shows KS2, a secondary Progress 8). Without it the school is placed
 * one category down, and the missing evidence is named.
 */
export const requirementRuleSchema = z
  .object({
    kind: z.literal('requirement'),
    category: z.string().min(1),
    allOf: z.array(conditionSchema).default([]),
    anyOf: z.array(conditionSchema).default([]),
    ...seedText,
  })
  .strict()
  .refine((r) => r.allOf.length + r.anyOf.length > 0, { message: 'a requirement needs at least one condition' });

export const seedRuleSchema = z.discriminatedUnion('kind', [
  floorRuleSchema,
  combinationRuleSchema,
  bestFitRuleSchema,
  requirementRuleSchema,
]);
export type SeedRule = z.infer<typeof seedRuleSchema>;
export type SeedRuleInput = z.input<typeof seedRuleSchema>;

export const categoryRuleSchema = z
  .object({
    /** Fewer rated indicators than this, and no rule met, gives "insufficient data". */
    minRated: z.number().int().min(1).default(3),
    /** The seed's rules, each with its quote; order is the order a reader checks them. */
    rules: z.array(seedRuleSchema).default([]),
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
  categoryRule: z.looseObject({ rules: z.array(z.looseObject({ category: z.string() })) }),
  meetings: z.array(z.looseObject({ forCategories: z.array(z.string()) })),
});

export const frameworkSchema = z
  .object({
    id: idSchema,
    name: z.string().min(1),
    /** The LA's document, as a reader names it: "Reading School Improvement Framework, 2016". */
    source: z.string().min(1),
    /** The file the rules were written from, e.g. "shared/seeds/001_….txt" (never shown in a sheet). */
    seedFile: z.string().min(1).optional(),
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
    fw.categoryRule.rules.forEach((rule, i) => {
      const path = ['categoryRule', 'rules', i];
      if (!codes.includes(rule.category)) {
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'category'],
          message: `unknown category "${rule.category}" (categories: ${codes.join(', ')})`,
        });
      }
      const lists: [string, readonly { indicator: string; evidence?: string | undefined }[]][] =
        rule.kind === 'floor'
          ? [['anyOf', rule.anyOf]]
          : rule.kind === 'best-fit'
            ? rule.bullets.map((b, j) => [`bullets.${j}.anyOf`, b.anyOf] as [string, typeof b.anyOf])
            : rule.kind === 'requirement'
              ? [['allOf', rule.allOf], ['anyOf', rule.anyOf]]
              : [['allOf', rule.allOf]];
      for (const [where, conditions] of lists) {
        conditions.forEach((c, j) => {
          const indicator = fw.indicators.find((x) => x.id === c.indicator);
          if (!indicator) {
            ctx.addIssue({ code: 'custom', path: [...path, ...where.split('.'), j, 'indicator'], message: `unknown indicator "${c.indicator}"` });
          } else if (c.evidence === 'outstanding' && indicator.kind !== 'ofsted') {
            ctx.addIssue({ code: 'custom', path: [...path, ...where.split('.'), j, 'evidence'], message: `"outstanding" is read from an Ofsted grade; "${c.indicator}" is a ${indicator.kind}` });
          } else if ((c.evidence === 'above-national' || c.evidence === 'top-quartile') && indicator.rule.type !== 'threshold') {
            ctx.addIssue({ code: 'custom', path: [...path, ...where.split('.'), j, 'evidence'], message: `"${c.evidence}" is read from a figure; "${c.indicator}" has no threshold` });
          }
        });
      }
      if (rule.kind === 'best-fit' && rule.atLeast > rule.bullets.length) {
        ctx.addIssue({ code: 'custom', path: [...path, 'atLeast'], message: `asks for ${rule.atLeast} bullets of ${rule.bullets.length}` });
      }
      if (rule.kind === 'requirement' && codes.indexOf(rule.category) === codes.length - 1) {
        ctx.addIssue({ code: 'custom', path: [...path, 'category'], message: 'the last category has none below it to fall to' });
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
