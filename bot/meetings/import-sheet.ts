/**
 * Meetings from the workbook's "Meetings" sheet: columns School and/or URN, Type, Date, Time
 * (in any order, header row anywhere in the first 10 rows). Each row becomes a scheduled
 * meeting once: a row is identified by school, type and the sheet's day, and recorded with
 * the meeting it became (meeting_imports), so it is never imported again whatever becomes of
 * that meeting (moved in chat to another day, or cancelled). A row whose school already has a
 * meeting of that type on that day (any status) is taken to be that meeting. Rows in the past
 * are skipped; rows that cannot be read are reported by row number, without their contents.
 */
import ExcelJS from 'exceljs';
import { toCellValue } from '../../workbook/grid.js';
import { parseDate } from '../../core/indicators/parseDate/index.js';
import { cellText } from '../../core/rating/displayValue.js';
import { parseMeetingDate, parseMeetingTime, parseMeetingTypeWords } from '../../core/meetings/parseMeetingCommand/index.js';
import { findSchools, type SchoolIndex } from '../../core/schools/findSchools.js';
import { fail, ok, type Result } from '../../core/result.js';
import type { DirectorySnapshot } from '../directory/directory.js';
import { scheduleMeeting, type ActionDeps } from './actions.js';
import type { KnownSchool } from './lookup.js';
import { meetingOn, recordImport, wasImported } from './repo.js';
import { resolveMeetingType, todayOf } from './services.js';

export const MEETINGS_SHEET = 'Meetings';

export interface SheetMeeting {
  readonly row: number;
  readonly school?: string;
  readonly urn?: string;
  readonly type: string;
  /** 'yyyy-MM-dd' when the cell was a date, else the text as written. */
  readonly date: string;
  /** 'HH:mm' when the cell was a time, else the text as written ('' when empty). */
  readonly time: string;
}

export interface ImportSummary {
  readonly imported: number;
  readonly existing: number;
  readonly past: number;
  /** Row number and reason, for rows not imported otherwise. */
  readonly problems: readonly { readonly row: number; readonly reason: string }[];
  /**
   * Recipients of the imported meetings who cannot be reached now (each once): who, why and the
   * fix. Empty when all can, or when no router is configured.
   */
  readonly unreachable?: readonly { readonly who: string; readonly reason: string; readonly fix?: string }[];
}

type Cell = ExcelJS.CellValue;

/** A cell as text, read as the rest of Waymark reads workbook cells. */
const text = (value: Cell): string => cellText(toCellValue(value));

const pad = (n: number) => String(n).padStart(2, '0');

/** A date cell as yyyy-MM-dd (a date, or an Excel serial day), else its text for the parser. */
function dateCell(value: Cell): string {
  const v = toCellValue(value);
  if (typeof v === 'number') {
    const read = parseDate(v);
    if (read.status === 'value' && read.value.kind === 'date') return read.value.value;
  }
  return cellText(v);
}

function timeCell(value: Cell): string {
  const v = typeof value === 'object' && value !== null && 'result' in value ? (value.result as Cell) : value;
  if (v instanceof Date) return `${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}`;
  if (typeof v === 'number' && v >= 0 && v < 1) {
    const minutes = Math.round(v * 24 * 60);
    return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
  }
  return text(v);
}

const HEADERS: Readonly<Record<string, RegExp>> = {
  school: /^(school|school name|name)$/i,
  urn: /^urn$/i,
  type: /^(type|meeting|meeting type)$/i,
  date: /^(date|day|meeting date)$/i,
  time: /^(time|start|start time)$/i,
};

/** Reads the rows of the "Meetings" sheet; undefined when the workbook has none. */
export async function readMeetingsSheet(file: string): Promise<Result<SheetMeeting[] | undefined, string>> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch {
    return fail('the workbook cannot be read (damaged, missing or still being saved)');
  }
  const ws = wb.worksheets.find((w) => w.name.trim().toLowerCase() === MEETINGS_SHEET.toLowerCase());
  if (!ws) return ok(undefined);
  let columns: Partial<Record<keyof typeof HEADERS, number>> | undefined;
  let headerRow = 0;
  for (let r = 1; r <= Math.min(10, ws.rowCount) && !columns; r++) {
    const found: Partial<Record<keyof typeof HEADERS, number>> = {};
    ws.getRow(r).eachCell((cell, col) => {
      const label = text(cell.value);
      for (const [key, re] of Object.entries(HEADERS)) if (re.test(label) && found[key as keyof typeof HEADERS] === undefined) found[key as keyof typeof HEADERS] = col;
    });
    if ((found.school || found.urn) && found.type && found.date) {
      columns = found;
      headerRow = r;
    }
  }
  if (!columns) return fail(`the "${ws.name}" sheet needs a header row with School (or URN), Type and Date columns`);
  const rows: SheetMeeting[] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const get = (key: keyof typeof HEADERS) => (columns?.[key] ? row.getCell(columns[key] as number).value : null);
    const school = text(get('school'));
    const urn = text(get('urn'));
    const type = text(get('type'));
    const date = dateCell(get('date'));
    if (!school && !urn && !type && !date) continue;
    rows.push({ row: r, ...(school ? { school } : {}), ...(urn ? { urn } : {}), type, date, time: timeCell(get('time')) });
  }
  return ok(rows);
}

