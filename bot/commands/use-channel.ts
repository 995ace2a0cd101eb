/**
 * "use this channel for Waymark" (officers, in a channel of WAYMARK_TEAM_ID only: another
 * team's channel, e.g. the heads' team, must never receive agendas or escalations): agendas,
 * escalations and evidence notices go to this channel. Stores settings 'team-channel' = the channel's
 * conversation id without any thread suffix (also the key its conversation reference is kept
 * under, which bot/teams stores on every @mention and when the bot is installed).
 */
import { putSetting } from '../meetings/repo.js';
import { auditMeetingCommand, OFFICERS_ONLY } from '../meetings/command-kit.js';
import type { AccessRule } from './access.js';
import type { Command, CommandContext, CommandInput, Reply } from './types.js';

const NAME = 'use-channel';
export const TEAM_CHANNEL_SETTING = 'team-channel';

const USE = /^(?:please\s+)?(?:use|choose|pick|set)\s+this\s+channel(?:\s+(?:for|as)\s+(?:waymark|reminders|meetings|the\s+team(?:\s+channel)?)(?:\s+(?:reminders|posts|messages))?)?[.!]?$|^(?:post|send\s+(?:reminders|agendas)\s+)here(?:\s+from\s+now\s+on)?[.!]?$/i;

/** The channel's id: a channel thread's conversation id is `<channel id>;messageid=<n>`. */
export const channelKey = (input: CommandInput): string => input.conversation.channelId ?? input.conversation.id.split(';')[0] ?? input.conversation.id;

/** Officers, in a channel of the improvement team (WAYMARK_TEAM_ID) and nowhere else. */
const ACCESS: AccessRule = {
  officer: ['team-channel'],
  head: [],
  anyone: [],
  refusal: OFFICERS_ONLY,
  elsewhere: { text: "Say this in the improvement team's channel you want Waymark to post in (and @mention me there)." },
};

async function handle(input: CommandInput, ctx: CommandContext): Promise<Reply> {
  const key = channelKey(input);
  await putSetting(ctx.store.db, TEAM_CHANNEL_SETTING, key, input.user.aadObjectId ?? input.user.id);
  await auditMeetingCommand(ctx, input, NAME, 'allowed');
  return { text: 'Done: Waymark will post agendas, escalations and evidence notices in this channel.' };
}

export const useChannelCommand: Command = {
  name: NAME,
  matches: (text) => USE.test(text.trim()),
  access: ACCESS,
  handle,
};
