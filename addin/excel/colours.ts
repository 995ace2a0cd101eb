import { builtInFrameworks, type Framework } from '../../core/frameworks/index.js';
import { RAG_FILL } from '../../core/sheet/marks.js';

/**
 * The fills Waymark itself writes: RAG colours and category colours. A recorded cell whose
 * fill is no longer one of these has been recoloured by the team (or has moved, after rows or
 * columns were inserted), so Waymark leaves it alone rather than "restore" over it.
 */
export function waymarkColours(framework?: Framework): ReadonlySet<string> {
  const colours = new Set(Object.values(RAG_FILL).map((c) => c.toUpperCase()));
  for (const fw of framework ? [...builtInFrameworks, framework] : builtInFrameworks) {
    for (const c of fw.categories) colours.add(c.colour.toUpperCase());
  }
  return colours;
}

/** Whether Waymark may put an earlier fill back: the cell still shows a Waymark colour, or the read could not tell. */
export function stillWaymarkFill(now: string | undefined, colours: ReadonlySet<string>): boolean {
  return now === undefined || colours.has(now.toUpperCase());
}
