/** The help, privacy and terms pages the manifests link to: plain, static, no scripts. */
const page = (title: string, body: string): string => `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} — Waymark</title>
<link rel="stylesheet" href="taskpane.css"></head>
<body><header class="top"><h1>Waymark</h1><p class="sub">${title}</p></header>
<main>${body}</main></body></html>
`;

export const staticPages: Record<string, string> = {
  'help.html': page(
    'Help',
    `<h2>Rating a sheet</h2>
<ol><li>Open your categorisation sheet and choose <strong>Waymark</strong> on the Home tab.</li>
<li>Check the framework, the header row and how each column is read; change any that are wrong. Your choices are saved in the workbook for the next officer.</li>
<li>Choose <strong>Rate sheet</strong>. Indicator cells are filled green, amber or red; “Suggested category” and “Why” columns and a “Waymark legend” sheet are added.</li>
<li>Choose <strong>Clear Waymark marks</strong> to remove exactly what Waymark added and put back the fills cells had before.</li></ol>
<h2>What Waymark never does</h2>
<p>It never changes a value the team typed, never overwrites the officer’s own category, and never unhides a hidden or filtered row.</p>
<h2>Requirements</h2><p>Excel on the web, Microsoft 365 or Excel 2019 or later (ExcelApi 1.9).</p>`,
  ),
  'privacy.html': page(
    'Privacy',
    `<p>Waymark’s Excel add-in works inside your workbook. It sends no school data anywhere: the sheet is read and rated in the task pane, and the results are written back to the same workbook. Its settings (framework, column mapping, thresholds, and a record of the fills it changed) are stored in the workbook’s document settings.</p>`,
  ),
  'terms.html': page(
    'Terms of use',
    `<p>Waymark suggests school categories from the figures in your sheet. Suggestions support, and never replace, the professional judgement of the school improvement team; an officer’s own category always stands. Provided as is, without warranty.</p>`,
  ),
};
