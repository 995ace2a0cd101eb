/** Message text for meeting plan steps: pure, en-GB dates ("Tuesday 12 January 2027"). */
export { agendaText, type AgendaTextOptions } from './agendaText.js';
export {
  dueTodayText,
  escalationText,
  evidenceRequestText,
  reminderText,
  type ChaseStep,
  type ChaseTextOptions,
} from './chaseTexts.js';
export { cancelledText, minutesText, movedText, type NoticeTextOptions } from './afterTexts.js';
export { messageForStep, type MessageOptions, type StepMessage } from './messageForStep.js';
