import type { ClockId } from './sources.js';

/** One dated step of a statutory clock, with the rule and the seed sentence it comes from. */
export interface ClockDate {
  readonly id: ClockId;
  /** 'yyyy-MM-dd', a London day. */
  readonly day: string;
  /** What the day is, in an officer's words ("last day to comply or make representations"). */
  readonly label: string;
  /** How the day was counted ("15 working days following Mon 7 Dec 2026"). */
  readonly rule: string;
  /** Where the rule is written: seed and paragraph. */
  readonly seed: string;
  /** The seed's sentence, quoted. */
  readonly quote: string;
  /** True when the seed says "usually": an expectation, not a statutory deadline. */
  readonly expected?: boolean;
}

/** What is known about a warning notice so far. Days are 'yyyy-MM-dd'. */
export interface WarningNoticeInput {
  /** The day the notice was given to the governing body. */
  readonly issuedOn: string;
  /** The day the governing body received it, if later than `issuedOn` (5.11 counts from receipt). */
  readonly receivedOn?: string;
  /** The day Ofsted received the governing body's representations, if any were made. */
  readonly representationsReceivedOn?: string;
  /** The day Ofsted confirmed the notice, if it has. */
  readonly ofstedConfirmedOn?: string;
}

export interface WarningNoticeClocks {
  readonly issuedOn: string;
  /** Every known date, in order of day. */
  readonly dates: readonly ClockDate[];
  readonly complianceDeadline: ClockDate;
  readonly representationsDeadline: ClockDate;
  /** Only once representations were received. */
  readonly ofstedDecisionExpected?: ClockDate;
  /**
   * The earliest working day the school can be eligible for intervention: after Ofsted's
   * confirmation when there is one, else after the compliance period (if the LA then concludes
   * the school did not comply).
   */
  readonly earliestIntervention: ClockDate;
}
