/**
 * A letter's words, from the seed's wording and the school's facts: the officer's draft, to be
 * read, edited and signed. Waymark never sends it.
 */
import { format, parseISO } from 'date-fns';
import { isDay, type WorkingCalendar } from '../calendar/index.js';
import { warningNoticeClocks } from '../cycle/clocks/index.js';
import { fail, ok, type Result } from '../result.js';
import { LETTER_KINDS, letterReasons } from './suggestLetters.js';
import type { LetterDraft, LetterFacts, LetterKind } from './types.js';

export interface DraftOptions {
  /** The letter's date, 'yyyy-MM-dd' (for a warning notice, the day it is given). */
  readonly date: string;
  /** The local authority's name, for the letter's voice. Default "the Local Authority". */
  readonly authority?: string;
  /** Needed for a warning notice: its compliance period is counted in working days. */
  readonly calendar?: WorkingCalendar;
  /** Draft even when no trigger holds (the officer has reasons of their own). */
  readonly force?: boolean;
}

const longDate = (day: string) => format(parseISO(day), 'd MMMM yyyy');
const PLACEHOLDER = '[Officer: add the specific actions, owners and dates agreed]';

/**
 * The draft of a `kind` letter for the school, with the reasons the seed's triggers found.
 * Fails, with a message, when the framework has no such letter, when no trigger holds (unless
 * `force`), or when a warning notice's period cannot be counted.
 *
 * @example
 * const d = draftLetter('significant-concerns', facts, { date: '2027-01-11' });
 * d.ok && d.value.reasons //=> ['Safeguarding Concerns: Safeguarding: not met (red)']
 */
