import { describe, expect, it } from 'vitest';
import { getFramework, parseFramework, type Framework } from '../../frameworks/index.js';
import { findMeetingType, meetingTypeAliases, validMeetingTypeNames } from './index.js';

const idOf = (name: string, options?: Parameters<typeof findMeetingType>[1]) => {
  const found = findMeetingType(name, options);
  return found.ok ? `${found.value.framework.id}/${found.value.meetingType.id}` : found.error;
};

describe('findMeetingType', () => {
  it('knows the five short names', () => {
    expect(Object.keys(meetingTypeAliases)).toEqual(['rap', 'laig', 'project-board', 'progress-review', 'steering-group']);
    expect(idOf('rap')).toBe('reading/rap');
    expect(idOf('laig')).toBe('cambridgeshire/laig');
    expect(idOf('progress-review')).toBe('southwark/progress-review');
    expect(idOf('steering-group')).toBe('triborough/steering-group');
  });

  it('reads project-board as a subsequent board unless the school has its first', () => {
    expect(idOf('project-board')).toBe('camden/project-board-subsequent');
    expect(idOf('project-board', { variant: 'subsequent' })).toBe('camden/project-board-subsequent');
    expect(idOf('project-board', { variant: 'initial' })).toBe('camden/project-board-initial');
  });

  it('takes framework/id, a unique id, and ignores case and spaces', () => {
    expect(idOf('camden/project-board-initial')).toBe('camden/project-board-initial');
    expect(idOf('project-board-initial')).toBe('camden/project-board-initial');
    expect(idOf('  RAP ')).toBe('reading/rap');
  });

  it('lists the valid names for an unknown one', () => {
    expect(idOf('visit')).toBe(
      `unknown meeting type "visit" (valid: ${validMeetingTypeNames().join(', ')})`,
    );
    expect(validMeetingTypeNames().slice(0, 5)).toEqual(['rap', 'laig', 'project-board', 'progress-review', 'steering-group']);
    expect(idOf('reading/laig')).toContain('unknown meeting type "reading/laig"');
  });

  it("finds a custom framework's meetings, and says when an id is ambiguous", () => {
    const reading = getFramework('reading');
    if (!reading.ok) throw new Error(reading.error);
    const custom = parseFramework({
      ...structuredClone(reading.value),
      id: 'leeds',
      name: 'Leeds',
      meetings: [{ ...structuredClone(reading.value.meetings[0]), id: 'rap', name: 'Leeds RAP' }],
    });
    if (!custom.ok) throw new Error(custom.error.join('\n'));
    const frameworks: Framework[] = [custom.value];
    expect(idOf('rap', { frameworks })).toContain('unknown meeting type "rap"'); // the alias means reading/rap
    expect(idOf('leeds/rap', { frameworks })).toBe('leeds/rap');
    expect(validMeetingTypeNames(frameworks)).toEqual(['leeds/rap']);
    expect(idOf('rap', { frameworks: [custom.value, reading.value] })).toBe('reading/rap');
    const both = [custom.value, { ...custom.value, id: 'york' }];
    expect(idOf('rap', { frameworks: both })).toContain('unknown');
    expect(findMeetingType('LEEDS/RAP', { frameworks: both }).ok).toBe(true);
  });
});