function schoolOf(row: SheetMeeting, index: SchoolIndex): Result<KnownSchool, string> {
  if (row.urn) {
    const school = index.schools.find((s) => s.urn === row.urn);
    if (school) return ok(school as KnownSchool);
    return fail(`no school with URN ${row.urn} in the workbook`);
  }
  const match = findSchools(row.school ?? '', index);
  if (match.kind === 'one' && match.school.urn) return ok(match.school as KnownSchool);
  return fail(match.kind === 'several' ? 'the school name matches several schools: add a URN column' : 'school not found in the workbook');
}

/** Imports the rows; idempotent (a sheet row, by school, type and day, is imported once). */
export async function importMeetings(
  deps: ActionDeps,
  rows: readonly SheetMeeting[],
  directory: DirectorySnapshot,
  createdBy: string,
): Promise<ImportSummary> {
  const today = todayOf(deps.now);
  let imported = 0;
  let existing = 0;
  let past = 0;
  const problems: { row: number; reason: string }[] = [];
  const unreachable = new Map<string, { who: string; reason: string; fix?: string }>();
  for (const row of rows) {
    const school = schoolOf(row, directory.index);
    if (!school.ok) {
      problems.push({ row: row.row, reason: school.error });
      continue;
    }
    const words = parseMeetingTypeWords(row.type);
    if (!words) {
      problems.push({ row: row.row, reason: `unknown meeting type (use RAP, LAIG, project board (initial/subsequent), progress review or steering group)` });
      continue;
    }
    const type = resolveMeetingType(words, deps.services.framework);
    if (!type.ok) {
      problems.push({ row: row.row, reason: type.error });
      continue;
    }
    const day = /^\d{4}-\d{2}-\d{2}$/.test(row.date) ? ok(row.date) : parseMeetingDate(row.date, { today, allowPast: true });
    if (!day.ok) {
      problems.push({ row: row.row, reason: day.error });
      continue;
    }
    const time = row.time === '' ? ok('') : /^\d{2}:\d{2}$/.test(row.time) ? ok(row.time) : parseMeetingTime(row.time);
    if (!time.ok) {
      problems.push({ row: row.row, reason: time.error });
      continue;
    }
    const source = { schoolUrn: school.value.urn, typeId: type.value.id, sheetDay: day.value };
    if (await wasImported(deps.db, source)) {
      existing++;
      continue;
    }
    const already = await meetingOn(deps.db, source.schoolUrn, source.typeId, source.sheetDay);
    if (already !== undefined) {
      // Scheduled in chat (or before imports were recorded): this row stands for it from now on.
      await recordImport(deps.db, { ...source, meetingId: already });
      existing++;
      continue;
    }
    if (day.value < today) {
      past++;
      continue;
    }
    const startsAt = time.value ? `${day.value}T${time.value}` : day.value;
    const result = await scheduleMeeting(deps, {
      school: school.value,
      type: type.value,
      frameworkId: deps.services.framework.id,
      startsAt,
      createdBy,
      importedFrom: { sheetDay: day.value },
    });
    if (result.status === 'scheduled') {
      imported++;
      for (const r of result.reach ?? []) {
        if (r.route.kind !== 'none') continue;
        // The team channel is one recipient for every meeting; a head or officer is per school.
        const who = r.role === 'channel' ? 'Team channel' : `${r.role === 'head' ? 'Head' : 'Officer'} of ${school.value.name}${r.name ? ` (${r.name})` : ''}`;
        const reason = r.route.why ?? r.route.reason;
        unreachable.set(`${who}\n${reason}`, { who, reason, ...(r.route.fix ? { fix: r.route.fix } : {}) });
      }
    }
    else if (result.status === 'duplicate') existing++;
    else if (/in the past/.test(result.reason)) past++;
    else problems.push({ row: row.row, reason: result.reason });
  }
  return { imported, existing, past, problems, unreachable: [...unreachable.values()] };
}

/** The summary in words, for an officer or the log. */
export function importSummaryText(s: ImportSummary, sheet = MEETINGS_SHEET): string {
  const parts = [
    `${s.imported === 1 ? '1 meeting' : `${s.imported} meetings`} imported from the "${sheet}" sheet`,
    ...(s.existing > 0 ? [`${s.existing} already there`] : []),
    ...(s.past > 0 ? [`${s.past} in the past skipped`] : []),
  ];
  const lines = [`${parts.join('; ')}.`];
  const unreachable = s.unreachable ?? [];
  if (unreachable.length > 0) {
    lines.push('', 'Cannot be reached now (their reminders will not be sent until this is fixed):');
    lines.push(...unreachable.slice(0, 20).map((u) => `- ${u.who}: ${u.reason}.${u.fix ? ` To fix: ${u.fix}.` : ''}`));
    if (unreachable.length > 20) lines.push(`- … and ${unreachable.length - 20} more`);
  }
  if (s.problems.length > 0) {
    lines.push('', 'Not imported:', ...s.problems.slice(0, 20).map((p) => `- row ${p.row}: ${p.reason}`));
    if (s.problems.length > 20) lines.push(`- … and ${s.problems.length - 20} more`);
  }
  return lines.join('\n');
}
