/** Test helpers: meetings of the built-in types. */
import { findMeetingType, type ProjectBoardVariant } from '../findMeetingType/index.js';
import type { Meeting } from '../types.js';

export function meetingOf(
  typeName: string,
  startsAt: string,
  school: { id?: string; urn?: string; name?: string; variant?: ProjectBoardVariant } = {},
): Meeting {
  const found = findMeetingType(typeName, { variant: school.variant });
  if (!found.ok) throw new Error(found.error);
  return {
    id: school.id ?? 'm1',
    schoolUrn: school.urn ?? '100001',
    schoolName: school.name ?? 'Oakfield Primary School',
    type: found.value.meetingType,
    startsAt,
  };
}

/** 'day step recipient' lines, easy to compare with a table written by hand. */
export const summary = (steps: readonly { day: string; step: string; recipient: string }[]): string[] =>
  steps.map((s) => `${s.day} ${s.step} ${s.recipient}`);
