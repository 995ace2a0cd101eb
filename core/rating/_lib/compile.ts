import type { Condition, Framework, Indicator, SeedRule } from '../../frameworks/schema.js';

/** A rule with its category's position resolved once. */
export interface CompiledRule {
  readonly rule: SeedRule;
  /** Position of its category, 0 = best. */
  readonly category: number;
  /** Every condition it reads, for "what would move it". */
  readonly conditions: readonly Condition[];
}

export interface Compiled {
  readonly rules: readonly CompiledRule[];
  /** Requirements by category position, best first. */
  readonly requirements: readonly CompiledRule[];
  readonly indicators: ReadonlyMap<string, Indicator>;
}

// Frameworks are frozen data; resolving category codes once per framework, not per school.
const cache = new WeakMap<Framework, Compiled>();

export function compile(framework: Framework): Compiled {
  const hit = cache.get(framework);
  if (hit) return hit;
  const codes = framework.categories.map((c) => c.code);
  const rules: CompiledRule[] = [];
  for (const rule of framework.categoryRule.rules) {
    const conditions =
      rule.kind === 'floor'
        ? rule.anyOf
        : rule.kind === 'best-fit'
          ? rule.bullets.flatMap((b) => b.anyOf)
          : rule.kind === 'requirement'
            ? [...rule.allOf, ...rule.anyOf]
            : rule.allOf;
    rules.push({ rule, category: codes.indexOf(rule.category), conditions });
  }
  const compiled: Compiled = {
    rules: rules.filter((r) => r.rule.kind !== 'requirement'),
    requirements: rules.filter((r) => r.rule.kind === 'requirement').sort((a, b) => a.category - b.category),
    indicators: new Map(framework.indicators.map((i) => [i.id, i])),
  };
  cache.set(framework, compiled);
  return compiled;
}
