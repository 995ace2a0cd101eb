import {
  addWorkingDays,
  isWorkingDay,
  londonDateTime,
  nextWorkingDay,
  type WorkingCalendar,
} from '../../calendar/index.js';

/** A moment a message can go out: its London day and its instant. */
export interface Slot {
  readonly day: string;
  readonly at: Date;
}

export interface Clock {
  readonly today: string;
  /** Omitted: the start of `today`. */
  readonly now?: Date;
  readonly sendTime: string;
  readonly lastSendTime: string;
  readonly calendar: WorkingCalendar;
}

/**
 * The first moment a message can go out from now: now itself on a working day between
 * `sendTime` and `lastSendTime`; `sendTime` today if that is still to come on a working day;
 * otherwise `sendTime` on the next working day.
 */
export function firstSlot(clock: Clock): Slot {
  const { today, now, sendTime, lastSendTime, calendar } = clock;
  if (isWorkingDay(today, calendar)) {
    const opens = londonDateTime(today, sendTime);
    const closes = londonDateTime(today, lastSendTime);
    if (now === undefined || now.getTime() < opens.getTime()) return { day: today, at: opens };
    if (now.getTime() < closes.getTime()) return { day: today, at: new Date(now.getTime()) };
  }
  const day = isWorkingDay(today, calendar) ? addWorkingDays(today, 1, calendar) : nextWorkingDay(today, calendar);
  return { day, at: londonDateTime(day, sendTime) };
}
