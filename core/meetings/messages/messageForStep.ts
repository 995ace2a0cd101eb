import type { ExitChecklist } from '../../cycle/exitCriteria/index.js';
import { fail, ok, type Result } from '../../result.js';
import type { Meeting, PlanStep, Recipient } from '../types.js';
import { agendaText } from './agendaText.js';
import { cancelledText, minutesText, movedText } from './afterTexts.js';
import { dueTodayText, escalationText, evidenceRequestText, reminderText } from './chaseTexts.js';

export interface MessageOptions {
  /** The LA's own agenda items. */
  readonly agenda?: readonly string[];
  /** What to send, in the LA's words. */
  readonly evidence?: string;
  /** For `moved`: the evidence has already arrived. */
  readonly evidenceReceived?: boolean;
  /** For `agenda`: the school's exit criteria checklist (Reading's RAP meetings). */
  readonly exitCriteria?: ExitChecklist;
}

/** A message ready to deliver. */
export interface StepMessage {
  readonly key: string;
  readonly recipient: Recipient;
  readonly text: string;
}

/**
 * The text a plan step sends, for the meeting it was planned for. Refuses (error value):
 * a step of another meeting, a step planned for a start the meeting no longer has (re-plan
 * first), and anything that would give a head minutes or key points.
 *
 * @example
 * const plan = planMeeting({ meeting, today: '2026-12-01', calendar });
 * plan.value.map((step) => messageForStep(step, meeting)); // [{ ok: true, value: { key, recipient, text } }, …]
 */
export function messageForStep(step: PlanStep, meeting: Meeting, options: MessageOptions = {}): Result<StepMessage, string> {
  if (step.meetingId !== meeting.id) return fail(`step ${step.key} is for meeting "${step.meetingId}", not "${meeting.id}"`);
  if (step.meetingStartsAt !== meeting.startsAt) {
    return fail(`step ${step.key} was planned for ${step.meetingStartsAt}, but the meeting is now ${meeting.startsAt}: re-plan it`);
  }
  if (step.recipient === 'head' && step.step === 'minutes') {
    return fail(`step ${step.key}: heads are never sent minutes or key points`);
  }
  const text = textOf(step, meeting, options);
  return ok({ key: step.key, recipient: step.recipient, text });
}

function textOf(step: PlanStep, meeting: Meeting, options: MessageOptions): string {
  switch (step.step) {
    case 'agenda':
      return agendaText(meeting, { agenda: options.agenda, ...(options.exitCriteria ? { exitCriteria: options.exitCriteria } : {}) });
    case 'evidence-request':
      return evidenceRequestText(meeting, step, { evidence: options.evidence });
    case 'evidence-reminder':
      return reminderText(meeting, step, { evidence: options.evidence });
    case 'evidence-due':
      return dueTodayText(meeting, step, { evidence: options.evidence });
    case 'escalation':
      return escalationText(meeting, step);
    case 'minutes':
      return minutesText(meeting, step);
    case 'moved':
      return movedText(meeting, step, { evidenceReceived: options.evidenceReceived });
    case 'cancelled':
      return cancelledText(meeting);
  }
}
