/**
 * "import meetings" (officers): schedules the meetings listed on the workbook's "Meetings"
 * sheet (idempotent). `watchMeetingsSheet` does the same whenever the directory reloads the
 * workbook, so a new row there needs no command at all.
 */
import type { Command, CommandContext, CommandInput, Reply } from '../commands/types.js';
import type { SchoolDirectory } from '../directory/directory.js';
import { errorFields, type Logger } from '../log.js';
import type { Db } from '../store/db.js';
import { auditMeetingCommand, officerAccess, OFFICER_COMMAND } from './command-kit.js';
import { importMeetings, importSummaryText, MEETINGS_SHEET, readMeetingsSheet } from './import-sheet.js';
import type { MeetingServices } from './services.js';

const NAME = 'import-meetings';
const IMPORT = /^(?:please\s+)?(?:import|load|read|sync)\s+(?:the\s+)?meetings(?:\s+(?:from\s+)?(?:the\s+)?(?:workbook|sheet|spreadsheet|meetings\s+sheet))?[.!]?$/i;

async function handle(input: CommandInput, ctx: CommandContext): Promise<Reply> {
  const access = await officerAccess(input, ctx, NAME);
  if (!access.ok) return access.reply;
  const { services, deps } = access;
  if (!services.workbookFile) return { text: 'No workbook is configured, so there is no "Meetings" sheet to import.' };
  const sheet = await readMeetingsSheet(services.workbookFile);
  if (!sheet.ok) return { text: `I couldn't import meetings: ${sheet.error}.` };
  if (sheet.value === undefined) {
    return { text: `The workbook has no "${MEETINGS_SHEET}" sheet. Add one with the columns School (or URN), Type, Date and Time, one meeting per row.` };
  }
  const summary = await importMeetings(deps, sheet.value, ctx.directory.current(), input.user.aadObjectId ?? input.user.id);
  await auditMeetingCommand(ctx, input, NAME, 'allowed');
  return { text: `${importSummaryText(summary)}${summary.imported > 0 ? '\n\nSay *meetings next week* or *status of <school>\'s reminders* to check them.' : ''}` };
}

export const importMeetingsCommand: Command = {
  name: NAME,
  matches: (text) => IMPORT.test(text.trim()),
  access: OFFICER_COMMAND,
  handle,
};

export interface WatchOptions {
  readonly directory: SchoolDirectory;
  readonly services: MeetingServices;
  readonly db: Db;
  readonly log: Logger;
  readonly now?: () => Date;
  /** How often to look for a newly loaded copy. Default 5 s. */
  readonly pollMs?: number;
}

/**
 * Imports the "Meetings" sheet each time the directory has loaded a new copy of the workbook
 * (and once at start). Logs counts only. Returns a stop function.
 */
export function watchMeetingsSheet(options: WatchOptions): { stop(): Promise<void>; check(): Promise<void> } {
  const { directory, services, db, log } = options;
  const now = options.now ?? (() => new Date());
  let seen: number | undefined;
  let running: Promise<void> | undefined;
  const check = async () => {
    const snapshot = directory.current();
    const loadedAt = snapshot.loadedAt?.getTime();
    if (loadedAt === undefined || loadedAt === seen || !services.workbookFile) return;
    seen = loadedAt;
    try {
      const sheet = await readMeetingsSheet(services.workbookFile);
      if (!sheet.ok) {
        log.warn('meetings sheet could not be read', { reason: sheet.error });
        return;
      }
      if (sheet.value === undefined) return;
      const s = await importMeetings({ db, services, now: now() }, sheet.value, snapshot, 'workbook');
      if (s.imported > 0 || s.problems.length > 0) {
        log.info('meetings imported from the workbook', { imported: s.imported, existing: s.existing, past: s.past, problems: s.problems.length, unreachable: s.unreachable?.length ?? 0 });
      }
    } catch (error) {
      log.error('meetings import failed', { error: errorFields(error) });
    }
  };
  const tick = () => {
    running ??= check().finally(() => {
      running = undefined;
    });
  };
  tick();
  const timer = setInterval(tick, options.pollMs ?? 5_000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
    check: async () => {
      tick();
      await running;
    },
  };
}
