import { builtInFrameworks, type Framework } from '../../core/frameworks/index.js';
import { RAG_FILL } from '../../core/sheet/marks.js';
import { decodePuts, type SheetMarks } from './state.js';

/**
 * The fills Waymark itself writes: RAG colours and category colours. Only for records from
 * before the colour put on each cell was kept: a recorded cell whose fill is no longer one of
 * these has been recoloured by the team, so Waymark leaves it alone rather than "restore" over it.
 */
export function waymarkColours(framework?: Framework): ReadonlySet<string> {
  const colours = new Set(Object.values(RAG_FILL).map((c) => c.toUpperCase()));
  for (const fw of framework ? [...builtInFrameworks, framework] : builtInFrameworks) {
    for (const c of fw.categories) colours.add(c.colour.toUpperCase());
  }
  return colours;
}

/** The colour Waymark put on each cell (by key), from its record; empty for records from before it was kept. */
export function putColours(mine: SheetMarks | undefined): Map<number, string> {
  return decodePuts(mine?.put);
}

/**
 * Whether a recorded cell's fill is still Waymark's: it shows the very colour the record says
 * Waymark put there (a team's own "Bad" pink over Waymark's green is the team's). Records from
 * before colours were kept fall back to "any Waymark colour". A fill no read could tell is
 * not taken as Waymark's: the cell is left as it is rather than risk painting over the team's.
 */
export function stillWaymarkFill(now: string | undefined, put: string | undefined, colours: ReadonlySet<string>): boolean {
  if (now === undefined) return false;
  const c = now.toUpperCase();
  return put !== undefined ? c === put : colours.has(c);
}
