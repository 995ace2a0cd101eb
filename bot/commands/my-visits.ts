/**
 * "my visits this half term", "my visits this term", "visits due", "visits due for B. Okafor",
 * "all visits due" (officers only, personal chat or team channel): the visits and category
 * reviews the asker's schools are due, overdue and done, from each school's category and the
 * framework's cadence (core/cycle), with the seed's sentence for each frequency.
 *
 * "My" schools are those whose workbook officer cell names the asker: their e-mail address,
 * their Teams name, or its initial and surname (core/schools/matchOfficer: nothing looser).
 * A workbook without an officer column lists every school, and says so.
 */
import { periodAround, REVIEW_POINTS, reviewsDue, schoolYearOf, visitsDue } from '../../core/cycle/index.js';
import { visitsReply, type SchoolCadence } from '../../core/messages/visitsReply.js';
import { matchOfficer, type OfficerMatch } from '../../core/schools/matchOfficer.js';
import type { SchoolRecord } from '../../core/schools/types.js';
import { heldBySchool } from '../cadence/repo.js';
import { parseList } from '../cadence/words.js';
import { auditMeetingCommand, officerAccess, todayIn } from '../meetings/command-kit.js';
import { MY_VISITS_ACCESS } from './access.js';
import type { Command, CommandContext, CommandInput, Reply } from './types.js';

const NAME = 'my-visits';
type Known = SchoolRecord & { urn: string };
const norm = (s: string) => s.toLowerCase().replace(/[.,]/g, ' ').replace(/\s+/g, ' ').trim();

/** The officers the workbook names, with how many schools each. */
function officersNamed(schools: readonly Known[]): string {
  const counts = new Map<string, number>();
  for (const s of schools) if (s.officer?.trim()) counts.set(s.officer.trim(), (counts.get(s.officer.trim()) ?? 0) + 1);
  return [...counts].map(([name, n]) => `${name} (${n})`).join(', ');
}

/** Whose schools, and the sentence saying so; or the reply when none are found. */
async function chooseSchools(input: CommandInput, ctx: CommandContext, schools: readonly Known[], whose: string | undefined): Promise<{ ok: true; schools: Known[]; whose: string } | { ok: false; reply: Reply }> {
  if (whose === 'all') return { ok: true, schools: [...schools], whose: `All ${schools.length} schools in the workbook.` };
  if (!schools.some((s) => s.officer?.trim())) {
    return { ok: true, schools: [...schools], whose: `The workbook has no officer for any school, so these are all ${schools.length} schools (add an officer column to see only yours).` };
  }
  if (whose !== undefined) {
    const chosen = schools.filter((s) => s.officer !== undefined && norm(s.officer) === norm(whose));
    if (chosen.length === 0) return { ok: false, reply: { text: `No school in the workbook has "${whose}" as its officer. The officers it names: ${officersNamed(schools)}.` } };
    return { ok: true, schools: chosen, whose: `Schools whose officer is ${chosen[0]?.officer?.trim() ?? whose} (${chosen.length}).` };
  }
  const asker = { name: input.user.name, addresses: await ctx.askerAddresses() };
  const matched = schools.flatMap((s) => {
    const how = s.officer ? matchOfficer(s.officer, asker) : undefined;
    return how ? [{ school: s, how }] : [];
  });
  if (matched.length === 0) {
    return {
      ok: false,
      reply: {
        text: [
          `No school in the workbook names you as its officer: I match its officer column to your e-mail address or your Teams name${input.user.name ? ` (${input.user.name})` : ''}, or its initial and surname.`,
          `The officers it names: ${officersNamed(schools)}.`,
          'Say "visits due for <officer>" as the workbook writes it, or "all visits due".',
        ].join('\n'),
        suggestions: ['all visits due'],
      },
    };
  }
  const cells = [...new Set(matched.map((m) => m.school.officer?.trim() ?? ''))];
  const hows = new Set<OfficerMatch>(matched.map((m) => m.how));
  const by = hows.has('initial') ? ` (the workbook's officer column, matched to your Teams name ${input.user.name ?? ''} by initial and surname)` : hows.has('email') ? ' (by your e-mail address)' : '';
  return { ok: true, schools: matched.map((m) => m.school), whose: `Your ${matched.length} schools: those whose officer is ${cells.join(' or ')}${by}.` };
}

async function handle(input: CommandInput, ctx: CommandContext): Promise<Reply> {
  const access = await officerAccess(input, ctx, NAME);
  if (!access.ok) return access.reply;
  const { services } = access;
  const words = parseList(input.text);
  if (!words) throw new Error(`${NAME}: not a visits command`);
  const snapshot = ctx.directory.current();
  if (!snapshot.loadedAt) return { text: 'The categorisation workbook has not been read yet, so I cannot list schools; try again in a moment.' };
  const today = todayIn(ctx);
  const window = periodAround(words.window === 'term' ? 'term' : 'half-term', today, services.calendar);
  if (!window.ok) return { text: `I can't count visits by term: ${window.error}.` };
  const all = snapshot.schools.filter((s): s is Known => s.urn !== undefined);
  const chosen = await chooseSchools(input, ctx, all, words.whose);
  await auditMeetingCommand(ctx, input, NAME, chosen.ok ? 'allowed' : 'not-found');
  if (!chosen.ok) return chosen.reply;
  const held = await heldBySchool(ctx.store.db, chosen.schools.map((s) => s.urn));
  const fw = services.framework.id;
  const base = { startYear: schoolYearOf(today), today, calendar: services.calendar };
  const cadence = chosen.schools.map((s): SchoolCadence => {
    const h = held.get(s.urn) ?? { visits: [], reviews: [] };
    const code = s.category?.category.code;
    return {
      name: s.name,
      urn: s.urn,
      categoryCode: code,
      ...(code !== undefined ? { visits: visitsDue(fw, code, { ...base, held: h.visits }) } : {}),
      ...(REVIEW_POINTS[fw] ? { reviews: reviewsDue(fw, { ...base, held: h.reviews }) } : {}),
    };
  });
  const reply = visitsReply({ window: { kind: words.window, period: window.value }, whose: chosen.whose, schools: cadence, calendar: services.calendar });
  return { ...reply, suggestions: [words.window === 'term' ? 'my visits this half term' : 'my visits this term'] };
}

export const myVisitsCommand: Command = {
  name: NAME,
  access: MY_VISITS_ACCESS,
  matches: (text) => parseList(text) !== undefined,
  handle,
};
