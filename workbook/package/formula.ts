/**
 * A shared formula's text as one of its cells holds it: the master's text with its relative
 * references moved by the cell's offset from the master, as Excel reads it. The guard compares
 * formulas cell by cell, so a copy that writes a shared group as separate formulas (or
 * numbers the groups differently) compares equal when every cell still computes the same.
 */

const colNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
function colLetters(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

// A1 reference, a column range (A:C) or a row range (3:5), not part of a name or a function.
const REF = /(?<![A-Za-z0-9_.\]])(\$?)([A-Z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(!\[])|(?<![A-Za-z0-9_.])(\$?)([A-Z]{1,3}):(\$?)([A-Z]{1,3})(?![A-Za-z0-9_(!])|(?<![A-Za-z0-9_.:$])(\$?)(\d{1,7}):(\$?)(\d{1,7})(?![\d.A-Za-z])/g;

function shift(part: string, rows: number, cols: number): string {
  return part.replace(REF, (m, ca: string, c: string, ra: string, r: string, c1a: string, c1: string, c2a: string, c2: string, r1a: string, r1: string, r2a: string, r2: string) => {
    if (c !== undefined) return `${ca}${ca ? c : colLetters(colNumber(c) + cols)}${ra}${ra ? r : Number(r) + rows}`;
    if (c1 !== undefined) return `${c1a}${c1a ? c1 : colLetters(colNumber(c1) + cols)}:${c2a}${c2a ? c2 : colLetters(colNumber(c2!) + cols)}`;
    if (r1 !== undefined) return `${r1a}${r1a ? r1 : Number(r1) + rows}:${r2a}${r2a ? r2 : Number(r2) + rows}`;
    return m;
  });
}

/**
 * @example
 * translate('A2+$B$1+SUM(C2:C3)', 2, 1) === 'B4+$B$1+SUM(D4:D5)'
 */
export function translate(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  // String literals and quoted sheet names are left as they are.
  return formula
    .split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/)
    .map((part, i) => (i % 2 === 1 ? part : shift(part, rows, cols)))
    .join('');
}
