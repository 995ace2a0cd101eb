/**
 * What a message asks about a school's category, if it asks that: the school as typed.
 * People ask in many ways: "what is St Mary's category?", "category of st marys", "which
 * category is Oakfield in?", "show Oakfield Primary", or just a URN.
 */
export type CategoryQuestion = { readonly school: string };

const PATTERNS: readonly RegExp[] = [
  /^(?:what(?:'s| is)|whats)\s+(?:the\s+)?(?:category|categorisation|categorization)\s+(?:of|for)\s+(.+)$/,
  /^(?:what(?:'s| is)|whats)\s+(.+?)\s+(?:la\s+)?(?:category|categorisation|categorization|rating)$/,
  /^(?:what|which)\s+(?:la\s+)?category\s+(?:is|are)\s+(.+?)(?:\s+in)?$/,
  /^(?:la\s+)?(?:category|categorisation|categorization|cat)\s+(?:of|for)\s+(.+)$/,
  /^(?:la\s+)?(?:category|categorisation|categorization)\s*[:\-]?\s+(.+)$/,
  /^(?:show|show me|tell me about|look up|lookup|find|how is|how's)\s+(.+?)(?:\s+doing)?$/,
  /^(.+?)\s+(?:category|categorisation|categorization)$/,
];

/**
 * Parses a category question; returns undefined for anything else, so other commands can try.
 * A possessive stays on the name ("St Mary's"); the matcher also tries it without.
 *
 * @example
 * parseCategoryQuestion("What is St Mary's category?") //=> { school: "St Mary's" }
 * parseCategoryQuestion('101234') //=> { school: '101234' }
 */
export function parseCategoryQuestion(text: string): CategoryQuestion | undefined {
  const clean = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[?.!]+$/, '')
    .trim();
  const urn = /^(?:urn\s*)?(\d{6})$/i.exec(clean);
  if (urn?.[1]) return { school: urn[1] };
  const lower = clean.toLowerCase();
  for (const re of PATTERNS) {
    const m = re.exec(lower);
    const start = m?.[1] ? lower.indexOf(m[1]) : -1;
    if (m?.[1] && start >= 0) {
      // Keep the person's own capitals for the reply ("I couldn't find 'Oakfeild'").
      const school = clean.slice(start, start + m[1].length).replace(/^(?:the)\s+/i, '').trim();
      if (school !== '') return { school };
    }
  }
  return undefined;
}
