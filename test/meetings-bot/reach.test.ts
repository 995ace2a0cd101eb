// Honest scheduling (issue 11, part 5): replies say who can be reached now and how, by the
// scheduler's own router (bot/delivery/route.ts, wired as bot/start.ts wires it), with the fix;
// later replies count only reminders that would really go.
import { rmSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { confirmHeadLink, headEmailsIn, requestHeadLinks } from '../../bot/identity/identity.js';
import { putSetting } from '../../bot/meetings/repo.js';
import { exampleCopy, OAKFIELD_HEAD } from '../bot/schools-fixture.js';
import { harness, type Harness } from './fakes.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.cleanup();
  h = undefined;
});

const SCHEDULE = 'schedule a RAP for Oakfield Primary School on 12 Jan 2027 at 10:00';
const HEAD_FIX_CHAT = 'ask the head to say hello to Waymark in a 1:1 chat and have an officer confirm them with "confirm head for Oakfield Primary School"';
const CHANNEL_FIX = 'To fix: say "use this channel for Waymark" in the team\'s channel (with an @mention of Waymark).';

async function schedule(x: Harness): Promise<{ id: string; text: string }> {
  x.at('2026-12-01T10:00:00Z');
  const { command, reply } = await x.say(SCHEDULE);
  expect(command).toBe('schedule-meeting');
  const [m] = await x.meetings();
  if (!m) throw new Error(`not scheduled: ${reply.text}`);
  return { id: m.id, text: reply.text };
}

/** The team channel chosen with "use this channel for Waymark", with the reference bot/teams keeps. */
async function chooseChannel(x: Harness): Promise<void> {
  const id = '19:improvement@thread.tacv2';
  await x.store.conversations.save(id, 'channel', { conversation: { id, conversationType: 'channel' }, serviceUrl: 'http://127.0.0.1:1/' });
  await putSetting(x.store.db, 'team-channel', id, 'aad-officer');
}

/** Oakfield's head has chatted with Waymark and an officer confirmed them. */
async function confirmHead(x: Harness): Promise<void> {
  await requestHeadLinks(x.store.db, 'aad-head', [{ urn: '101234', email: OAKFIELD_HEAD }]);
  await confirmHeadLink(x.store.db, '101234', 'aad-officer', headEmailsIn(x.directory));
  await x.store.conversations.save('aad-head', 'user', { conversation: { id: 'a:head-chat', conversationType: 'personal' }, serviceUrl: 'http://127.0.0.1:1/' });
}

