/**
 * Adaptive Cards for meetings: the "schedule a meeting" form, and the evidence request a head
 * receives with its "Evidence sent" button. Buttons are Action.Submit with a `waymark` field
 * saying what they are; bot/teams turns a press into `CommandInput.submit`.
 */
import type { MeetingType } from '../../core/frameworks/index.js';
import type { SchoolRecord } from '../../core/schools/types.js';

const SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

/** What the schedule form's button sends. */
export const SCHEDULE_FORM = 'schedule-meeting';
/** What the "Evidence sent" button sends, with the meeting's id. */
export const EVIDENCE_SENT = 'evidence-sent';

/** Value of a meeting type in the form: its id (project boards keep theirs apart). */
export interface ScheduleFormDefaults {
  readonly school?: string;
  readonly typeId?: string;
  readonly day?: string;
  readonly time?: string;
}

/** Above this many schools the form asks for a name or URN instead of a list. */
const MAX_LISTED_SCHOOLS = 400;

/**
 * The form: school, meeting type (the framework's), date (Input.Date) and time
 * (Input.Time); Submit sends `{ waymark: 'schedule-meeting', school, type, date, time }`.
 */
export function scheduleFormCard(schools: readonly SchoolRecord[], types: readonly MeetingType[], defaults: ScheduleFormDefaults = {}, note?: string): object {
  const listed = schools.filter((s) => s.urn !== undefined);
  const school =
    listed.length > 0 && listed.length <= MAX_LISTED_SCHOOLS
      ? {
          type: 'Input.ChoiceSet',
          id: 'school',
          label: 'School',
          style: 'filtered',
          isRequired: true,
          errorMessage: 'Choose the school',
          choices: listed.map((s) => ({ title: `${s.name} (${s.urn})`, value: s.urn })),
          ...(defaults.school ? { value: defaults.school } : {}),
        }
      : { type: 'Input.Text', id: 'school', label: 'School (name or URN)', isRequired: true, errorMessage: 'Say which school', ...(defaults.school ? { value: defaults.school } : {}) };
  return {
    $schema: SCHEMA,
    type: 'AdaptiveCard',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: 'Schedule a meeting', weight: 'Bolder', size: 'Medium', wrap: true },
      ...(note ? [{ type: 'TextBlock', text: note, wrap: true, isSubtle: true }] : []),
      school,
      {
        type: 'Input.ChoiceSet',
        id: 'type',
        label: 'Meeting',
        isRequired: true,
        errorMessage: 'Choose the meeting type',
        choices: types.map((t) => ({ title: t.name, value: t.id })),
        ...(defaults.typeId ? { value: defaults.typeId } : types.length === 1 && types[0] ? { value: types[0].id } : {}),
      },
      { type: 'Input.Date', id: 'date', label: 'Date', isRequired: true, errorMessage: 'Choose the date', ...(defaults.day ? { value: defaults.day } : {}) },
      { type: 'Input.Time', id: 'time', label: 'Start time', isRequired: true, errorMessage: 'Choose the time', value: defaults.time ?? '10:00' },
    ],
    actions: [{ type: 'Action.Submit', title: 'Schedule', data: { waymark: SCHEDULE_FORM } }],
  };
}

/**
 * The card a head gets with an evidence request or reminder: the message's own text (it names
 * their school and meeting only) and an "Evidence sent" button for that meeting.
 */
export function evidenceRequestCard(text: string, meetingId: string): object {
  const [title = '', ...rest] = text.split('\n');
  return {
    $schema: SCHEMA,
    type: 'AdaptiveCard',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: title, weight: 'Bolder', wrap: true },
      ...rest
        .join('\n')
        .split(/\n{2,}/)
        .filter((p) => p.trim() !== '')
        .map((p) => ({ type: 'TextBlock', text: p.trim(), wrap: true })),
    ],
    actions: [{ type: 'Action.Submit', title: 'Evidence sent', data: { waymark: EVIDENCE_SENT, meetingId } }],
  };
}
