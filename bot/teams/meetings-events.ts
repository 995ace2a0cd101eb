/**
 * Teams events the meeting commands need, turned into plain facts and inputs: the bot being
 * added to a team or chat (conversationUpdate), and Action.Execute presses on Waymark cards
 * (an `adaptiveCard/action` invoke), which become the same `CommandInput.submit` as an
 * Action.Submit.
 */
import type { Activity } from 'botbuilder';
import type { CommandInput } from '../commands/types.js';

/** The card verbs Waymark answers with Action.Execute (the `waymark` values of its buttons). */
export const EXECUTE_VERBS = /^(schedule-meeting|evidence-sent)$/;

/** True when a conversationUpdate adds the bot itself (installed in a team, a chat or personally). */
export function botWasAdded(activity: Partial<Activity>): boolean {
  const botId = activity.recipient?.id;
  return botId !== undefined && (activity.membersAdded ?? []).some((m) => m.id === botId);
}

interface ExecuteValue {
  action?: { type?: string; verb?: string; data?: Record<string, unknown> };
}

/** An Action.Execute invoke as a command input: `submit` is the data (with `waymark` = the verb). */
export function executeInput(input: CommandInput, activity: Partial<Activity>): CommandInput {
  const action = (activity.value as ExecuteValue | undefined)?.action;
  const data = action?.data && typeof action.data === 'object' ? action.data : {};
  const waymark = typeof data.waymark === 'string' ? data.waymark : action?.verb ?? '';
  const { files: _files, ...rest } = input;
  return { ...rest, text: '', submit: { ...data, waymark } };
}