describe('scheduling says who can be reached', () => {
  it('no team channel, a head with no Teams chat and no e-mail set up: every recipient is named with its fix, and no step reads as a promise', async () => {
    h = await harness({ routes: { mail: false } });
    const { text } = await schedule(h);
    expect(text).toContain('Who hears about it:');
    expect(text).toContain(
      `- Head (Tom Davies): **cannot be reached**: no Teams chat with the head and e-mail is not configured (WAYMARK_MAIL_FROM). To fix: ${HEAD_FIX_CHAT}, or set WAYMARK_MAIL_FROM (a mailbox Waymark may send from) and restart Waymark.`,
    );
    expect(text).toContain(`- Officer (A. Patel): **cannot be reached**: no Teams chat with the officer and no team channel to @mention them in. ${CHANNEL_FIX}`);
    expect(text).toContain(`- Team channel (agendas and notices): **cannot be reached**: no team channel is set for Waymark. ${CHANNEL_FIX}`);
    expect(text).toContain('- Thu 24 Dec 2026 08:00: Ask for evidence, due by 5pm Tue 5 Jan 2027 → headteacher (**no route now**: not sent unless fixed)');
    expect(text).toContain('- Thu 24 Dec 2026 08:00: Post the agenda → team channel (**no route now**: not sent unless fixed)');
    expect(text).not.toContain('can be reached now');
  });

  it('with e-mail configured the head is reached by e-mail; with the channel chosen, agendas and the officer go there', async () => {
    h = await harness({ routes: { mail: true } });
    await chooseChannel(h);
    const { text } = await schedule(h);
    expect(text).toContain(`- Head (Tom Davies): can be reached now, by e-mail (${OAKFIELD_HEAD})`);
    expect(text).toContain('- Officer (A. Patel): can be reached now, in the team channel');
    expect(text).toContain('- Team channel (agendas and notices): can be reached now, in the team channel');
    expect(text).not.toContain('cannot be reached');
    expect(text).not.toContain('no route now');
    expect(text).toContain('- Thu 24 Dec 2026 08:00: Ask for evidence, due by 5pm Tue 5 Jan 2027 → headteacher\n');
  });

  it('a head an officer confirmed, who has chatted with Waymark, is reached in Teams even without e-mail', async () => {
    h = await harness({ routes: { mail: false } });
    await confirmHead(h);
    const { text } = await schedule(h);
    expect(text).toContain('- Head (Tom Davies): can be reached now, by Teams chat');
    expect(text).not.toContain('→ headteacher (**no route now**');
    // The channel is still missing, and said so.
    expect(text).toContain(`- Team channel (agendas and notices): **cannot be reached**: no team channel is set for Waymark. ${CHANNEL_FIX}`);
  });

  it('a head with no e-mail address in the workbook: the fix is their address (a head is confirmed by it, so a chat alone cannot do)', async () => {
    h = await harness({ routes: { mail: true }, schools: (all) => all.map((s) => (s.urn === '101234' ? { ...s, headEmail: undefined } : s)) });
    const { text } = await schedule(h);
    expect(text).toContain(
      `- Head (Tom Davies): **cannot be reached**: no head e-mail in the workbook for this school. To fix: add the head's e-mail address to the workbook.`,
    );
    // The old note is not repeated beside it.
    expect(text).not.toContain('Note: the workbook has no e-mail address');
  });
});

