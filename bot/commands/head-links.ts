/**
 * Heads' accounts, confirmed by an officer (officers, where only the team reads it):
 * - "head links": schools whose head has asked to be linked (pending) and those confirmed;
 * - "confirm head for Oakfield": the pending account becomes Oakfield's head (it may then see
 *   Oakfield's category and send evidence for it, and gets its reminders in Teams);
 * - "unlink head for Oakfield": removes the link, so the head's next message asks again (the
 *   only way a school's head moves to another account).
 * A head's first message in a 1:1 chat requests the link (bot/teams), when the e-mail their own
 * tenant reports is the school's head e-mail in the workbook; that alone never makes them head.
 */
import { confirmHeadLink, headLink, headLinks, removeHeadLink } from '../identity/identity.js';
import { auditMeetingCommand, OFFICER_COMMAND } from '../meetings/command-kit.js';
import { lookupSchool } from '../meetings/lookup.js';
import { shortInstant } from '../meetings/words.js';
import type { Command, CommandContext, CommandInput, Reply } from './types.js';

const NAME = 'head-links';
const LIST = /^(?:show\s+)?head\s+links[.?!]?$|^heads\s+(?:waiting|to\s+confirm)[.?!]?$/i;
const CONFIRM = /^confirm\s+(?:the\s+)?head\s+(?:for|of)\s+(.+?)[.!]?$/i;
const UNLINK = /^(?:unlink|remove)\s+(?:the\s+)?head(?:\s+link)?\s+(?:for|of)\s+(.+?)[.!]?$/i;

async function list(input: CommandInput, ctx: CommandContext): Promise<Reply> {
  const links = await headLinks(ctx.store.db);
  await auditMeetingCommand(ctx, input, NAME, 'allowed');
  if (links.length === 0) return { text: 'No head has asked to be linked to a school yet.' };
  const schools = ctx.directory.current().schools;
  const name = (urn: string) => schools.find((s) => s.urn === urn)?.name ?? `URN ${urn}`;
  const lines = links.map((l) =>
    l.status === 'pending'
      ? `- ${name(l.schoolUrn)} (URN ${l.schoolUrn}): waiting for confirmation since ${shortInstant(l.requestedAt)}; say *confirm head for ${l.schoolUrn}*`
      : `- ${name(l.schoolUrn)} (URN ${l.schoolUrn}): confirmed`,
  );
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
  const before = await headLink(ctx.store.db, school.urn);
  if (!before) {
    await auditMeetingCommand(ctx, input, NAME, 'not-found', school.urn);
    return { text: `${school.name}'s head has not asked to be linked yet: they should send me a message in a 1:1 chat first.` };
  }
  if (before.status === 'confirmed') return { text: `${school.name}'s head is already confirmed.` };
  await confirmHeadLink(ctx.store.db, school.urn, officer);
  await auditMeetingCommand(ctx, input, NAME, 'allowed', school.urn);
  return { text: `Confirmed: the account that asked is now ${school.name}'s head in Waymark (their own school only, in a 1:1 chat).` };
}

export const headLinksCommand: Command = {
  name: NAME,
  matches: (text) => LIST.test(text) || CONFIRM.test(text) || UNLINK.test(text),
  access: OFFICER_COMMAND,
  handle,
};
