import type { MeetingType } from '../frameworks/index.js';
import type { meetingStepIds } from '../frameworks/schema.js';

/** A step of a meeting's plan, as named in the framework schema. */
export type MeetingStepId = (typeof meetingStepIds)[number];

/** Notices that a move or a cancellation adds to a plan. */
export type NoticeStepId = 'moved' | 'cancelled';

/** Everything a plan step can be. */
export type PlanStepId = MeetingStepId | NoticeStepId;

/**
 * Who a step goes to:
 * - `channel`: the team's Teams channel (agenda, escalation);
 * - `members`: every member of the meeting, one by one (agenda);
 * - `head`: the school's headteacher (evidence chasing, moved and cancelled notices);
 * - `officer`: the school's named officer (SPA, CPP, adviser), in the channel (escalation, minutes).
 */
export type Recipient = 'channel' | 'members' | 'head' | 'officer';

/**
 * When a step is still sent at its time: `always`, or `no-evidence` (only while the head's
 * evidence for the meeting has not arrived: the bot checks this when the step falls due).
 */
export type StepCondition = 'always' | 'no-evidence';

/** A meeting to plan: one school, one meeting type. */
export interface Meeting {
  /** The store's id for the meeting; it starts every step key. */
  readonly id: string;
  readonly schoolUrn: string;
  readonly schoolName: string;
  readonly type: MeetingType;
  /**
   * When it starts, London wall-clock time: 'yyyy-MM-ddTHH:mm', or 'yyyy-MM-dd' when the
   * time is not set yet (then the meeting counts as lasting the whole day).
   */
  readonly startsAt: string;
}

/** One message the plan will send. Plain data, frozen. */
export interface PlanStep {
  /**
   * Unique key for the durable outbox: `${meetingId}:${step}:${recipient}` in a first plan;
   * a re-plan (revision n ≥ 1) appends `:r${n}` so its rows never collide with the cancelled
   * rows of the plan it replaces.
   */
  readonly key: string;
  readonly meetingId: string;
  /** The meeting's start this step was planned for (`Meeting.startsAt`). */
  readonly meetingStartsAt: string;
  /** 0 for a first plan; each move adds 1. */
  readonly revision: number;
  readonly step: PlanStepId;
  readonly recipient: Recipient;
  readonly condition: StepCondition;
  /** The London day it is sent, 'yyyy-MM-dd'; always a working day. */
  readonly day: string;
  /** The instant it is sent, ISO 8601 UTC ('2026-12-24T08:00:00.000Z'). */
  readonly sendAt: string;
  /**
   * The day the deadlines put it on. Differs from `day` when the meeting was set up (or
   * moved) too late and the step was brought forward to "now" (see `late`).
   */
  readonly plannedDay: string;
  /**
   * True when its planned time had passed, so it goes out at the first moment possible
   * instead (`day` may still equal `plannedDay`: planned for 08:00, sent at 10:15).
   */
  readonly late: boolean;
  /**
   * For evidence steps and notices: the evidence deadline (5pm that day). For `minutes`: the
   * day by which the minutes must be circulated.
   */
  readonly dueDay?: string;
  /** For `moved`: where the meeting was before ('yyyy-MM-ddTHH:mm' or 'yyyy-MM-dd'). */
  readonly movedFrom?: string;
}

/** Working days per step, overriding the meeting type's `deadlines`. */
export type DeadlineOverrides = Partial<Record<MeetingStepId, number>>;

/** When in the day messages go out, London wall-clock 'HH:mm'. */
export interface SendingHours {
  /** Planned steps go out at this time on their day. Default '08:00'. */
  readonly sendTime?: string;
  /**
   * A step brought forward to "now" goes out at once only between `sendTime` and this time
   * on a working day; after it, at `sendTime` on the next working day. Default '17:00'.
   */
  readonly lastSendTime?: string;
}