describe('later replies count only what will really happen', () => {
  /** Scheduled with no routes; on 24 Dec the scheduler found none for the first sends. */
  async function failedFirstSends(x: Harness): Promise<string> {
    const { id } = await schedule(x);
    const why = 'no Teams chat with the head and e-mail is not configured (WAYMARK_MAIL_FROM)';
    await x.mark([`${id}:evidence-request:head`, `${id}:agenda:channel`, `${id}:agenda:members`], 'no-route', { lastError: why });
    x.at('2026-12-29T10:00:00Z');
    return id;
  }

  it('cancel: reminders that failed or have no route are not "stopped", and the head is not said to be told', async () => {
    h = await harness({ routes: { mail: false } });
    await failedFirstSends(h);
    const { command, reply } = await h.say('cancel the RAP for Oakfield Primary School');
    expect(command).toBe('cancel-meeting');
    expect(reply.text).toContain('No pending reminder was stopped: the 4 still pending had no route and would not have been sent;');
    expect(reply.text).toContain(`the head **cannot be told** the meeting is cancelled: no Teams chat with the head and e-mail is not configured (WAYMARK_MAIL_FROM). To fix: ${HEAD_FIX_CHAT}`);
    expect(reply.text).not.toMatch(/\d pending reminders? (was|were) stopped/);
  });

  it('cancel with e-mail configured: only the head\'s reminders count as stopped, the officer\'s (no channel) apart', async () => {
    h = await harness({ routes: { mail: true } });
    await failedFirstSends(h);
    const { reply } = await h.say('cancel the RAP for Oakfield Primary School');
    expect(reply.text).toContain('2 pending reminders were stopped (2 others had no route and would not have been sent); the head is told the meeting is cancelled by e-mail.');
  });

  it('move: the same counting, and the head\'s notice marked when it cannot go', async () => {
    h = await harness({ routes: { mail: false } });
    await failedFirstSends(h);
    const { command, reply } = await h.say('move the RAP for Oakfield Primary School to 19 Jan 2027 at 10:00');
    expect(command).toBe('move-meeting');
    expect(reply.text).toContain('No pending reminder was stopped: the 4 still pending had no route and would not have been sent; the head **cannot be told** of the move:');
    expect(reply.text).toContain('→ headteacher (**no route now**: not sent unless fixed)');
  });

  it('evidence: chasers with no route are not counted as stopped; the channel is not said to be told without one', async () => {
    h = await harness({ routes: { mail: false } });
    await failedFirstSends(h);
    const { reply } = await h.say('evidence received for Oakfield Primary School');
    expect(reply.text).toContain(
      `No pending reminder was stopped: the 3 still pending had no route and would not have been sent; the channel **cannot be told**: no team channel is set for Waymark. ${CHANNEL_FIX}`,
    );
    expect(reply.text).not.toContain('the channel is told');
  });

  it('evidence with the head reached by e-mail and a channel: the chasers count and the channel is told', async () => {
    h = await harness({ routes: { mail: true } });
    await chooseChannel(h);
    await failedFirstSends(h);
    const { reply } = await h.say('evidence received for Oakfield Primary School');
    expect(reply.text).toContain('3 pending reminders were stopped; the channel is told.');
  });

  it('status, list and next: no "evidence awaited" when the head was never asked and cannot be', async () => {
    h = await harness({ routes: { mail: false } });
    await failedFirstSends(h);
    const status = (await h.say("status of Oakfield Primary School's reminders")).reply.text;
    expect(status).toContain(`no evidence asked for: no Teams chat with the head and e-mail is not configured (WAYMARK_MAIL_FROM) (to fix: ${HEAD_FIX_CHAT}`);
    expect(status).not.toContain('evidence awaited');
    expect(status).toContain(
      '- Evidence reminder → head (Tom Davies): pending, due Thu 31 Dec 2026 08:00, but no route now (no Teams chat with the head and e-mail is not configured (WAYMARK_MAIL_FROM))',
    );
    const list = (await h.say('meetings next month')).reply.text;
    expect(list).toContain('Oakfield Primary School (URN 101234) · no evidence asked for: the head cannot be reached');
    const next = (await h.say('next meeting for Oakfield Primary School')).reply.text;
    expect(next).toContain('· no evidence asked for: the head cannot be reached');
    // Once the head is confirmed in Teams, the reminders still pending will reach them.
    await confirmHead(h);
    const after = (await h.say("status of Oakfield Primary School's reminders")).reply.text;
    expect(after).toContain('evidence awaited');
    expect(after).not.toContain('but no route now (no Teams chat with the head');
  });
});

describe('importing says who can be reached', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('names each recipient of the imported meetings that cannot be reached, once, with the fix', async () => {
    const copy = exampleCopy();
    dir = copy.dir;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(copy.file);
    const ws = wb.addWorksheet('Meetings');
    ws.addRow(['School', 'URN', 'Type', 'Date', 'Time']);
    ws.addRow(['Oakfield Primary School', '101234', 'RAP', '12/01/2027', '10:00']);
    ws.addRow(['Thornbury Primary School', null, 'RAP', '19/01/2027', '10:00']);
    await wb.xlsx.writeFile(copy.file);
    h = await harness({ workbookFile: copy.file, routes: { mail: false } });
    await confirmHead(h);
    h.at('2026-12-01T10:00:00Z');
    const { command, reply } = await h.say('import meetings');
    expect(command).toBe('import-meetings');
    expect(reply.text).toContain('2 meetings imported from the "Meetings" sheet.');
    expect(reply.text).toContain('Cannot be reached now (their reminders will not be sent until this is fixed):');
    // The channel once for both meetings; Oakfield's confirmed head is not listed, Thornbury's is.
    expect(reply.text.match(/- Team channel: /g)).toHaveLength(1);
    expect(reply.text).toContain(`- Team channel: no team channel is set for Waymark. ${CHANNEL_FIX}`);
    expect(reply.text).toMatch(/- Head of Thornbury Primary School( \([^)]*\))?: no Teams chat with the head and e-mail is not configured \(WAYMARK_MAIL_FROM\)\. To fix: ask the head to say hello to Waymark in a 1:1 chat and have an officer confirm them with "confirm head for Thornbury Primary School"/);
    expect(reply.text).not.toContain('Head of Oakfield');
  });
});
