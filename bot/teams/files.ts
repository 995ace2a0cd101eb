/**
 * Files to a user in Teams. A bot cannot attach a file to a message: in the user's personal
 * chat it sends a FileConsentCard; when the user accepts, Teams sends a `fileConsent/invoke`
 * with an upload URL in their OneDrive, the bot PUTs the bytes there and posts a FileInfoCard
 * (the file, which they can open). Until then the bytes wait in the store (bot/files/offers.ts),
 * at most an hour. Only ever in a personal chat: a file given to one officer (a letter draft)
 * must not land in a channel or a group chat.
 */
import type { Activity, ConversationReference, TurnContext } from 'botbuilder';
import { z } from 'zod';
import { claimOffer, dropOffer, saveOffer, type FileToSend } from '../files/offers.js';
import { errorFields, type Logger } from '../log.js';
import type { Store } from '../store/store.js';

export const FILE_CONSENT_CARD = 'application/vnd.microsoft.teams.card.file.consent';
export const FILE_INFO_CARD = 'application/vnd.microsoft.teams.card.file.info';
/** Teams waits about 15 s for the invoke's answer; the upload must be done well before. */
export const UPLOAD_TIMEOUT_MS = 8_000;

/** The user a file is for: their Entra object id in Teams, else their Teams id (local mode). */
export const ownerOf = (activity: Partial<Activity>): string | undefined => activity.from?.aadObjectId ?? activity.from?.id;

/** The message holding the consent card for offer `offerId`. */
export function consentCardActivity(offerId: string, file: FileToSend): Partial<Activity> {
  const context = { waymarkFile: offerId };
  return {
    type: 'message',
    attachments: [
      {
        contentType: FILE_CONSENT_CARD,
        name: file.name,
        content: { description: file.description, sizeInBytes: file.bytes.byteLength, acceptContext: context, declineContext: context },
      },
    ],
  };
}

/** What Teams sends when the user answers a consent card (zod: it is a request body). */
const ConsentAnswer = z.object({
  type: z.literal('fileUpload').optional(),
  action: z.enum(['accept', 'decline']),
  context: z.looseObject({ waymarkFile: z.string().min(1).max(100) }),
  uploadInfo: z
    .looseObject({
      name: z.string().min(1).max(1024),
      uploadUrl: z.string().url().max(4096),
      contentUrl: z.string().url().max(4096),
      uniqueId: z.string().min(1).max(512),
      fileType: z.string().max(64).optional(),
    })
    .optional(),
});

/**
 * Where Teams puts a consent upload: the user's OneDrive for Business, an upload session on
 * their SharePoint host (contoso-my.sharepoint.com; sharepoint-df.com is Microsoft's own
 * pre-production ring), or OneDrive's content host. Teams offers no bot file upload in the
 * sovereign clouds (GCC High, DoD, 21Vianet), so their SharePoint domains are not listed.
 */
const UPLOAD_DOMAINS = ['sharepoint.com', 'sharepoint-df.com', 'microsoftpersonalcontent.com'] as const;
const LOOPBACK = ['127.0.0.1', 'localhost', '[::1]'];

/**
 * Whether the bytes may go to `url`. The address comes in the invoke's body: anything else
 * (an intranet address, a look-alike domain) could receive a confidential letter. Loopback
 * only in local mode (no credentials: the Playground, tests), whose fake OneDrive is there.
 */
export function uploadAllowed(url: string, local: boolean): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (local && LOOPBACK.includes(u.hostname) && (u.protocol === 'http:' || u.protocol === 'https:')) return true;
  if (u.protocol !== 'https:' || u.username !== '' || u.password !== '') return false;
  const host = u.hostname.toLowerCase();
  return UPLOAD_DOMAINS.some((d) => host.endsWith(`.${d}`));
}

/**
 * PUTs `bytes` to an upload session in one piece. Redirects are not followed: a redirect
 * would take the bytes past the check on where they may go.
 */
async function upload(url: string, bytes: Uint8Array): Promise<{ ok: true } | { ok: false; reason: string }> {
  const n = bytes.byteLength;
  try {
    const res = await fetch(url, {
      method: 'PUT',
      headers: { 'Content-Range': `bytes 0-${n - 1}/${n}`, 'Content-Type': 'application/octet-stream' },
      body: Buffer.from(bytes),
      redirect: 'manual',
      signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
    });
    await res.body?.cancel().catch(() => {});
    if (res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400)) {
      return { ok: false, reason: 'OneDrive redirected the upload elsewhere, which Waymark does not follow' };
    }
    return res.ok ? { ok: true } : { ok: false, reason: `OneDrive answered ${res.status}` };
  } catch (error) {
    const e = error as { name?: string };
    return { ok: false, reason: e?.name === 'TimeoutError' ? 'OneDrive did not answer in time' : 'OneDrive could not be reached' };
  }
}

/** For the log: where an upload address points, without its path or query (its upload token). */
function hostOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return 'not a URL';
  }
}

export interface FileDeps {
  readonly store: Store;
  readonly log: Logger;
  readonly now: () => Date;
  /** MicrosoftAppId ('' in local mode), for proactive sends. */
  readonly appId: string;
}

