/**
 * "since 1 November", "since 1/11", "since last week", "since yesterday": the start of that
 * London day as an instant, or undefined when the words are not a date.
 */
import { addDays, isValid, parse, subWeeks } from 'date-fns';
import { londonDateTime } from '../../core/calendar/londonDateTime/index.js';
import { londonDay } from '../../core/calendar/londonDay/index.js';

export function parseDateWords(words: string, now: Date): Date | undefined {
  const w = words.trim().toLowerCase().replace(/(\d)(st|nd|rd|th)\b/g, '$1').replace(/^(?:the\s+)/, '');
  const startOf = (day: string) => londonDateTime(day, '00:00');
  const today = londonDay(now);
  if (w === 'today') return startOf(today);
  if (w === 'yesterday') return startOf(londonDay(addDays(now, -1)));
  if (w === 'last week' || w === 'a week ago') return startOf(londonDay(subWeeks(now, 1)));
  if (w === 'last month' || w === 'a month ago') return startOf(londonDay(addDays(now, -30)));
  const year = Number(today.slice(0, 4));
  const ref = new Date(Date.UTC(year, 0, 1));
  for (const f of ['d MMMM yyyy', 'd MMM yyyy', 'd/M/yyyy', 'd MMMM', 'd MMM', 'd/M']) {
    const d = parse(w, f, ref);
    if (!isValid(d)) continue;
    let day = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    // A date without a year is the last one: "since 1 December" in November is last December.
    if (!f.includes('yyyy') && day > today) day = `${year - 1}${day.slice(4)}`;
    return startOf(day);
  }
  return undefined;
}
