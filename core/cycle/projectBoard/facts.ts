/** A school as the workbook gives it (core/schools) → the facts a project board report is filled from. */
import type { SchoolRecord } from '../../schools/types.js';
import type { ProjectBoardFacts } from './report.js';

const OFSTED_GRADE = /^ofsted(\s+(grade|judgement|judgment|rating|outcome))?$/i;
const OFSTED_DATE = /ofsted.*date|inspection\s+date|date\s+of\s+(last\s+)?(ofsted|inspection)/i;

/**
 * The facts of `school` for framework `frameworkId`, with the board's meeting when one is
 * scheduled. Only what the workbook holds: nothing is guessed.
 *
 * @example
 * projectBoardFacts(school, 'camden', { day: '2027-03-10', name: 'Project board: subsequent meeting' }).ofsted
 * //=> { grade: 'requires improvement (3)' }
 */
export function projectBoardFacts(school: SchoolRecord, frameworkId: string, meeting?: { readonly day: string; readonly name: string }): ProjectBoardFacts {
  const grade = school.indicators.find((i) => OFSTED_GRADE.test(i.label.trim()))?.display;
  const date = school.indicators.find((i) => OFSTED_DATE.test(i.label))?.display;
  const category = school.category?.category;
  return {
    frameworkId,
    school: {
      name: school.name,
      ...(school.urn ? { urn: school.urn } : {}),
      ...(school.phase ? { phase: school.phase } : {}),
      ...(school.head ? { head: school.head } : {}),
      ...(school.officer ? { officer: school.officer } : {}),
    },
    ...(category ? { category: { code: category.code, label: category.label } } : {}),
    ...(grade !== undefined || date !== undefined ? { ofsted: { ...(grade !== undefined ? { grade } : {}), ...(date !== undefined ? { date } : {}) } } : {}),
    ...(meeting ? { meeting } : {}),
  };
}
