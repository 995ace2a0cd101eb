import { format, parseISO } from 'date-fns';

/** 'Mon 7 Dec 2026' for a 'yyyy-MM-dd' day (the day is a date, not an instant: no time zone). */
export const dayWords = (day: string): string => format(parseISO(day), 'EEE d MMM yyyy');
