import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfigOrThrow, type BotConfig } from '../../bot/config.js';
import { dumpMemoryStore, openStore, type Store } from '../../bot/store/store.js';

export function testConfig(env: Record<string, string> = {}): BotConfig {
  return loadConfigOrThrow({ WAYMARK_DATA_DIR: '/nonexistent', ...env });
}

let template: Promise<Blob> | undefined;
/**
 * A new, migrated, empty in-memory database, made once per test worker: each memoryStore starts
 * from a copy of it rather than running initdb (~1 s of CPU each, and some files make dozens).
 */
export function memoryTemplate(): Promise<Blob> {
  template ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'waymark-template-'));
    const store = await openStore({ dataDir: dir, inMemory: true });
    try {
      return await dumpMemoryStore(store);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  })();
  return template;
}

/** An in-memory PGlite store, new and empty, with its lock in a fresh temp dir. */
export async function memoryStore(): Promise<{ store: Store; dir: string; cleanup(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'waymark-bot-'));
  const store = await openStore({ dataDir: dir, inMemory: true, from: await memoryTemplate() });
  return {
    store,
    dir,
    async cleanup() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let seq = 0;

export interface ActivityOptions {
  text?: string;
  serviceUrl: string;
  conversationType?: 'personal' | 'channel' | 'groupChat';
  mention?: boolean;
  fromName?: string;
  aadObjectId?: string;
}

export const BOT = { id: '28:waymark-bot', name: 'Waymark' };

/** A Teams-like message Activity. With `mention`, text is prefixed by `<at>Waymark</at>`. */
export function messageActivity(o: ActivityOptions): Record<string, unknown> {
  const type = o.conversationType ?? 'personal';
  const id = `act-${++seq}`;
  const mentionText = `<at>${BOT.name}</at>`;
  const text = o.mention ? `${mentionText} ${o.text ?? ''}` : (o.text ?? '');
  return {
    type: 'message',
    id,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: o.serviceUrl,
    from: { id: '29:user-1', name: o.fromName ?? 'Jane Testperson', aadObjectId: o.aadObjectId ?? 'aad-0001' },
    recipient: BOT,
    conversation:
      type === 'channel'
        ? { id: '19:general@thread.tacv2;messageid=1', conversationType: 'channel', isGroup: true }
        : type === 'groupChat'
          ? { id: '19:group@thread.v2', conversationType: 'groupChat', isGroup: true }
          : { id: 'a:personal-1', conversationType: 'personal' },
    channelData:
      type === 'channel'
        ? { team: { id: '19:team@thread.tacv2' }, channel: { id: '19:general@thread.tacv2' }, tenant: { id: 't-1' } }
        : { tenant: { id: 't-1' } },
    text,
    textFormat: 'plain',
    locale: 'en-GB',
    entities: o.mention
      ? [{ type: 'mention', text: mentionText, mentioned: { id: BOT.id, name: BOT.name } }]
      : [],
  };
}
