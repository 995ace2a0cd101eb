/**
 * What an officer is asking about their schools, in their own words: a school's category,
 * why it is in it, what would move it, its history, the team summary, or what changed.
 * A school may be left out ("why?", "and what would move it?"): the bot then uses the last
 * school of the conversation.
 */
import { parseCategoryQuestion } from './parseQuestion.js';

export type SchoolIntent =
  | { readonly kind: 'category'; readonly school?: string }
  | { readonly kind: 'why'; readonly school?: string; readonly category?: string }
  | { readonly kind: 'move'; readonly school?: string; readonly direction: 'better' | 'worse'; readonly target?: string }
  | { readonly kind: 'history'; readonly school?: string }
  | { readonly kind: 'summary' }
  | { readonly kind: 'changed'; readonly since?: string };

/** Words that stand for "the school we were talking about". */
const PRONOUN = /^(?:it|its|it's|that|this|them|they|their|that one|this one|(?:that|this|the same) school)$/;

const SCHOOL = '(.+?)';
const TAIL = '(?:\\s+(?:please|pls))?';

const WHY: readonly RegExp[] = [
  new RegExp(`^why\\s+(?:is|was|has|does)\\s+${SCHOOL}\\s+(?:(?:in|got|have|get)\\s+)?(?:that|this|its|it's|their|the|a|such a)\\s+(?:category|categorisation|categorization|cat|rating)${TAIL}$`),
  new RegExp(`^why\\s+(?:is|was)\\s+${SCHOOL}\\s+(?:categorised|categorized|rated|put|placed)(?:\\s+(?:as|in|at))?\\s+(?:an?\\s+|category\\s+)?([a-z0-9]{1,12})${TAIL}$`),
  new RegExp(`^why\\s+(?:is|was)\\s+${SCHOOL}\\s+(?:an?|in|in category|category)\\s+([a-z0-9]{1,12})${TAIL}$`),
  new RegExp(`^why\\s+(?:is|was)\\s+${SCHOOL}\\s+(?:categorised|categorized|rated)(?:\\s+(?:like\\s+)?(?:that|this))?${TAIL}$`),
  new RegExp(`^(?:explain|justify)\\s+(?:the\\s+)?(?:category\\s+(?:of|for)\\s+)?${SCHOOL}(?:'s|’s|s')?(?:\\s+(?:category|categorisation|rating))?${TAIL}$`),
  new RegExp(`^why\\s+(?:that|this)\\s+(?:category|one|rating)\\s+for\\s+${SCHOOL}$`),
];
const WHY_ALONE = /^(?:why|why so|why is that|why that|how come|explain|explain that|explain it|why that category|why this category|why's that)$/;

const MOVE: readonly RegExp[] = [
  new RegExp(`^what\\s+(?:would|will|could|might)\\s+(?:it\\s+take\\s+to\\s+)?(?:move|get|take)\\s+${SCHOOL}\\s+(up|down|higher|lower|out|better|worse)(?:\\s+a\\s+category)?${TAIL}$`),
  new RegExp(`^what\\s+(?:would|will|does)\\s+it\\s+take\\s+(?:for|to\\s+get|to\\s+make|to\\s+move)\\s+${SCHOOL}\\s+(?:to\\s+(?:be|become|get\\s+to|reach|move\\s+to|go\\s+to)|to|into|up\\s+to|down\\s+to)\\s+(?:an?\\s+|category\\s+)?([a-z0-9]{1,12})${TAIL}$`),
  new RegExp(`^what\\s+(?:would|will|does)\\s+it\\s+take\\s+(?:for|to\\s+get|to\\s+move)\\s+${SCHOOL}\\s+(?:to\\s+(?:move|go)\\s+)?(up|down|higher|lower)${TAIL}$`),
  new RegExp(`^how\\s+(?:can|could|would|do|does)\\s+${SCHOOL}\\s+(?:move|go|get|improve)\\s*(up|down|higher|lower|better)?(?:\\s+a\\s+category)?${TAIL}$`),
  new RegExp(`^how\\s+(?:can|could)\\s+${SCHOOL}\\s+(?:become|be|get\\s+to|reach)\\s+(?:an?\\s+|category\\s+)?([a-z0-9]{1,12})${TAIL}$`),
  new RegExp(`^what\\s+would\\s+make\\s+${SCHOOL}\\s+(?:an?\\s+|category\\s+)?([a-z0-9]{1,12})${TAIL}$`),
];

const HISTORY: readonly RegExp[] = [
  new RegExp(`^(?:show\\s+(?:me\\s+)?)?(?:the\\s+)?(?:category\\s+)?history\\s+(?:of|for)\\s+${SCHOOL}$`),
  new RegExp(`^(?:show\\s+(?:me\\s+)?)?${SCHOOL}(?:'s|’s|s')?\\s+(?:category\\s+)?history$`),
  new RegExp(`^how\\s+has\\s+${SCHOOL}(?:'s|’s)?\\s+(?:category\\s+)?changed(?:\\s+over\\s+time)?$`),
  new RegExp(`^(?:what\\s+)?categories\\s+(?:has|have)\\s+${SCHOOL}\\s+(?:had|been\\s+in)$`),
];
const HISTORY_ALONE = /^(?:history|category history|its history|show history|show its history|and its history|what about its history)$/;

const SUMMARY =
  /^(?:summary|summarise|summarize|team summary|the summary|give me (?:a|the) summary|overview|dashboard|how are we doing|how're we doing|how are our schools(?: doing)?|how are (?:the|all the|all) schools(?: doing)?|how are things|where are we|state of play|summary please)$/;

const CHANGED =
  /^(?:what(?:'s| has| have)?\s+changed|whats\s+changed|what changes|any changes|recent changes|changes|category changes|what's new|whats new|what is new)(?:\s+(?:since|from|after)\s+(.+?))?$/;

const FOLLOW_UP_CATEGORY = /^(?:and\s+)?(?:what(?:'s| is)|whats)\s+(?:its|their|the)\s+category$|^(?:and\s+)?(?:what|which)\s+category\s+is\s+it(?:\s+in)?$/;

function schoolOf(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const s = raw.trim().replace(/^(?:the\s+)/i, '').replace(/[’']s$/i, (m) => m).trim();
  if (s === '' || PRONOUN.test(s.toLowerCase())) return undefined;
  return s;
}

const UP = /^(?:up|higher|out|better)$/;

/** Keeps the officer's own capitals for the school name. */
function original(clean: string, lower: string, part: string | undefined): string | undefined {
  if (part === undefined) return undefined;
  const start = lower.indexOf(part);
  return start >= 0 ? clean.slice(start, start + part.length) : part;
}

/**
 * Parses an officer's question about schools; undefined for anything else, so other commands
 * can try.
 *
 * @example
 * parseIntent('why is Parkside Infant School in that category?') //=> { kind: 'why', school: 'Parkside Infant School' }
 * parseIntent('what would it take for oakfield to be G?')        //=> { kind: 'move', school: 'oakfield', direction: 'better', target: 'g' }
 * parseIntent('and what would move it?')                         //=> { kind: 'move', direction: 'better' }
 */
export function parseIntent(text: string): SchoolIntent | undefined {
  const clean = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[?.!]+$/, '')
    .trim()
    .replace(/^(?:and|so|ok|okay|then|also|right|hmm|@?waymark,?)\s+/i, '')
    .replace(/^(?:please|can you tell me|could you tell me|tell me)\s+/i, '')
    .trim();
  const lower = clean.toLowerCase().replace(/’/g, "'");
  if (lower === '') return undefined;

  if (SUMMARY.test(lower)) return { kind: 'summary' };
  const changed = CHANGED.exec(lower);
  if (changed) return { kind: 'changed', ...(changed[1] && { since: changed[1] }) };

  if (WHY_ALONE.test(lower)) return { kind: 'why' };
  for (const re of WHY) {
    const m = re.exec(lower);
    if (!m) continue;
    const school = schoolOf(original(clean, lower, m[1]));
    return { kind: 'why', ...(school && { school }), ...(m[2] && { category: m[2] }) };
  }

  if (/^(?:what(?:'s| would| will)?\s+(?:would\s+)?(?:move|get)\s+(?:it|them|that one|this one)(?:\s+(up|down|higher|lower|out))?|what would it take|how (?:can|could) (?:it|they) (?:move up|improve)|what would move it)$/.test(lower)) {
    const dir = /\b(down|lower)$/.test(lower) ? 'worse' : 'better';
    return { kind: 'move', direction: dir };
  }
  for (const re of MOVE) {
    const m = re.exec(lower);
    if (!m) continue;
    const school = schoolOf(original(clean, lower, m[1]));
    const word = m[2];
    const isDirection = word === undefined || /^(?:up|down|higher|lower|out|better|worse)$/.test(word);
    const direction: 'better' | 'worse' = word !== undefined && isDirection && !UP.test(word) ? 'worse' : 'better';
    return { kind: 'move', direction, ...(school && { school }), ...(!isDirection && word && { target: word }) };
  }

  if (HISTORY_ALONE.test(lower)) return { kind: 'history' };
  for (const re of HISTORY) {
    const m = re.exec(lower);
    if (!m) continue;
    const school = schoolOf(original(clean, lower, m[1]));
    return { kind: 'history', ...(school && { school }) };
  }

  if (FOLLOW_UP_CATEGORY.test(lower)) return { kind: 'category' };
  const q = parseCategoryQuestion(clean);
  if (q) {
    const school = schoolOf(q.school);
    return school ? { kind: 'category', school } : { kind: 'category' };
  }
  return undefined;
}
