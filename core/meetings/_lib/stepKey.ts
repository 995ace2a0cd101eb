import type { PlanStepId, Recipient } from '../types.js';

/** `${meetingId}:${step}:${recipient}`, plus `:r${revision}` after a move. */
export const stepKey = (meetingId: string, step: PlanStepId, recipient: Recipient, revision: number): string =>
  revision === 0 ? `${meetingId}:${step}:${recipient}` : `${meetingId}:${step}:${recipient}:r${revision}`;
