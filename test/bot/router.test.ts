import { OPEN } from '../../bot/commands/access.js';
import { describe, expect, it } from 'vitest';
import { categoryQuery } from '../../bot/commands/category-query.js';
import { fallback } from '../../bot/commands/fallback.js';
import { emptyDirectory } from '../../bot/directory/directory.js';
import { CYCLE_EXAMPLES, help, HELP_EXAMPLES, MEETING_EXAMPLES } from '../../bot/commands/help.js';
import { COMMANDS, route } from '../../bot/commands/router.js';
import type { Command, CommandContext, CommandInput } from '../../bot/commands/types.js';
import { memoryLogger } from '../../bot/log.js';
import { testConfig } from './helpers.js';

const input = (text: string): CommandInput => ({
  text,
  user: { id: 'u1' },
  conversation: { id: 'c1', type: 'personal' },
});
const ctx = {
  config: testConfig(),
  store: undefined as never,
  log: memoryLogger(),
  role: 'officer',
  now: () => new Date(0),
  directory: emptyDirectory(),
  askerAddresses: async () => [],
} satisfies CommandContext;

describe('router', () => {
  it.each(['help', 'HELP', '  help ', '?', 'what can you do?'])('routes %j to help', async (text) => {
    const { command, reply } = await route(input(text), ctx);
    expect(command).toBe('help');
    for (const example of HELP_EXAMPLES) expect(reply.text).toContain(example);
    // A card (not Markdown), whose examples are buttons that ask them.
    expect(reply.text).not.toMatch(/\*\*|^- /m);
    const buttons = JSON.stringify(reply.card);
    for (const example of HELP_EXAMPLES) expect(buttons).toContain(JSON.stringify({ waymark: 'ask', ask: example }));
  });

  it('lists the meeting and improvement-cycle commands in help, and each example reaches a command', async () => {
    const { reply } = await route(input('help'), ctx);
    for (const example of [...MEETING_EXAMPLES, ...CYCLE_EXAMPLES]) {
      expect(reply.text).toContain(`"${example}"`);
      const command = COMMANDS.find((c) => c.matches(example));
      expect(command?.name, example).toBeDefined();
      expect(command?.name, example).not.toBe('school-question');
    }
  });

  it('falls back with a pointer to help', async () => {
    const { command, reply } = await route(input('make me a sandwich'), ctx);
    expect(command).toBe('fallback');
    expect(reply.text).toMatch(/^I didn't understand/);
    expect(reply.suggestions).toEqual(['help']);
  });

  it('uses the first matching command and passes trimmed text', async () => {
    const seen: string[] = [];
    const echo: Command = { name: 'echo', matches: (t) => t.startsWith('echo'), access: OPEN, handle: (i) => (seen.push(i.text), { text: i.text }) };
    const { command, reply } = await route(input('  echo hi  '), ctx, [echo, help]);
    expect(command).toBe('echo');
    expect(reply.text).toBe('echo hi');
    expect(seen).toEqual(['echo hi']);
  });

  it('propagates a handler error to the caller (bot/teams apologises)', async () => {
    const boom: Command = { name: 'boom', matches: () => true, access: OPEN, handle: () => { throw new Error('x'); } };
    await expect(route(input('anything'), ctx, [boom])).rejects.toThrow('x');
  });

  it('keeps fallback out of the list so it is always last', () => {
    expect(COMMANDS).not.toContain(fallback);
    expect(COMMANDS).toContain(help);
    expect(COMMANDS).toContain(categoryQuery);
  });
});
