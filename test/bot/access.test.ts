// Finding 1 of issue 8: one access rule for every command, enforced by the router. The table:
// every command × every kind of asker × every kind of conversation → allowed, or the same
// refusal (an officer elsewhere always hears the category command's words). The expectations
// are written out here, not read from the rules, so that a rule changed by mistake fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LETTERS_OFFICERS_ONLY, NOT_HERE, VISITS_OFFICERS_ONLY, type Place } from '../../bot/commands/access.js';
import { OFFICER_ELSEWHERE } from '../../bot/commands/category-query.js';
import { NOT_A_HEAD } from '../../bot/commands/evidence.js';
import { COMMANDS, route } from '../../bot/commands/router.js';
import type { CommandContext, CommandInput, Reply, Role } from '../../bot/commands/types.js';
import { staticDirectory, type SchoolDirectory } from '../../bot/directory/directory.js';
import { memoryLogger } from '../../bot/log.js';
import { OFFICERS_ONLY } from '../../bot/meetings/command-kit.js';
import type { MeetingServices } from '../../bot/meetings/services.js';
import { createOutbox } from '../../bot/outbox/outbox.js';
import type { Store } from '../../bot/store/store.js';
import { makeCalendar } from '../../core/calendar/index.js';
import { refusalReply } from '../../core/messages/categoryReply.js';
import { framework } from '../meetings-bot/fakes.js';
import { memoryStore, testConfig } from './helpers.js';
import { exampleSchools } from './schools-fixture.js';

const TEAM = '19:team@thread.tacv2';
const config = testConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'pw', MicrosoftAppTenantId: 't-1', WAYMARK_TEAM_ID: TEAM });

/** A message that each command answers (and only it). */
const SAMPLES: Record<string, string> = {
  help: 'help',
  'use-channel': 'use this channel for Waymark',
  'head-links': 'head links',
  'import-meetings': 'import meetings',
  'calendar-events': 'calendar events I could not match',
  'reminder-status': "status of Oakfield's reminders",
  evidence: 'evidence received for Oakfield',
  'schedule-meeting': 'schedule a RAP for Oakfield Primary School on 12 Jan 2027 at 10:00',
  'move-meeting': "move Oakfield's RAP to 16 Dec",
  'cancel-meeting': "cancel Oakfield's RAP",
  'next-meeting': 'next meeting for 101234',
  'list-meetings': 'meetings for 101234',
  'category-query': 'category of 101234',
  'warning-notice': 'warning notice issued to 101234 today',
  'which-letters': 'which letters for 101234',
  'draft-letter': 'draft the category change letter for 101234 anyway',
  'exit-criteria': 'exit criteria for 101234',
  'tick-exit-criterion': 'tick exit criterion 1 for 101234',
  'project-board-report': 'project board report for 101234',
  'record-visit': 'visited 101234 today',
  'undo-visit': 'undo visit to 101234 today',
  'my-visits': 'my visits this half term',
  'school-question': 'why is Oakfield in that category?',
  fallback: 'make me a sandwich',
};

type Asker = 'officer' | 'head' | 'guest';
const ASKERS: readonly Asker[] = ['officer', 'head', 'guest'];
const PLACES: readonly Place[] = ['personal', 'team-channel', 'other-channel', 'groupChat'];
const TEAM_ONLY: readonly Place[] = ['personal', 'team-channel'];
const USE_CHANNEL_ELSEWHERE = "Say this in the improvement team's channel you want Waymark to post in (and @mention me there).";

/** What each command should do for each asker in each place: 'allowed' or the refusal's text. */
function expected(command: string, asker: Asker, place: Place): 'allowed' | string {
  if (command === 'help' || command === 'fallback') return 'allowed';
  if (command === 'category-query' || command === 'evidence') {
    const refusal = command === 'category-query' ? refusalReply.text : NOT_A_HEAD.text;
    if (asker === 'officer') return TEAM_ONLY.includes(place) ? 'allowed' : NOT_HERE.text;
    if (asker === 'head') return place === 'personal' ? 'allowed' : refusal;
    return refusal;
  }
  if (command === 'school-question') {
    // Why, what would move it, summary, history: category information for officers only.
    if (asker === 'officer') return TEAM_ONLY.includes(place) ? 'allowed' : NOT_HERE.text;
    return refusalReply.text;
  }
  if (command === 'which-letters' || command === 'draft-letter') {
    // Letters: officers, where only the team reads the answer; the draft itself only ever in
    // the personal chat (bot/teams/files.ts). Nobody else hears anything about the school.
    if (asker === 'officer') return TEAM_ONLY.includes(place) ? 'allowed' : NOT_HERE.text;
    return LETTERS_OFFICERS_ONLY.text;
  }
  if (command === 'use-channel') {
    if (asker === 'officer') return place === 'team-channel' ? 'allowed' : USE_CHANNEL_ELSEWHERE;
    return OFFICERS_ONLY.text;
  }
  if (command === 'record-visit' || command === 'undo-visit' || command === 'my-visits') {
    if (asker === 'officer') return TEAM_ONLY.includes(place) ? 'allowed' : NOT_HERE.text;
    return VISITS_OFFICERS_ONLY.text;
  }
  // Every other command manages meetings or heads: officers only, where only the team reads it.
  if (asker === 'officer') return TEAM_ONLY.includes(place) ? 'allowed' : NOT_HERE.text;
  return OFFICERS_ONLY.text;
}

