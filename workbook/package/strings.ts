import { readText, relationships, workbookPath, type Package } from './parts.js';
import { cellText, treeForm } from './tree.js';
import { elements, text } from './xml.js';

/**
 * A string as a cell shows it: its text, its runs' formatting (rich text) and its phonetic
 * guide, each in comparable form, so a shared string and an inline one with the same content
 * are the same, and a run that lost its bold is not.
 */
export interface CellText {
  readonly text: string;
  /** Runs with their properties, adjacent runs alike joined; '' when the string is plain. */
  readonly rich: string;
  /** Phonetic runs and settings; '' when none. */
  readonly phonetic: string;
}

const PLAIN = /^<(?:si|is)>\s*<t(?:\s[^>]*)?>([^<]*)<\/t>\s*<\/(?:si|is)>$/;
const EMPTY_PLAIN = /^<(?:si|is)>\s*<t(?:\s[^>]*)?\/>\s*<\/(?:si|is)>$|^<(?:si|is)\/>$/;

/** A string item (`<si>` or a cell's `<is>`) in comparable form. */
export function stringItem(xml: string): CellText {
  const plain = PLAIN.exec(xml);
  if (plain) return { text: cellText(plain[1]!), rich: '', phonetic: '' };
  if (EMPTY_PLAIN.test(xml)) return { text: '', rich: '', phonetic: '' };
  const runs: { props: string; text: string }[] = [];
  for (const r of elements(xml, 'r')) {
    const body = text(xml, r);
    const props = elements(body, 'rPr')[0];
    const t = elements(body, 't')[0];
    const words = t ? cellText(text(body, t).replace(/^<[^>]*>/, '').replace(/<\/t>$/, '').replace(/^<t[^>]*\/>$/, '')) : '';
    const form = props ? treeForm(text(body, props)) : '';
    const last = runs[runs.length - 1];
    if (last && last.props === form) last.text += words;
    else runs.push({ props: form, text: words });
  }
  // Text outside runs: a <t> that is a direct child of the item.
  const direct = xml.replace(/<r>[\s\S]*?<\/r>|<rPh\b[\s\S]*?<\/rPh>/g, '');
  const own = elements(direct, 't').map((t) => cellText(text(direct, t).replace(/^<[^>]*>/, '').replace(/<\/t>$/, '').replace(/^<t[^>]*\/>$/, ''))).join('');
  const phonetics = [...elements(xml, 'rPh').map((e) => treeForm(text(xml, e))), ...elements(xml, 'phoneticPr').map((e) => treeForm(text(xml, e), true))];
  const all = own + runs.map((r) => r.text).join('');
  const rich = runs.length === 0 || runs.every((r) => r.props === '') ? '' : JSON.stringify(runs);
  return { text: all, rich, phonetic: phonetics.join('') };
}

/** The workbook's shared strings by index. */
export function sharedStrings(pkg: Package): CellText[] {
  const wb = workbookPath(pkg);
  const rel = wb ? relationships(pkg, wb).find((r) => r.kind === 'sharedStrings' && !r.external) : undefined;
  const xml = rel ? readText(pkg, rel.target) : undefined;
  if (!xml) return [];
  const out: CellText[] = [];
  // Items are split by hand: a shared-string table can hold a hundred thousand of them.
  let i = xml.indexOf('<si');
  while (i >= 0) {
    const open = xml.indexOf('>', i);
    if (open < 0) break;
    if (xml[open - 1] === '/') {
      out.push({ text: '', rich: '', phonetic: '' });
      i = xml.indexOf('<si', open);
      continue;
    }
    const end = xml.indexOf('</si>', i);
    if (end < 0) break;
    out.push(stringItem(xml.slice(i, end + 5)));
    i = xml.indexOf('<si', end);
  }
  return out;
}