export type FileOutcome = 'offered' | 'no-personal-chat' | 'failed';

/**
 * Offers `file` to a user in their personal chat with Waymark, from anywhere (a turn in a
 * channel, the scheduler): the reusable "send this file to this officer". Needs the personal
 * chat's reference, which Waymark keeps from the first message the user sent it there.
 */
export async function offerFileToUser(
  adapter: Pick<TurnContext['adapter'], 'continueConversationAsync'>,
  deps: FileDeps,
  userId: string,
  file: FileToSend,
): Promise<FileOutcome> {
  const ref = await deps.store.conversations.get(userId);
  if (!ref || ref.kind !== 'user') return 'no-personal-chat';
  const offerId = await saveOffer(deps.store.db, userId, file, deps.now());
  try {
    await adapter.continueConversationAsync(deps.appId, ref.reference as Partial<ConversationReference>, async (context) => {
      await context.sendActivity(consentCardActivity(offerId, file));
    });
    return 'offered';
  } catch (error) {
    deps.log.warn('could not offer a file in the personal chat', { error: errorFields(error) });
    await dropOffer(deps.store.db, offerId);
    return 'failed';
  }
}

/** In this turn's personal chat: keeps the file and sends the consent card. */
export async function offerFileHere(context: TurnContext, deps: FileDeps, file: FileToSend): Promise<void> {
  const owner = ownerOf(context.activity);
  if (!owner) throw new Error('offerFileHere: the activity has no sender');
  const offerId = await saveOffer(deps.store.db, owner, file, deps.now());
  await context.sendActivity(consentCardActivity(offerId, file));
}

/** What the reply says about a file asked for outside the personal chat. */
export function fileElsewhereWords(name: string, outcome: FileOutcome): string {
  switch (outcome) {
    case 'offered':
      return `I have put **${name}** in your personal chat with me, for you alone: accept it there to save it to your OneDrive.`;
    case 'no-personal-chat':
      return `Files are given only in a personal chat: open a chat with Waymark (you have none with me yet) and ask me there.`;
    case 'failed':
      return `I could not reach your personal chat with me to give you **${name}**: ask me there.`;
  }
}

/**
 * The user's answer to a consent card: on accept, the bytes go to the upload URL and the file's
 * card is posted; on decline, a polite word and nothing is uploaded. The offer is taken out of
 * the store first, in one statement, whatever the answer: of two answers to one card (a double
 * click, two replicas) only one uploads, and a failed upload says so (ask again). Never
 * throws: Teams must get its invoke answered.
 */
export async function answerFileConsent(context: TurnContext, deps: FileDeps): Promise<void> {
  const say = (text: string) => context.sendActivity({ type: 'message', text, textFormat: 'markdown' });
  try {
    const parsed = ConsentAnswer.safeParse(context.activity.value);
    const owner = ownerOf(context.activity);
    if (!parsed.success || !owner) {
      deps.log.warn('file consent answer not understood', { issues: parsed.success ? 0 : parsed.error.issues.length });
      await say('Sorry, I could not read that answer to the file card. Ask me for the file again.');
      return;
    }
    const answer = parsed.data;
    const offer = await claimOffer(deps.store.db, answer.context.waymarkFile, owner, deps.now());
    if (!offer) {
      await say('That file card has already been answered, or the file is no longer waiting for you (files wait an hour). Ask me for it again if you need it.');
      return;
    }
    if (answer.action === 'decline') {
      await say(`No problem: I have not saved **${offer.name}**. Nothing was sent to anyone; ask me again whenever you want it.`);
      return;
    }
    if (!answer.uploadInfo) {
      await say(`Teams did not say where to save **${offer.name}**. Nothing was saved; please ask me for it again.`);
      return;
    }
    const info = answer.uploadInfo;
    if (!uploadAllowed(info.uploadUrl, deps.appId === '')) {
      deps.log.warn('file upload refused: the upload address is not OneDrive or SharePoint', { uploadTo: hostOf(info.uploadUrl) });
      await say(
        `Sorry, I did not save **${offer.name}**: Teams gave an upload address that is not your OneDrive, so I sent the file nowhere. Ask me for the file again.`,
      );
      return;
    }
    const done = await upload(info.uploadUrl, offer.bytes);
    if (!done.ok) {
      deps.log.warn('file upload failed', { reason: done.reason });
      await say(`Sorry, I could not save **${offer.name}** to your OneDrive: ${done.reason}. Nothing was saved; ask me for the file again.`);
      return;
    }
    await context.sendActivity({
      type: 'message',
      attachments: [
        {
          contentType: FILE_INFO_CARD,
          contentUrl: info.contentUrl,
          name: info.name,
          content: { uniqueId: info.uniqueId, fileType: info.fileType ?? info.name.split('.').pop() ?? '' },
        },
      ],
    });
  } catch (error) {
    deps.log.error('file consent failed', { error: errorFields(error) });
    await say('Sorry — something went wrong saving that file. Ask me for it again.').catch(() => undefined);
  }
}
