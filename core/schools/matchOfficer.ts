/**
 * Whether the workbook's officer cell for a school ("A. Patel", "Anna Patel",
 * "anna.patel@la.gov.uk") means the officer asking. Conservative: an e-mail address must be
 * one of the asker's own (as Teams reports them); a name must be the asker's Teams name, or
 * its first initial and surname ("A. Patel" for "Anna Patel"). Nothing looser (no surname
 * alone, no guessing from an address's local part), so a list of "your" schools never quietly
 * includes a colleague's.
 */

/** How the cell matched: by address, by full name, or by initial and surname. */
export type OfficerMatch = 'email' | 'name' | 'initial';

export interface Asker {
  /** The asker's display name in Teams. */
  readonly name?: string | undefined;
  /** The asker's e-mail address and UPN, any case. */
  readonly addresses: readonly string[];
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const words = (s: string): string[] =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[.,'’()]/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '' && !['mr', 'mrs', 'ms', 'miss', 'dr'].includes(w));

/**
 * How `cell` (the workbook's officer column) names `asker`, or undefined when it does not.
 *
 * @example
 * matchOfficer('A. Patel', { name: 'Anna Patel', addresses: [] }) //=> 'initial'
 * matchOfficer('anna.patel@la.gov.uk', { name: 'Anna Patel', addresses: ['Anna.Patel@la.gov.uk'] }) //=> 'email'
 * matchOfficer('Patel', { name: 'Anna Patel', addresses: [] }) //=> undefined
 */
export function matchOfficer(cell: string, asker: Asker): OfficerMatch | undefined {
  const text = cell.trim();
  if (text === '') return undefined;
  if (EMAIL.test(text)) return asker.addresses.some((a) => a.trim().toLowerCase() === text.toLowerCase()) ? 'email' : undefined;
  const mine = words(asker.name ?? '');
  const theirs = words(text);
  if (mine.length < 2 || theirs.length < 2) return undefined;
  if (mine.join(' ') === theirs.join(' ')) return 'name';
  const [initial] = theirs;
  const surname = theirs.at(-1);
  if (theirs.length === 2 && initial?.length === 1 && mine[0]?.startsWith(initial) && mine.at(-1) === surname) return 'initial';
  return undefined;
}
