import type { MeetingTypeAlias, ProjectBoardVariant } from '../findMeetingType/index.js';

/** A meeting type as people name it: the short name `findMeetingType` takes, and for a project board which one. */
export interface MeetingTypeWords {
  readonly alias: MeetingTypeAlias;
  /** Project boards only, when the words say (initial/first, subsequent/follow-up). */
  readonly variant?: ProjectBoardVariant;
}

/** A meeting type found in a message, and where. */
export interface FoundMeetingType {
  readonly index: number;
  readonly length: number;
  readonly type: MeetingTypeWords;
}

const VARIANT = '(initial|first|subsequent|follow[- ]?up|later)';
const NAMES: readonly [MeetingTypeAlias, string][] = [
  ['rap', "rap(?:\\s+review)?|raising\\s+achievement(?:\\s+plan)?(?:\\s+review)?"],
  ['laig', 'laig|local\\s+authority\\s+implementation\\s+group'],
  ['project-board', 'project\\s*board'],
  ['progress-review', 'progress\\s+review|trip|targeted\\s+rapid\\s+improvement(?:\\s+pathway)?'],
  ['steering-group', 'steering\\s+group'],
];
const TYPE = new RegExp(
  `\\b(?:${VARIANT}\\s+)?(${NAMES.map(([, re]) => `(?:${re})`).join('|')})(?:\\s+meetings?)?\\b(?:\\s*\\(?\\s*${VARIANT}\\s*\\)?(?:\\s+meeting)?)?`,
  'i',
);

function variantOf(word: string | undefined): ProjectBoardVariant | undefined {
  if (word === undefined) return undefined;
  return /^(initial|first)$/i.test(word) ? 'initial' : 'subsequent';
}

/**
 * The first meeting type named in `text`: "RAP", "RAP review meeting", "LAIG", "local
 * authority implementation group", "project board" (with "initial"/"first" or
 * "subsequent"/"follow-up" before it or after it in brackets), "progress review", "TRIP",
 * "steering group".
 *
 * @example
 * findMeetingTypeWords('schedule an initial project board for Oakfield')
 * //=> { index: 12, length: 21, type: { alias: 'project-board', variant: 'initial' } }
 */
export function findMeetingTypeWords(text: string): FoundMeetingType | undefined {
  const m = TYPE.exec(text);
  if (!m) return undefined;
  const name = (m[2] ?? '').toLowerCase().replace(/\s+/g, ' ');
  const alias = NAMES.find(([, re]) => new RegExp(`^(?:${re})$`, 'i').test(name))?.[0];
  if (alias === undefined) return undefined;
  const variant = alias === 'project-board' ? variantOf(m[1] ?? m[3]) : undefined;
  // "first"/"later" before any other type is just English ("the first RAP"), not a variant.
  const type: MeetingTypeWords = variant === undefined ? { alias } : { alias, variant };
  return { index: m.index, length: m[0].length, type };
}

/**
 * Reads a meeting type from a whole cell or field ("RAP", "Project board (initial)",
 * "camden/project-board-initial"); undefined when it names none.
 */
export function parseMeetingTypeWords(text: string): MeetingTypeWords | undefined {
  const clean = text.trim();
  const qualified = /^[a-z]+\/(project-board-(initial|subsequent)|[a-z-]+)$/i.exec(clean);
  if (qualified) {
    if (qualified[2]) return { alias: 'project-board', variant: qualified[2].toLowerCase() as ProjectBoardVariant };
    const id = qualified[1]?.toLowerCase();
    const alias = (['rap', 'laig', 'progress-review', 'steering-group'] as const).find((a) => a === id);
    return alias ? { alias } : undefined;
  }
  const found = findMeetingTypeWords(clean.replace(/[-_]/g, ' '));
  return found?.type;
}
