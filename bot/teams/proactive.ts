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

/**
 * The activity a reminder becomes: one message. Without a card, the subject in bold then the
 * text, after an @mention if any. With a card, the card alone (text beside a card is drawn as a
 * second bubble, as replies are not): the text is its fallback and the activity's summary
 * (notifications, clients without cards), and an @mention goes inside the card, as Teams
 * reads card mentions: `<at>name</at>` in a TextBlock and the mention in the card's
 * `msteams.entities`.
 */
export function reminderActivity(message: TeamsMessage): Partial<Activity> {
  const mention = message.mention;
  const at = mention ? `<at>${mention.name}</at>` : '';
  const entity = mention ? { type: 'mention', text: at, mentioned: { id: mention.id, name: mention.name } } : undefined;
  const subject = message.subject.trim();
  const heading = subject === '' ? '' : `**${message.subject}**\n\n`;
  if (!message.card) {
    return {
      type: ActivityTypes.Message,
      text: `${at ? `${at} ` : ''}${heading}${message.text}`,
      textFormat: 'markdown',
      ...(entity ? { entities: [entity] } : {}),
    };
  }
  const card = message.card as { body?: readonly unknown[]; msteams?: { entities?: readonly unknown[] } & Record<string, unknown> } & Record<string, unknown>;
  const content = {
    ...card,
    fallbackText: `${heading}${message.text}`,
    ...(entity
      ? {
          body: [{ type: 'TextBlock', text: at, wrap: true }, ...(card.body ?? [])],
          msteams: { ...card.msteams, entities: [...(card.msteams?.entities ?? []), entity] },
        }
      : {}),
  };
  return {
    type: ActivityTypes.Message,
    summary: subject === '' ? message.text : `${subject}: ${message.text}`,
    attachments: [CardFactory.adaptiveCard(content)],
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

interface Pipeline {
  removePolicy(filter: { phase?: string; name?: string }): unknown;
  addPolicy(
    policy: { name: string; sendRequest(request: unknown, next: (request: unknown) => Promise<unknown>): Promise<unknown> },
    options?: { afterPhase?: string },
  ): void;
}

/**
 * Takes botbuilder's retry policies out of this turn's connector client (a new client per
 * proactive turn), and runs `beforeRequest` as the request leaves. Returns false if the
 * pipeline could not be reached (then the caller runs the hook itself).
 */
function adjustPipeline(adapter: CloudAdapter, context: TurnContext, beforeRequest: (() => Promise<void>) | undefined): boolean {
  const connector = context.turnState.get(adapter.ConnectorClientKey) as { client?: { pipeline?: Pipeline } } | undefined;
  const pipeline = connector?.client?.pipeline;
  if (!pipeline) return false;
  pipeline.removePolicy({ phase: 'Retry' });
  if (beforeRequest) {
    let called = false;
    pipeline.addPolicy({
      name: 'waymarkPacing',
      async sendRequest(request, next) {
        if (!called) {
          called = true;
          await beforeRequest();
        }
        return next(request);
      },
    }, { afterPhase: 'Sign' }); // last before the HTTP client
  }
  return true;
}

export function createTeamsSender(options: ProactiveOptions): TeamsSender {
  const adapter = options.adapter ?? adapterFor(options.config);
  const appId = options.config.microsoftApp.id ?? '';
  return {
    async send(reference, message, sendOptions = {}) {
      try {
        await adapter.continueConversationAsync(appId, reference as Partial<ConversationReference>, async (context) => {
          if (!adjustPipeline(adapter, context, sendOptions.beforeRequest)) await sendOptions.beforeRequest?.();
          await context.sendActivity(reminderActivity(message));
        });
        return { ok: true };
      } catch (error) {
        return resultFromError(error);
      }
    },
  };
}
