/**
 * Proactive Teams messages for reminders: CloudAdapter.continueConversationAsync with a stored
 * conversation reference, then one sendActivity. botbuilder's own retry policies (which would
 * sleep on 429 by themselves) are taken out of the connector client's pipeline: the scheduler
 * retries, honouring Retry-After through one shared gate (bot/delivery/pacer.ts).
 */
import { ActivityTypes, CardFactory, type Activity, type CloudAdapter, type ConversationReference, type TurnContext } from 'botbuilder';
import type { BotConfig } from '../config.js';
import type { SendResult, TeamsMessage, TeamsSender } from '../delivery/types.js';
import { adapterFor } from './server.js';

export interface ProactiveOptions {
  readonly config: BotConfig;
  /** Default: a CloudAdapter for `config` (the same authentication as the server's). */
  readonly adapter?: CloudAdapter;
}

/** The activity a reminder becomes: subject in bold, then the text, the card if any, the mention if any. */
export function reminderActivity(message: TeamsMessage): Partial<Activity> {
  const mention = message.mention;
  const at = mention ? `<at>${mention.name}</at> ` : '';
  const heading = message.subject.trim() === '' ? '' : `**${message.subject}**\n\n`;
  return {
    type: ActivityTypes.Message,
    text: `${at}${heading}${message.text}`,
    textFormat: 'markdown',
    ...(message.card ? { attachments: [CardFactory.adaptiveCard(message.card)] } : {}),
    ...(mention
      ? { entities: [{ type: 'mention', text: `<at>${mention.name}</at>`, mentioned: { id: mention.id, name: mention.name } }] }
      : {}),
  };
}

interface HttpishError {
  statusCode?: number;
  status?: number;
  code?: string;
  message?: string;
  response?: { headers?: { get?: (name: string) => string | undefined } & Record<string, unknown> };
}

function header(err: HttpishError, name: string): string | undefined {
  const h = err.response?.headers;
  if (!h) return undefined;
  if (typeof h.get === 'function') return h.get(name) ?? undefined;
  const v = h[name] ?? h[name.toLowerCase()];
  return typeof v === 'string' ? v : undefined;
}

/** Turns whatever botbuilder threw into a SendResult (no personal data in `reason`). */
export function resultFromError(error: unknown): SendResult {
  const err = (error ?? {}) as HttpishError;
  const status = typeof err.statusCode === 'number' ? err.statusCode : typeof err.status === 'number' ? err.status : undefined;
  const retryAfter = header(err, 'retry-after');
  return {
    ok: false,
    ...(status !== undefined ? { status } : {}),
    ...(typeof err.code === 'string' && status === undefined ? { code: err.code } : {}),
    ...(retryAfter !== undefined ? { retryAfter } : {}),
    reason: status !== undefined ? `Teams answered ${status}` : `Teams request failed (${err.code ?? 'network error'})`,
  };
}

function withoutRetries(adapter: CloudAdapter, context: TurnContext): void {
  const connector = context.turnState.get(adapter.ConnectorClientKey) as
    | { client?: { pipeline?: { removePolicy(filter: { phase?: string }): unknown } } }
    | undefined;
  connector?.client?.pipeline?.removePolicy({ phase: 'Retry' });
}

export function createTeamsSender(options: ProactiveOptions): TeamsSender {
  const adapter = options.adapter ?? adapterFor(options.config);
  const appId = options.config.microsoftApp.id ?? '';
  return {
    async send(reference, message) {
      try {
        await adapter.continueConversationAsync(appId, reference as Partial<ConversationReference>, async (context) => {
          withoutRetries(adapter, context);
          await context.sendActivity(reminderActivity(message));
        });
        return { ok: true };
      } catch (error) {
        return resultFromError(error);
      }
    },
  };
}
