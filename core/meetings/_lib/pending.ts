import { londonDateTime } from '../../calendar/index.js';
import type { PlanStep } from '../types.js';

/**
 * The steps of a plan not sent yet. With `sent` (the outbox's sent keys), exactly those
 * not in it; without, those whose send time is still to come (after `now`, or on or after
 * `today` when there is no `now`).
 */
export function pendingSteps(
  plan: readonly PlanStep[],
  today: string,
  now: Date | undefined,
  sent: readonly string[] | undefined,
): PlanStep[] {
  if (sent !== undefined) {
    const done = new Set(sent);
    return plan.filter((s) => !done.has(s.key));
  }
  const from = (now ?? londonDateTime(today, '00:00')).getTime();
  return plan.filter((s) => new Date(s.sendAt).getTime() > from || (now === undefined && s.day >= today));
}

/** The latest revision in a plan (0 for an empty one). */
export const revisionOf = (plan: readonly PlanStep[]): number => Math.max(0, ...plan.map((s) => s.revision));

/** A step of the latest revision: it carries the meeting's current start. */
export const latestStep = (plan: readonly PlanStep[]): PlanStep | undefined => {
  const revision = revisionOf(plan);
  return plan.find((s) => s.revision === revision);
};
