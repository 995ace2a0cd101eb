/**
 * Plan steps → outbox items: the text from the core (`messageForStep`), a subject, the
 * recipient from the workbook (the head by e-mail, the school's officer), and for the head's
 * evidence requests a card with an "Evidence sent" button. A head's item only ever carries
 * their own school's meeting; the core refuses minutes or key points to heads.
 */
import type { ExitChecklist } from '../../core/cycle/index.js';
import { messageForStep } from '../../core/meetings/messages/messageForStep.js';
import type { Meeting, PlanStep } from '../../core/meetings/types.js';
import { fail, ok, type Result } from '../../core/result.js';
import type { SchoolRecord } from '../../core/schools/types.js';
import type { NewOutboxItem } from '../outbox/types.js';
import { evidenceRequestCard } from './cards.js';

/** Who the school's people are, from the workbook. */
export type SchoolPeople = Pick<SchoolRecord, 'head' | 'headEmail' | 'officer'>;

const CHASES: ReadonlySet<string> = new Set(['evidence-request', 'evidence-reminder', 'evidence-due']);
const looksLikeEmail = (s: string | undefined): s is string => s !== undefined && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(s.trim());

function recipientOf(step: PlanStep, people: SchoolPeople | undefined): NewOutboxItem['recipient'] {
  if (step.recipient === 'head') {
    const email = people?.headEmail?.trim();
    const name = people?.head?.trim();
    return { ...(looksLikeEmail(email) ? { email: email.toLowerCase() } : {}), ...(name ? { name } : {}) };
  }
  if (step.recipient === 'officer') {
    const officer = people?.officer?.trim();
    if (!officer) return undefined;
    return looksLikeEmail(officer) ? { email: officer.toLowerCase() } : { name: officer };
  }
  return undefined;
}

export interface RenderOptions {
  /** The head's evidence is in: the moved notice says nothing more is needed. */
  readonly evidenceReceived?: boolean;
  /** The school's exit criteria checklist, for a RAP meeting's agenda. */
  readonly exitCriteria?: ExitChecklist;
}

/** The outbox items for `steps` of `meeting`. Fails (nothing is half-rendered) if the core refuses any. */
export function outboxItems(
  steps: readonly PlanStep[],
  meeting: Meeting,
  people: SchoolPeople | undefined,
  options: RenderOptions = {},
): Result<NewOutboxItem[], string> {
  const items: NewOutboxItem[] = [];
  for (const step of steps) {
    const message = messageForStep(step, meeting, {
      ...(options.evidenceReceived ? { evidenceReceived: true } : {}),
      ...(options.exitCriteria ? { exitCriteria: options.exitCriteria } : {}),
    });
    if (!message.ok) return fail(message.error);
    const text = message.value.text;
    const subject = (text.split('\n').find((l) => l.trim() !== '') ?? '').trim().slice(0, 160);
    const recipient = recipientOf(step, people);
    items.push({
      key: step.key,
      meetingId: meeting.id,
      schoolUrn: meeting.schoolUrn,
      step: step.step,
      recipientRole: step.recipient,
      ...(recipient && Object.keys(recipient).length > 0 ? { recipient } : {}),
      condition: step.condition,
      sendAt: new Date(step.sendAt),
      message: {
        subject,
        text,
        ...(step.recipient === 'head' && CHASES.has(step.step) ? { card: evidenceRequestCard(text, meeting.id) } : {}),
      },
    });
  }
  return ok(items);
}
