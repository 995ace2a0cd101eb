import { builtInFrameworks, type Framework, type MeetingType } from '../../frameworks/index.js';
import { fail, ok, type Result } from '../../result.js';

/** The short names `npm run plan -- --type …` and the bot accept, and what they mean. */
export const meetingTypeAliases = Object.freeze({
  rap: 'reading/rap',
  laig: 'cambridgeshire/laig',
  'project-board': 'camden/project-board-subsequent',
  'progress-review': 'southwark/progress-review',
  'steering-group': 'triborough/steering-group',
} as const);

/** One of the short names in {@link meetingTypeAliases}. */
export type MeetingTypeAlias = keyof typeof meetingTypeAliases;

/** Camden's project board: the school's first board, or any later one. */
export type ProjectBoardVariant = 'initial' | 'subsequent';

export interface FindMeetingTypeOptions {
  /** Where to look, in order. Default: the five built-in frameworks. Pass an LA's own too. */
  readonly frameworks?: readonly Framework[];
  /** For `project-board`: 'initial' for the school's first board; default 'subsequent'. */
  readonly variant?: ProjectBoardVariant;
}

/** A meeting type and the framework it belongs to. */
export interface FoundMeetingType {
  readonly framework: Framework;
  readonly meetingType: MeetingType;
}

/**
 * Finds a meeting type by short name (`rap`, `laig`, `project-board`, `progress-review`,
 * `steering-group`), by `framework/id` (`camden/project-board-initial`), or by a meeting id
 * that only one of the frameworks uses. Case and surrounding spaces are ignored. Unknown or
 * ambiguous names come back as an error that lists what is valid.
 *
 * `project-board` is Camden's subsequent board unless `variant: 'initial'` (the school's
 * first board). A custom framework's meetings are found by passing it in `frameworks`.
 *
 * @example
 * findMeetingType('rap')
 * //=> { ok: true, value: { framework: reading, meetingType: { id: 'rap', name: 'RAP review meeting', … } } }
 * findMeetingType('project-board', { variant: 'initial' }).value.meetingType.id //=> 'project-board-initial'
 * findMeetingType('visit').error
 * //=> 'unknown meeting type "visit" (valid: rap, laig, project-board, progress-review, steering-group, …)'
 */
export function findMeetingType(typeId: string, options: FindMeetingTypeOptions = {}): Result<FoundMeetingType, string> {
  const frameworks = options.frameworks ?? builtInFrameworks;
  const wanted = typeId.trim().toLowerCase();
  const variant = options.variant ?? 'subsequent';

  let qualified: string | undefined =
    wanted === 'project-board'
      ? `camden/project-board-${variant}`
      : (meetingTypeAliases as Record<string, string>)[wanted];
  if (qualified === undefined && wanted.includes('/')) qualified = wanted;

  if (qualified !== undefined) {
    const [frameworkId, meetingId] = qualified.split('/');
    const framework = frameworks.find((f) => f.id === frameworkId);
    const meetingType = framework?.meetings.find((m) => m.id === meetingId);
    if (framework && meetingType) return ok({ framework, meetingType });
  } else {
    const matches = frameworks.flatMap((framework) =>
      framework.meetings.filter((m) => m.id === wanted).map((meetingType) => ({ framework, meetingType })),
    );
    const [only, ...others] = matches;
    if (only && others.length === 0) return ok(only);
    if (only) {
      return fail(
        `meeting type "${typeId}" is in several frameworks; say which: ${matches
          .map((m) => `${m.framework.id}/${m.meetingType.id}`)
          .join(', ')}`,
      );
    }
  }
  return fail(`unknown meeting type "${typeId}" (valid: ${validMeetingTypeNames(frameworks).join(', ')})`);
}

/**
 * Every name {@link findMeetingType} accepts for these frameworks: the short names whose
 * framework is present, then each meeting as `framework/id`.
 *
 * @example
 * validMeetingTypeNames().slice(0, 5)
 * //=> ['rap', 'laig', 'project-board', 'progress-review', 'steering-group']
 */
export function validMeetingTypeNames(frameworks: readonly Framework[] = builtInFrameworks): string[] {
  const present = new Set(frameworks.flatMap((f) => f.meetings.map((m) => `${f.id}/${m.id}`)));
  const aliases = Object.entries(meetingTypeAliases)
    .filter(([, target]) => present.has(target))
    .map(([alias]) => alias);
  return [...aliases, ...present];
}
