const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

function parts(day: string): { weekday: string; date: number; month: string; year: number } {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  // Noon UTC: a calendar day's weekday, whatever the machine's time zone.
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, date, 12)).getUTCDay()] ?? '';
  return { weekday, date, month: MONTHS[month - 1] ?? '', year };
}

/** 'Tuesday 12 January 2027' (en-GB, no commas) for '2027-01-12'. */
export function longDay(day: string): string {
  const p = parts(day);
  return `${p.weekday} ${p.date} ${p.month} ${p.year}`;
}

/** 'Tue 12 Jan 2027' for '2027-01-12'. */
export function shortDay(day: string): string {
  const p = parts(day);
  return `${p.weekday.slice(0, 3)} ${p.date} ${p.month.slice(0, 3)} ${p.year}`;
}

/** 'Tue' for '2027-01-12'. */
export const weekdayShort = (day: string): string => parts(day).weekday.slice(0, 3);

/** 'Tuesday 12 January 2027 at 10:00', or just the day when there is no time. */
export function longStart(start: { day: string; time: string | null }): string {
  return start.time === null ? longDay(start.day) : `${longDay(start.day)} at ${start.time}`;
}
