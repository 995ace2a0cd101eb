import { stylesPath } from './elements.js';
import { readText, type Package } from './parts.js';
import { attributes, children, elements, text } from './xml.js';

/**
 * The copy's styles with the original's default font put back. exceljs writes its own default
 * font (Calibri 11 in the theme's minor font) as the font of every cell with the default
 * format, so a workbook whose cells are Arial 10 by default would come out in another font.
 * The default format's font is the first one both ways; undefined when it cannot be swapped.
 */
export function withDefaultFont(from: Package, to: Package): string | undefined {
  const fromPath = stylesPath(from);
  const toPath = stylesPath(to);
  const fromXml = fromPath ? readText(from, fromPath) : undefined;
  const toXml = toPath ? readText(to, toPath) : undefined;
  if (!fromXml || !toXml) return undefined;
  const fontsOf = (xml: string) => {
    const list = elements(xml, 'fonts')[0];
    return list ? children(text(xml, list), 'fonts').map((f) => ({ start: list.start + f.start, end: list.start + f.end })) : [];
  };
  const firstXfFont = (xml: string) => {
    const xfs = elements(xml, 'cellXfs')[0];
    const xf = xfs ? children(text(xml, xfs), 'cellXfs')[0] : undefined;
    return xf ? Number(attributes(xf.open).get('fontId') ?? 0) : undefined;
  };
  const fi = firstXfFont(fromXml);
  const ti = firstXfFont(toXml);
  const original = fi !== undefined ? fontsOf(fromXml)[fi] : undefined;
  const copy = ti !== undefined ? fontsOf(toXml)[ti] : undefined;
  if (!original || !copy) return undefined;
  return toXml.slice(0, copy.start) + fromXml.slice(original.start, original.end) + toXml.slice(copy.end);
}
