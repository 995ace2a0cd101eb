/** `npm run bot`: the Waymark bot server. Configuration comes from the environment (bot/config.ts). */
import { createLogger, errorFields, routeConsole } from './log.js';
import { closeOnSignals, startBot, StartupError } from './start.js';

const log = createLogger({ base: { component: 'bot' } });
// Every line through the structured logger: botbuilder's own console output included.
routeConsole(log);
try {
  const bot = await startBot(process.env, log);
  log.info('Waymark bot listening', {
    address: bot.server.listening,
    messages: `${bot.server.url}/api/messages`,
    health: `${bot.server.url}/healthz`,
    mode: bot.server.mode,
    store: bot.store.kind === 'pglite' ? `embedded (${bot.config.dataDir})` : 'postgresql',
  });
  closeOnSignals(() => bot.close(), log);
} catch (err) {
  if (err instanceof StartupError) {
    console.error(`waymark: ${err.message}`);
  } else {
    log.error('start-up failed', { error: errorFields(err) });
  }
  process.exitCode = 1;
}
