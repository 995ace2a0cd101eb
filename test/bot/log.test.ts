import { describe, expect, it } from 'vitest';
import { createLogger, errorFields, memoryLogger, redact, REDACTED, scrub } from '../../bot/log.js';

describe('log', () => {
  it('writes one JSON object per line with level, time and message', () => {
    const lines: string[] = [];
    const log = createLogger({ write: (l) => lines.push(l), clock: () => new Date('2025-01-02T03:04:05Z') });
    log.info('started', { port: 3978 });
    log.debug('hidden');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toEqual({ at: '2025-01-02T03:04:05.000Z', level: 'info', msg: 'started', port: 3978 });
  });

  it('never lets a name or an e-mail address reach the log', () => {
    const log = memoryLogger();
    const err = new Error('No school for jane.smith@school.sch.uk asked by Jane Smith');
    log.error('turn failed', {
      name: 'Jane Smith',
      from: { id: '29:1', name: 'Jane Smith' },
      nested: { email: 'jane.smith@school.sch.uk', note: 'contact jane.smith@school.sch.uk' },
      text: "what is St Mary's category?",
      error: errorFields(err, ['Jane Smith']),
    });
    log.warn('asked by bob@example.org');
    const all = log.lines.join('\n');
    expect(all).not.toMatch(/Jane|Smith|jane\.smith|bob@example|St Mary/);
    expect(all).toContain(REDACTED);
    expect(JSON.parse(log.lines[0]!).error.type).toBe('Error');
  });

  it('scrubs known strings, longest first, and bearer tokens', () => {
    expect(scrub('Jane Smith said hi to Jane', ['Jane Smith'])).toBe(`${REDACTED} said hi to ${REDACTED}`);
    expect(scrub('Authorization: Bearer abc.def.ghi')).toBe(`Authorization: Bearer ${REDACTED}`);
    expect(scrub('short ab', ['ab'])).toBe('short ab');
  });

  it('redacts personal keys at any depth but keeps safe fields', () => {
    expect(redact({ a: [{ userPrincipalName: 'x@y.uk', id: 1 }], conversationType: 'personal' })).toEqual({
      a: [{ userPrincipalName: REDACTED, id: 1 }],
      conversationType: 'personal',
    });
  });

  it('copes with cycles and non-Error throws', () => {
    const o: Record<string, unknown> = { k: 1 };
    o.self = o;
    expect(() => redact(o)).not.toThrow();
    expect(errorFields('boom x@y.com')).toEqual({ type: 'string', message: `boom ${REDACTED}` });
  });
});
