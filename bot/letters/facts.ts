/**
 * A school as the bot knows it (the workbook's row, and the category history the bot keeps) as
 * the facts a letter is suggested from and filled with (core/letters).
 */
import type { Framework } from '../../core/frameworks/index.js';
import type { CategoryFact, IndicatorFact, LetterFacts } from '../../core/letters/index.js';
import type { SchoolRecord } from '../../core/schools/types.js';
import { historyOf } from '../history/history.js';
import type { Db } from '../store/db.js';

/**
 * The category before the latest change, from the bot's history of workbook loads: what a
 * Reading category-change letter is about. None when the category has not changed since first seen.
 */
async function previousCategory(db: Db, urn: string, framework: Framework): Promise<CategoryFact | undefined> {
  const rows = await historyOf(db, urn);
  const codes = rows.map((r) => r.officerCode ?? r.suggestedCode);
  const current = codes.at(-1);
  const before = [...codes].reverse().find((c) => c !== current && c !== null && c !== undefined);
  const category = before ? framework.categories.find((c) => c.code === before) : undefined;
  return category && { code: category.code, label: category.label };
}

export async function schoolLetterFacts(db: Db, school: SchoolRecord, framework: Framework): Promise<LetterFacts> {
  const ratings = school.ratings ?? [];
  const indicators: IndicatorFact[] = ratings.map((r) => ({ id: r.indicator.id, label: r.indicator.label, rag: r.rag, display: r.display }));
  const ofsted = ratings.find((r) => r.indicator.id === 'ofsted-grade')?.value;
  const grade = ofsted?.kind === 'ofsted-legacy' ? ofsted.grade : undefined;
  const current = school.category?.category;
  const previous = school.urn ? await previousCategory(db, school.urn, framework) : undefined;
  return {
    frameworkId: framework.id,
    school: {
      name: school.name,
      ...(school.urn ? { urn: school.urn } : {}),
      ...(school.head ? { head: school.head } : {}),
      ...(school.officer ? { officer: school.officer } : {}),
    },
    indicators,
    ...(grade !== undefined ? { ofsted: { current: grade } } : {}),
    ...(current || previous
      ? { category: { ...(previous ? { previous } : {}), ...(current ? { current: { code: current.code, label: current.label } } : {}) } }
      : {}),
  };
}