const CONVERSATIONS: Record<Place, CommandInput['conversation']> = {
  personal: { id: 'a:personal-1', type: 'personal' },
  'team-channel': { id: `${TEAM};messageid=1`, type: 'channel', teamId: TEAM, channelId: TEAM },
  'other-channel': { id: '19:heads@thread.tacv2;messageid=1', type: 'channel', teamId: '19:heads@thread.tacv2', channelId: '19:heads@thread.tacv2' },
  groupChat: { id: '19:group@thread.v2', type: 'groupChat' },
};

let store: Store;
let cleanup: () => Promise<void>;
let directory: SchoolDirectory;
let services: MeetingServices;
beforeAll(async () => {
  ({ store, cleanup } = await memoryStore());
  directory = staticDirectory(await exampleSchools());
  services = { outbox: createOutbox(store.db), calendar: makeCalendar(), framework: framework('reading') };
});
afterAll(() => cleanup());

function ask(text: string, asker: Asker, place: Place) {
  const role: Role = asker === 'officer' ? 'officer' : 'guest';
  const ctx: CommandContext = {
    config,
    store,
    log: memoryLogger(),
    role,
    now: () => new Date('2026-12-01T10:00:00Z'),
    directory,
    askerAddresses: async () => [],
    // The head of Oakfield (URN 101234), confirmed by an officer.
    headOf: async () => (asker === 'head' ? ['101234'] : []),
    meetings: services,
  };
  const input: CommandInput = { text, user: { id: `29:${asker}`, aadObjectId: `aad-${asker}`, name: 'Someone' }, conversation: CONVERSATIONS[place] };
  return route(input, ctx);
}

const REFUSALS: readonly Reply[] = [NOT_HERE, refusalReply, NOT_A_HEAD, OFFICERS_ONLY, LETTERS_OFFICERS_ONLY, VISITS_OFFICERS_ONLY, { text: USE_CHANNEL_ELSEWHERE }];

describe('one access rule for every command', () => {
  it('has a sample for every command the router knows, and each sample reaches its command', async () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...COMMANDS.map((c) => c.name), 'fallback'].sort());
    for (const [name, text] of Object.entries(SAMPLES)) expect((await ask(text, 'officer', 'personal')).command).toBe(name);
  });

  it('the category command and the meeting commands refuse an officer in the same words', () => {
    expect(NOT_HERE).toEqual(OFFICER_ELSEWHERE);
  });

  const rows = Object.keys(SAMPLES).flatMap((command) => ASKERS.flatMap((asker) => PLACES.map((place) => [command, asker, place] as const)));
  it.each(rows)('%s × %s × %s', async (command, asker, place) => {
    const want = expected(command, asker, place);
    const routed = await ask(SAMPLES[command] as string, asker, place);
    expect(routed.command).toBe(command);
    if (want === 'allowed') {
      expect(routed.allowed).toBe(true);
      expect(REFUSALS.map((r) => r.text)).not.toContain(routed.reply.text);
    } else {
      expect(routed.allowed).toBe(false);
      expect(routed.reply).toEqual({ text: want });
    }
  });

  it('audits every refusal, before the handler could run', async () => {
    await store.db.query('DELETE FROM audit');
    await ask('meetings for 101234', 'officer', 'groupChat');
    await ask('evidence received for Oakfield', 'guest', 'other-channel');
    const audit = (await store.audit.recent(5)).reverse();
    expect(audit.map((a) => [a.command, a.actorRole, a.outcome, a.conversationType, a.schoolUrn])).toEqual([
      ['list-meetings', 'officer', 'refused', 'groupChat', null],
      ['evidence', 'guest', 'refused', 'channel', null],
    ]);
  });
});
