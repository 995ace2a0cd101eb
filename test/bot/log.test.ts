import { describe, expect, it } from 'vitest';
import { createLogger, errorFields, memoryLogger, redact, REDACTED, routeConsole, scrub } from '../../bot/log.js';

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

  it('removes a name without mangling the rest of the text (issue 8, logs)', () => {
    const stack = "TypeError: Cannot read properties of undefined (reading 'then')\n    at Object.handle (bot/commands/category-query.ts:12:5)";
    // The sender's name and the message they typed: the stack keeps every word of its own.
    expect(scrub(stack, ['Jane Smith', 'what is the category of the school then'])).toBe(stack);
    expect(scrub('Janet met Jane; Smithson met Smith', ['Jane Smith'])).toBe(`Janet met ${REDACTED}; Smithson met ${REDACTED}`);
    expect(scrub('asked: what is the category of the school then', ['what is the category of the school then'])).toBe(`asked: ${REDACTED}`);
  });

  it('removes PEM keys and JWTs, and routes library console output through the logger', () => {
    const pem = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----';
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJ4In0.c2lnbmF0dXJl';
    expect(scrub(`key: ${pem} token ${jwt}`)).toBe(`key: [redacted key] token ${REDACTED}`);
    const log = memoryLogger();
    const restore = routeConsole(log);
    try {
      console.error('Error: token validation failed', { token: jwt }, pem);
      console.log('plain line');
    } finally {
      restore();
    }
    expect(log.lines).toHaveLength(2);
    const all = log.lines.join('\n');
    expect(all).not.toMatch(/MIIEvQ|eyJhbGci|BEGIN PRIVATE KEY/);
    expect(JSON.parse(log.lines[0]!)).toMatchObject({ level: 'error', msg: 'library console output' });
    expect(JSON.parse(log.lines[1]!)).toMatchObject({ level: 'info', output: 'plain line' });
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
