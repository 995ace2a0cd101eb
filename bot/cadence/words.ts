/**
 * The words of the visit commands: "visited Oakfield today", "visit to Oakfield on 3 December",
 * "reviewed Oakfield's category today", "undo visit to Oakfield on 3 December", "my visits this
 * half term". Days are en-GB ("3 December", "3/12", "yesterday"), read by date-words.
 */
import type { HeldKind } from './repo.js';

export interface RecordWords {
  readonly kind: HeldKind;
  readonly school: string;
  /** The day words ("today", "3 December"), absent: today. */
  readonly day?: string | undefined;
}

export interface ListWords {
  /** "for B. Okafor": that officer's schools; "all": every school; absent: the asker's. */
  readonly whose?: string | undefined;
  readonly window: 'half term' | 'term';
}

const WHEN = String.raw`(?:\s+(today|yesterday|on\s+.+?))?\s*[.!]?$`;
const POSSESSIVE = String.raw`(?:['’]s?)?`;
const RECORD: readonly [HeldKind, RegExp][] = [
  ['visit', new RegExp(String.raw`^(?:i\s+)?(?:have\s+)?visited\s+(.+?)${WHEN}`, 'i')],
  ['visit', new RegExp(String.raw`^(?:record\s+(?:a\s+|the\s+)?)?(?:school\s+)?visit\s+(?:to|at)\s+(.+?)${WHEN}`, 'i')],
  ['review', new RegExp(String.raw`^(?:i\s+)?(?:have\s+)?reviewed\s+(?:the\s+category\s+of\s+)?(.+?)${POSSESSIVE}(?:\s+category)?${WHEN}`, 'i')],
  ['review', new RegExp(String.raw`^(?:record\s+(?:a\s+|the\s+)?)?category\s+review\s+(?:of|for)\s+(.+?)${WHEN}`, 'i')],
];
const UNDO = new RegExp(String.raw`^(?:undo|remove|delete)\s+(?:the\s+|my\s+)?(?:last\s+)?(visit|review|category\s+review)\s+(?:to|of|for|at)\s+(.+?)${POSSESSIVE}(?:\s+category)?${WHEN}`, 'i');
const LIST = /^(?:show\s+(?:me\s+)?)?(?:(all)\s+)?(?:my\s+)?(?:visits|reviews|visits\s+and\s+reviews)(?:\s+(?:due|to\s+do))?(?:\s+for\s+(.+?))?(?:\s+(?:this|for\s+this|in\s+this)\s+(half[\s-]?term|term))?\s*[?.!]?$/i;

const dayOf = (when: string | undefined) => (when === undefined ? undefined : when.replace(/^on\s+/i, '').trim());

export function parseRecord(text: string): RecordWords | undefined {
  for (const [kind, re] of RECORD) {
    const m = re.exec(text.trim());
    if (m?.[1]) return { kind, school: m[1].trim(), day: dayOf(m[2]) };
  }
  return undefined;
}

export function parseUndo(text: string): RecordWords | undefined {
  const m = UNDO.exec(text.trim());
  if (!m?.[1] || !m[2]) return undefined;
  return { kind: m[1].toLowerCase() === 'visit' ? 'visit' : 'review', school: m[2].trim(), day: dayOf(m[3]) };
}

export function parseList(text: string): ListWords | undefined {
  const m = LIST.exec(text.trim());
  if (!m) return undefined;
  const whose = m[1] ? 'all' : m[2]?.trim();
  const all = whose !== undefined && /^(?:all|all\s+schools|everyone|every\s+school)$/i.test(whose);
  return { ...(whose ? { whose: all ? 'all' : whose } : {}), window: m[3] && /^half/i.test(m[3]) ? 'half term' : m[3] ? 'term' : 'half term' };
}
