/** A workbook row (core/sheet's plan) as the facts a letter is suggested from and filled with. */
import type { Category } from '../../core/frameworks/schema.js';
import type { IndicatorFact, LetterFacts } from '../../core/letters/index.js';
import type { SheetPlan, SchoolRow } from '../../core/sheet/types.js';

export interface Extras {
  /** The school's Ofsted grade before the current one (the workbook holds only the latest). */
  readonly previousOfsted?: number;
  /** The school's LA category before this one, by code. */
  readonly previousCategory?: Category;
}

export function letterFacts(row: SchoolRow, plan: SheetPlan, extras: Extras = {}): LetterFacts {
  const labels = new Map(plan.columns.indicators.map((i) => [i.indicatorId, i.label]));
  const indicators: IndicatorFact[] = row.cells.flatMap((c) =>
    c.rag ? [{ id: c.indicatorId, label: labels.get(c.indicatorId) ?? c.header, rag: c.rag, display: c.display }] : [],
  );
  const ofstedCell = row.cells.find((c) => c.indicatorId === 'ofsted-grade' && c.reading.status === 'value');
  const value = ofstedCell?.reading.status === 'value' ? ofstedCell.reading.value : undefined;
  const current = value?.kind === 'ofsted-legacy' ? value.grade : undefined;
  const category = row.officerCategory?.category ?? (row.suggestion.status === 'category' ? row.suggestion.category : undefined);
  return {
    frameworkId: plan.framework.id,
    school: { name: row.school, ...(row.urn ? { urn: row.urn } : {}), ...(row.head ? { head: row.head } : {}), ...(row.officer ? { officer: row.officer } : {}) },
    indicators,
    ...(current !== undefined || extras.previousOfsted !== undefined
      ? { ofsted: { ...(extras.previousOfsted !== undefined ? { previous: extras.previousOfsted } : {}), ...(current !== undefined ? { current } : {}) } }
      : {}),
    ...(category || extras.previousCategory
      ? {
          category: {
            ...(extras.previousCategory ? { previous: { code: extras.previousCategory.code, label: extras.previousCategory.label } } : {}),
            ...(category ? { current: { code: category.code, label: category.label } } : {}),
          },
        }
      : {}),
  };
}
