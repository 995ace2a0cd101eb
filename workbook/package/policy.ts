/**
 * What the guard does with each child of a worksheet's and of the workbook's root. The guard
 * is an allow-list: every child is fingerprinted and must come out the same, except the few
 * named here as `allowed`, each with the reason a difference there is not the team's loss.
 * A child Waymark does not know falls to the default (its canonical XML must survive).
 *
 * `carry` says how a difference is put right before it is counted: `verbatim` puts the
 * original element back in its schema position (only for elements that point at nothing
 * exceljs renumbers: no r:id, no style or string index); `attributes` gives exceljs's element
 * the original's attributes, less those in `ignore`, which stay as exceljs wrote them.
 */
export interface Policy {
  readonly words: string;
  readonly allowed?: string;
  readonly carry?: 'verbatim' | 'attributes';
  /** Attributes left out of the fingerprint (and kept from the copy when carrying attributes). */
  readonly ignore?: readonly string[];
  /** Checked item by item (rules, validations, links, columns, extensions, names, sheets). */
  readonly itemized?: true;
}

export const SHEET_POLICY: Readonly<Record<string, Policy>> = {
  sheetPr: { words: 'sheet properties (tab colour, outline and fit-to-page settings)', carry: 'verbatim' },
  dimension: {
    words: 'the used range',
    allowed: 'a summary of where the cells are: exceljs recomputes it from the cells it writes, as Excel does on every save',
  },
  sheetViews: { words: 'the sheet view (frozen panes, zoom, gridlines)', carry: 'verbatim' },
  sheetFormatPr: { words: 'default row height and column width', carry: 'verbatim' },
  cols: { words: 'column widths and hidden columns', itemized: true },
  sheetData: {
    words: 'the cells',
    allowed:
      'exceljs writes every cell anew with its own shared-string and style numbering, so the XML always differs; instead every cell and row is compared one by one after resolving strings, styles and shared formulas (cells.ts), and the notes on them are checked one by one',
  },
  sheetCalcPr: { words: 'sheet calculation settings', carry: 'verbatim' },
  sheetProtection: { words: 'sheet protection', carry: 'verbatim' },
  protectedRanges: { words: 'protected ranges', carry: 'verbatim' },
  scenarios: { words: 'scenarios', carry: 'verbatim' },
  autoFilter: { words: 'the filter', carry: 'verbatim' },
  sortState: { words: 'sort settings', carry: 'verbatim' },
  dataConsolidate: { words: 'data consolidation settings', carry: 'verbatim' },
  customSheetViews: { words: 'custom views', carry: 'verbatim' },
  mergeCells: { words: 'merged cells', carry: 'verbatim' },
  phoneticPr: { words: 'phonetic guide settings', carry: 'verbatim' },
  conditionalFormatting: { words: 'conditional formats', itemized: true },
  dataValidations: { words: 'data validations', itemized: true },
  hyperlinks: { words: 'hyperlinks', itemized: true },
  printOptions: { words: 'print options', carry: 'verbatim' },
  pageMargins: { words: 'page margins', carry: 'verbatim' },
  // r:id points at the printer settings part; carried (and renumbered) with it, see carry.ts.
  pageSetup: { words: 'page setup', carry: 'attributes', ignore: ['r:id'] },
  headerFooter: { words: 'headers and footers', carry: 'verbatim' },
  rowBreaks: { words: 'page breaks (rows)', carry: 'verbatim' },
  colBreaks: { words: 'page breaks (columns)', carry: 'verbatim' },
  customProperties: { words: 'custom sheet properties' },
  cellWatches: { words: 'cell watches', carry: 'verbatim' },
  ignoredErrors: { words: 'ignored error checks', carry: 'verbatim' },
  smartTags: { words: 'smart tags', carry: 'verbatim' },
  drawing: { words: 'drawings' },
  legacyDrawing: {
    words: 'the notes drawing',
    allowed: 'the VML drawing that shows notes: exceljs writes it anew for the notes it writes; the notes are checked one by one, and form controls by their own parts and element',
  },
  legacyDrawingHF: { words: 'header and footer pictures' },
  drawingHF: { words: 'header and footer drawings' },
  picture: { words: 'background picture' },
  oleObjects: { words: 'embedded objects' },
  controls: { words: 'form controls' },
  webPublishItems: { words: 'web publishing items', carry: 'verbatim' },
  tableParts: { words: 'tables' },
  extLst: { words: 'extensions', itemized: true },
};

export const BOOK_POLICY: Readonly<Record<string, Policy>> = {
  fileVersion: {
    words: 'the application version',
    allowed: 'which application last saved the file: every application writes its own (exceljs does), as Excel does on each save',
  },
  fileSharing: { words: 'file sharing settings', carry: 'verbatim' },
  // defaultThemeVersion is the theme version the saving application writes for new parts;
  // filterPrivacy is a flag exceljs adds. Neither is the team's.
  workbookPr: { words: 'workbook properties', carry: 'attributes', ignore: ['defaultThemeVersion', 'filterPrivacy'] },
  workbookProtection: { words: 'workbook protection', carry: 'verbatim' },
  // The active and first visible tab are where the window was left, not content.
  bookViews: { words: 'workbook window settings', carry: 'verbatim', ignore: ['activeTab', 'firstSheet'] },
  sheets: { words: 'the sheets', itemized: true },
  functionGroups: { words: 'function groups', carry: 'verbatim' },
  externalReferences: { words: 'external links' },
  definedNames: { words: 'defined names', itemized: true },
  // calcId names the engine that last calculated; exceljs's older id makes Excel recalculate on
  // open, which is the safe way round.
  calcPr: { words: 'calculation settings', carry: 'attributes', ignore: ['calcId'] },
  oleSize: { words: 'embedded object size', carry: 'verbatim' },
  customWorkbookViews: { words: 'custom views', carry: 'verbatim' },
  pivotCaches: { words: 'pivot caches' },
  smartTagPr: { words: 'smart tag settings', carry: 'verbatim' },
  smartTagTypes: { words: 'smart tag types', carry: 'verbatim' },
  webPublishing: { words: 'web publishing settings', carry: 'verbatim' },
  fileRecoveryPr: { words: 'file recovery settings', carry: 'verbatim' },
  webPublishObjects: { words: 'web publishing objects', carry: 'verbatim' },
  extLst: { words: 'extensions', itemized: true },
  'xr:revisionPtr': {
    words: 'the revision pointer',
    allowed: 'a co-authoring pointer to the saved version of this very file; Excel writes a new one on every save, and a copy is a new file',
  },
};

/** mc:AlternateContent on a workbook that holds only x15ac:absPath: the folder the file was last saved in. */
export const isSavedPath = (xml: string): boolean => /<x15ac:absPath\b/.test(xml) && xml.replace(/<x15ac:absPath\b[^>]*\/>/, '').replace(/<\/?mc:[^>]*>/g, '').trim() === '';

export const policyFor = (root: 'worksheet' | 'workbook', name: string): Policy =>
  (root === 'worksheet' ? SHEET_POLICY : BOOK_POLICY)[name] ?? { words: `the ${name} element` };
