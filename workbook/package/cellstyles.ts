import { stylesPath } from './elements.js';
import { formatCode } from './numfmt.js';
import { readText, type Package } from './parts.js';
import { decodeXml, treeForm } from './tree.js';
import { attributes, children, elements, text } from './xml.js';

/**
 * A cell format (an `xf` of cellXfs) resolved to what it shows, never to indexes: exceljs
 * renumbers fonts, fills, borders and formats on every save, so two workbooks agree on a cell's
 * look when these parts agree, whatever the numbers.
 */
export interface CellStyle {
  readonly font: string;
  readonly fill: string;
  readonly border: string;
  readonly numFmt: string;
  readonly alignment: string;
  readonly protection: string;
  readonly quotePrefix: string;
  /** Everything at once, for a quick equality test. */
  readonly key: string;
}

export const STYLE_PARTS = ['font', 'fill', 'border', 'numFmt', 'alignment', 'protection', 'quotePrefix'] as const;
export type StylePart = (typeof STYLE_PARTS)[number];

/** Alignment and protection attributes at their default value say nothing. */
const ALIGNMENT_DEFAULTS: Readonly<Record<string, string>> = {
  horizontal: 'general', vertical: 'bottom', textRotation: '0', wrapText: '0', indent: '0', relativeIndent: '0',
  justifyLastLine: '0', shrinkToFit: '0', readingOrder: '0',
};
const PROTECTION_DEFAULTS: Readonly<Record<string, string>> = { locked: '1', hidden: '0' };

function withoutDefaults(form: string, defaults: Readonly<Record<string, string>>): string {
  return form.replace(/ (\w+)="([^"]*)"/g, (m, k: string, v: string) => (defaults[k] === v ? '' : m)).replace(/^<(\w+)><\/\1>$/, '');
}

const listOf = (xml: string, parent: string): string[] => {
  const el = elements(xml, parent)[0];
  if (!el) return [];
  const body = text(xml, el);
  return children(body, parent).map((c) => text(body, c));
};

/** The workbook's cell formats by index, resolved. */
export function cellStyles(pkg: Package): CellStyle[] {
  const path = stylesPath(pkg);
  const xml = (path && readText(pkg, path)) || '';
  const custom = new Map(
    elements(xml, 'numFmt').map((e) => {
      const a = attributes(e.open);
      return [Number(a.get('numFmtId')), decodeXml(a.get('formatCode') ?? '')] as const;
    }),
  );
  const fonts = listOf(xml, 'fonts').map((f) => treeForm(f));
  const fills = listOf(xml, 'fills').map((f) => treeForm(f).replace(/<patternFill patternType="none"><\/patternFill>/, ''));
  const borders = listOf(xml, 'borders').map((b) => treeForm(b));
  return listOf(xml, 'cellXfs').map((xf) => {
    const a = attributes(xf.slice(0, xf.indexOf('>') + 1));
    const align = elements(xf, 'alignment')[0];
    const prot = elements(xf, 'protection')[0];
    const style = {
      font: fonts[Number(a.get('fontId') ?? 0)] ?? '',
      fill: fills[Number(a.get('fillId') ?? 0)] ?? '',
      border: borders[Number(a.get('borderId') ?? 0)] ?? '',
      numFmt: formatCode(Number(a.get('numFmtId') ?? 0), custom),
      alignment: align ? withoutDefaults(treeForm(text(xf, align)), ALIGNMENT_DEFAULTS) : '',
      protection: prot ? withoutDefaults(treeForm(text(xf, prot)), PROTECTION_DEFAULTS) : '',
      quotePrefix: a.get('quotePrefix') === '1' || a.get('quotePrefix') === 'true' ? '1' : '',
    };
    return { ...style, key: STYLE_PARTS.map((p) => style[p]).join('\u0001') };
  });
}