export function draftLetter(kind: LetterKind, facts: LetterFacts, options: DraftOptions): Result<LetterDraft, string> {
  if (!isDay(options.date)) return fail(`the letter's date "${options.date}" is not a date (expected yyyy-MM-dd)`);
  const kinds = LETTER_KINDS[facts.frameworkId] ?? [];
  if (!kinds.includes(kind)) {
    return fail(`the ${facts.frameworkId} framework has no ${kind} letter${kinds.length ? `; its letters are: ${kinds.join(', ')}` : ''}`);
  }
  const suggestion = letterReasons(kind, facts);
  if (suggestion.reasons.length === 0 && !options.force) {
    return fail(
      `no reason for a ${suggestion.title.toLowerCase()} to ${facts.school.name} in the workbook: none of the seed's triggers holds` +
        (suggestion.unchecked.length ? ` (not checked, no data: ${suggestion.unchecked.length} of them)` : ''),
    );
  }
  const la = options.authority ?? 'the Local Authority';
  const LA = la.charAt(0).toUpperCase() + la.slice(1);
  const school = facts.school.name;
  const reasons = suggestion.reasons.map((r) => `${r.trigger}: ${r.evidence}`);
  const chair = `The Chair of Governors, ${school}`;
  const base = {
    kind,
    title: suggestion.title,
    date: options.date,
    reasons,
    source: suggestion.source,
    draftNotice: `DRAFT for the school improvement officer to review and edit. Confidential. Not sent to the school by Waymark.`,
    closing: ['Yours sincerely,', '', facts.school.officer ?? '[Officer]', 'School Improvement'],
  };
  switch (kind) {
    case 'congratulations':
      return ok({
        ...base,
        addressee: [facts.school.head ? `${facts.school.head}, Headteacher` : 'The Headteacher', school, ...(facts.school.urn ? [`URN ${facts.school.urn}`] : [])],
        salutation: facts.school.head ? `Dear ${facts.school.head},` : 'Dear Headteacher,',
        paragraphs: [
          `I am writing on behalf of ${la} to congratulate you, your staff and governors on the school's achievements.`,
          'In particular, we recognise:',
        ],
        actions: [],
        after: [],
        closing: ['Please pass on our thanks to everyone in the school community who has contributed to this success.', '', ...base.closing],
      });
    case 'significant-concerns':
      return ok({
        ...base,
        addressee: [chair, ...(facts.school.urn ? [`URN ${facts.school.urn}`] : []), `Copy: ${facts.school.head ? `${facts.school.head}, ` : ''}Headteacher`],
        salutation: 'Dear Chair of Governors,',
        paragraphs: [
          `I am writing to set out ${la}'s significant concerns about ${school}.`,
          `${LA} has evidence that the following apply:`,
        ],
        actionsIntro: 'This letter directs the governing body to take the specified actions below, or face more formal intervention:',
        actions: [
          ...suggestion.reasons.map((r) => `Address the concern: "${r.trigger}"`),
          PLACEHOLDER,
        ],
        after: [],
        closing: ['We will seek reassurance from the governing body that the right steps are being taken.', '', ...base.closing],
      });
    case 'warning-notice': {
      if (!options.calendar) return fail('a warning notice needs the working-day calendar to count its compliance period');
      const clocks = warningNoticeClocks({ issuedOn: options.date }, options.calendar);
      if (!clocks.ok) return fail(clocks.error);
      const deadline = clocks.value.complianceDeadline.day;
      return ok({
        ...base,
        addressee: [chair, ...(facts.school.urn ? [`URN ${facts.school.urn}`] : [])],
        salutation: 'Dear Chair of Governors,',
        paragraphs: [
          `${LA} gives the governing body of ${school} this formal warning notice under section 60 of the Education and Inspections Act 2006.`,
          'The matters on which our concerns are based:',
        ],
        actionsIntro: 'The actions which the governing body is required to take in order to address these concerns:',
        actions: [PLACEHOLDER],
        after: [
          `The initial compliance period begins with ${longDate(options.date)}, the day this notice is given, and ends on ${longDate(deadline)}, 15 working days following that day. During it the governing body is to address the concerns set out in this notice, or make representations to Ofsted against it (in writing, within 15 working days of receipt, copied to ${la}).`,
          `If the governing body does not take the required action, ${la} is minded to take the following action (under one or more of sections 63 to 66 of the 2006 Act): [Officer: e.g. appoint additional governors, or replace the governing body with an Interim Executive Board].`,
          `Copies of this notice go to the Executive Director of Children's Services, the headteacher, Ofsted and, where relevant, the diocesan authority or the person who appoints the foundation governors.`,
        ],
      });
    }
    case 'category-change': {
      const exit = suggestion.reasons[0]?.trigger === 'The school exits LA intervention';
      // Only a move into R or C starts the RAP process; S ↔ G is a change of category alone.
      const into = suggestion.reasons[0]?.trigger === 'The school is placed in LA intervention (category R or C)';
      return ok({
        ...base,
        addressee: [chair, `Copy: ${facts.school.head ? `${facts.school.head}, ` : ''}Headteacher`, ...(facts.school.urn ? [`URN ${facts.school.urn}`] : [])],
        salutation: 'Dear Chair of Governors,',
        paragraphs: exit
          ? [`I am writing to confirm that the Head of Education has approved the removal of ${school} from LA intervention.`, 'The change of category:']
          : into
            ? [`I am writing to confirm the re-categorisation of ${school}, endorsed by the Head of Education.`, 'The change of category:']
            : [`I am writing to confirm the re-categorisation of ${school}, agreed at the LA's categorisation of schools meeting.`, 'The change of category:'],
        after: [],
        ...(into ? { actionsIntro: 'What happens next:' } : {}),
        actions: exit
          ? ['The school will receive reduced support from its School Partnership Adviser.']
          : !into
            ? []
            : [
              'The school will work with the LA to develop a Raising Achievement Plan (or, where the school is subject to Special Measures, a Statement of Action).',
              'Progress against the plan will be reviewed at RAP meetings, chaired by a senior LA officer; the agenda will be circulated at least 10 working days before each meeting.',
              'A senior officer will visit the school to explain the process to the Headteacher and a representative of the Governing Body (normally the Chair).',
              'With support, the school would be expected to demonstrate significant improvement and to move out of a category of concern within a year.',
            ],
      });
    }
  }
}
