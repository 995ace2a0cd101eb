/**
 * Heads' accounts, confirmed by an officer (officers, where only the team reads it):
 * - "head links": schools whose head has asked to be linked (pending), those confirmed, and
 *   those suspended because the workbook's head e-mail changed since the link was confirmed;
 * - "confirm head for Oakfield": the pending account becomes Oakfield's head (it may then see
 *   Oakfield's category and send evidence for it, and gets its reminders in Teams), replacing a
 *   suspended link if there is one;
 * - "unlink head for Oakfield": removes the link, so the head's next message asks again (the
 *   only way a school's head moves to another account).
 * A head's first message in a 1:1 chat requests the link (bot/teams), when the e-mail their own
 * tenant reports is the school's head e-mail in the workbook; that alone never makes them head.
 */
import { confirmHeadLink, headEmailsIn, headLinks, isCurrent, removeHeadLink, type HeadLink } from '../identity/identity.js';
import { auditMeetingCommand, OFFICER_COMMAND } from '../meetings/command-kit.js';
import { lookupSchool } from '../meetings/lookup.js';
import { shortInstant } from '../meetings/words.js';
import type { Command, CommandContext, CommandInput, Reply } from './types.js';

const NAME = 'head-links';
const LIST = /^(?:show\s+)?head\s+links[.?!]?$|^heads\s+(?:waiting|to\s+confirm)[.?!]?$/i;
const CONFIRM = /^confirm\s+(?:the\s+)?head\s+(?:for|of)\s+(.+?)[.!]?$/i;
const UNLINK = /^(?:unlink|remove)\s+(?:the\s+)?head(?:\s+link)?\s+(?:for|of)\s+(.+?)[.!]?$/i;

/** What an officer is told of one link; never an e-mail address (listed in chats, echoed in logs). */
function describe(l: HeadLink, current: boolean, name: string): string {
  const where = `- ${name} (URN ${l.schoolUrn})`;
  if (l.status === 'confirmed') {
    return current ? `${where}: confirmed` : `${where}: workbook e-mail changed: link suspended — confirm the new head or unlink (say *unlink head for ${l.schoolUrn}*)`;
  }
  return current
    ? `${where}: waiting for confirmation since ${shortInstant(l.requestedAt)}; say *confirm head for ${l.schoolUrn}*`
    : `${where}: asked on ${shortInstant(l.requestedAt)} with a head e-mail the workbook no longer gives: it cannot be confirmed; the new head should send me a message`;
}

async function list(input: CommandInput, ctx: CommandContext): Promise<Reply> {
  const links = await headLinks(ctx.store.db);
  await auditMeetingCommand(ctx, input, NAME, 'allowed');
  if (links.length === 0) return { text: 'No head has asked to be linked to a school yet.' };
  const schools = ctx.directory.current().schools;
  const name = (urn: string) => schools.find((s) => s.urn === urn)?.name ?? `URN ${urn}`;
  const headEmailOf = headEmailsIn(ctx.directory);
  const lines = links.map((l) => describe(l, isCurrent(l, headEmailOf), name(l.schoolUrn)));
  return { text: ['**Heads linked to schools**', ...lines].join('\n') };
}

async function handle(input: CommandInput, ctx: CommandContext): Promise<Reply> {
  const confirm = CONFIRM.exec(input.text);
  const unlink = UNLINK.exec(input.text);
  const which = confirm?.[1] ?? unlink?.[1];
  if (which === undefined) return list(input, ctx);
  const found = lookupSchool(which, ctx.directory.current(), confirm ? 'confirm head for {school}' : 'unlink head for {school}');
  if (!found.ok) return found.reply;
  const school = found.school;
  const officer = input.user.aadObjectId ?? input.user.id;
  if (unlink) {
    const removed = await removeHeadLink(ctx.store.db, school.urn);
    await auditMeetingCommand(ctx, input, NAME, removed ? 'allowed' : 'not-found', school.urn);
    return {
      text: removed
        ? `Unlinked: nobody is ${school.name}'s head in Waymark now. The head's next message to me will ask you to confirm them again.`
        : `Nobody is linked as ${school.name}'s head.`,
    };
  }
  const result = await confirmHeadLink(ctx.store.db, school.urn, officer, headEmailsIn(ctx.directory));
  switch (result.kind) {
    case 'not-requested':
      await auditMeetingCommand(ctx, input, NAME, 'not-found', school.urn);
      return { text: `${school.name}'s head has not asked to be linked yet: they should send me a message in a 1:1 chat first.` };
    case 'already':
      return {
        text: result.current
          ? `${school.name}'s head is already confirmed.`
          : `${school.name}'s link is suspended: the workbook's head e-mail changed. The head in the workbook now should send me a message in a 1:1 chat; then confirm them (or say *unlink head for ${school.urn}*).`,
      };
    case 'not-current':
      await auditMeetingCommand(ctx, input, NAME, 'refused', school.urn);
      return { text: `Not confirmed: the account that asked used a head e-mail the workbook no longer gives for ${school.name}. The head in the workbook now should send me a message in a 1:1 chat first.` };
    case 'confirmed':
      // The audit says a suspended link was replaced: a school's head never moves unrecorded.
      await auditMeetingCommand(ctx, result.replaced ? { ...input, text: `${input.text} [replaced a suspended head link]` } : input, NAME, 'allowed', school.urn);
      if (result.replaced) ctx.log.info('suspended head link replaced', { command: NAME });
      return {
        text: `Confirmed: the account that asked is now ${school.name}'s head in Waymark (their own school only, in a 1:1 chat).${
          result.replaced ? " The previous head's suspended link is removed." : ''
        }`,
      };
  }
}

export const headLinksCommand: Command = {
  name: NAME,
  matches: (text) => LIST.test(text) || CONFIRM.test(text) || UNLINK.test(text),
  access: OFFICER_COMMAND,
  handle,
};
