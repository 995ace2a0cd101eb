/**
 * Meetings: their types (from the frameworks), the plan of messages each sends on working
 * days (agenda, evidence chasing, escalation, minutes), moves and cancellations, and the
 * text of every message. Pure: pass `today`/`now` and a calendar from core/calendar.
 *
 * The bot stores plan steps in its outbox by `key` and sends each at `sendAt` if its
 * `condition` still holds; it renders text with `messageForStep`.
 */
export type {
  DeadlineOverrides,
  Meeting,
  MeetingStepId,
  NoticeStepId,
  PlanStep,
  PlanStepId,
  Recipient,
  SendingHours,
  StepCondition,
} from './types.js';
export {
  findMeetingType,
  meetingTypeAliases,
  validMeetingTypeNames,
  type FindMeetingTypeOptions,
  type FoundMeetingType,
  type MeetingTypeAlias,
  type ProjectBoardVariant,
} from './findMeetingType/index.js';
export { planMeeting, type PlanMeetingOptions } from './planMeeting/index.js';
export { replanMeeting, type Replan, type ReplanMeetingOptions } from './replanMeeting/index.js';
export { cancelMeeting, type Cancellation, type CancelMeetingOptions } from './cancelMeeting/index.js';
export { describeStep, recipientWords } from './describeStep/index.js';
export { stepOutdated } from './stepOutdated/index.js';
export * from './messages/index.js';
