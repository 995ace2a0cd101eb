// The words of the visit commands (bot/cadence/words.ts): what each sentence is read as.
import { expect, it } from 'vitest';
import { parseList, parseRecord, parseUndo } from '../../bot/cadence/words.js';
it('parses', () => {
  expect(parseRecord('visited Oakfield today')).toEqual({ kind: 'visit', school: 'Oakfield', day: 'today' });
  expect(parseRecord('visit to Oakfield on 3 December')).toEqual({ kind: 'visit', school: 'Oakfield', day: '3 December' });
  expect(parseRecord('visited Oakfield Primary School')).toEqual({ kind: 'visit', school: 'Oakfield Primary School', day: undefined });
  expect(parseRecord("reviewed Oakfield's category today")).toEqual({ kind: 'review', school: 'Oakfield', day: 'today' });
  expect(parseRecord("reviewed St Mary's category on 3/12")).toEqual({ kind: 'review', school: 'St Mary', day: '3/12' });
  expect(parseUndo('undo visit to Oakfield on 3 December')).toEqual({ kind: 'visit', school: 'Oakfield', day: '3 December' });
  expect(parseUndo("undo review of Oakfield's category")).toEqual({ kind: 'review', school: 'Oakfield', day: undefined });
  expect(parseList('my visits this half term')).toEqual({ window: 'half term' });
  expect(parseList('my visits this term')).toEqual({ window: 'term' });
  expect(parseList('visits due')).toEqual({ window: 'half term' });
  expect(parseList('visits due for B. Okafor this term')).toEqual({ whose: 'B. Okafor', window: 'term' });
  expect(parseList('all visits due')).toEqual({ whose: 'all', window: 'half term' });
  expect(parseList('visits due for all schools')).toEqual({ whose: 'all', window: 'half term' });
  expect(parseList('visited Oakfield today')).toBeUndefined();
});
