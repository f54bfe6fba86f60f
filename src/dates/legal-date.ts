import { DateTime, Duration } from 'luxon';
import type { Calendar } from '../rules/types.js';

/**
 * Dates are legal facts. Every date here is a plain calendar day (YYYY-MM-DD) in the
 * jurisdiction's time zone; a date known only roughly is an interval of days.
 */
export interface DayRange {
  earliest: string;
  latest: string;
}

export type ParsedWhen = { ok: true; range: DayRange } | { ok: false; reason: string };

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** The ends of an open-ended range; the engine bounds an incident's by the as-of date. */
export const OPEN_START = '0001-01-01';
export const OPEN_END = '9999-12-31';

/** A day reached from an open end (OPEN_START plus a term, say): no one wrote it, so no one reads it. */
export function fromOpenEnd(day: string): boolean {
  return day < '0100-01-01' || day > '9000-01-01';
}
const MONTH_RE = /^(\d{4})-(\d{2})$/;
const YEAR_RE = /^(\d{4})$/;
const DATETIME_RE = /^\d{4}-\d{2}-\d{2}T/;
const LOCAL_DATETIME_RE = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d{1,9})?)?$/;

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** YYYY-MM-DD naming a day that exists (no 2026-02-30), by arithmetic: this runs for every date read. */
export function isValidIsoDate(text: string): boolean {
  const m = DATE_RE.exec(text);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const dayOfMonth = Number(m[3]);
  return month >= 1 && month <= 12 && dayOfMonth >= 1 && dayOfMonth <= daysInMonth(year, month);
}

/**
 * The years a written date may fall in. A year before 1000 is a typing slip (0026 for 2026), which
 * some date libraries quietly read as 1926; after 9899 a deadline counted from the date could run
 * past the year 9999, where ISO 8601 dates end.
 */
export const FIRST_YEAR = 1000;
export const LAST_YEAR = 9899;

/** Why a written date is outside the years rulecase counts with, or undefined when it is inside. */
export function yearOutOfRange(text: string): string | undefined {
  const year = Number(text.slice(0, 4));
  if (!/^\d{4}/.test(text) || (year >= FIRST_YEAR && year <= LAST_YEAR)) return undefined;
  return `${text} is outside the years rulecase counts with (${FIRST_YEAR} to ${LAST_YEAR}); check the year`;
}

/** Parses what a case file may hold: a date, a date-time, a month, a year or {from, to}. */
export function parseWhen(value: unknown, zone: string): ParsedWhen {
  const parsed = parseWhenAnyYear(value, zone);
  if (!parsed.ok) return parsed;
  // Only what is written is checked: an open end of a range (and 9999-12-31 written as one) is no year.
  const v = value as { from?: unknown; to?: unknown };
  const written = typeof value === 'string' ? [value] : [v.from, v.to === OPEN_END ? undefined : v.to].filter((x): x is string => typeof x === 'string');
  for (const w of written) {
    const why = yearOutOfRange(w);
    if (why) return { ok: false, reason: why };
  }
  return parsed;
}

function parseWhenAnyYear(value: unknown, zone: string): ParsedWhen {
  if (typeof value === 'string') {
    if (DATE_RE.test(value)) {
      return isValidIsoDate(value) ? { ok: true, range: { earliest: value, latest: value } } : { ok: false, reason: `${value} is not a date in the calendar` };
    }
    if (DATETIME_RE.test(value)) {
      // A time without an offset is local time in the jurisdiction: its day is the date written.
      // Only a time with an offset (Z, +01:00) needs converting to the jurisdiction's zone.
      const local = LOCAL_DATETIME_RE.exec(value);
      if (local) {
        const day = local[1] as string;
        return isValidIsoDate(day) && Number(local[2]) < 24 && Number(local[3]) < 60 ? { ok: true, range: { earliest: day, latest: day } } : { ok: false, reason: `${value} is not a valid date and time` };
      }
      const dt = DateTime.fromISO(value, { zone, setZone: false }).setZone(zone);
      if (!dt.isValid) return { ok: false, reason: `${value} is not a valid date and time` };
      const day = dt.toISODate() as string;
      return { ok: true, range: { earliest: day, latest: day } };
    }
    const month = MONTH_RE.exec(value);
    if (month) {
      const m = Number(month[2]);
      if (m < 1 || m > 12) return { ok: false, reason: `${value} is not a month` };
      return { ok: true, range: { earliest: `${value}-01`, latest: `${value}-${String(daysInMonth(Number(month[1]), m)).padStart(2, '0')}` } };
    }
    if (YEAR_RE.test(value)) return { ok: true, range: { earliest: `${value}-01-01`, latest: `${value}-12-31` } };
    return { ok: false, reason: `${value} is not a date (write 2026-03-03, 2026-03 or a range)` };
  }
  if (value && typeof value === 'object' && ('from' in value || 'to' in value)) {
    // An open end is as far as the calendar goes: "on or before 2 May" may be any earlier day.
    const v = value as { from?: unknown; to?: unknown };
    const from = v.from ?? OPEN_START;
    const to = v.to ?? OPEN_END;
    if (typeof from !== 'string' || !isValidIsoDate(from)) return { ok: false, reason: `${String(from)} is not a date in the calendar` };
    if (typeof to !== 'string' || !isValidIsoDate(to)) return { ok: false, reason: `${String(to)} is not a date in the calendar` };
    if (to < from) return { ok: false, reason: `the range ends (${to}) before it starts (${from})` };
    return { ok: true, range: { earliest: from, latest: to } };
  }
  return { ok: false, reason: 'not a date' };
}

export function day(iso: string): DateTime {
  return DateTime.fromISO(iso, { zone: 'UTC' });
}

export function iso(dt: DateTime): string {
  return dt.toISODate() as string;
}

// Plain day arithmetic runs in every deadline's calendar loop: integer epoch days are exact for
// calendar dates and far cheaper than a luxon object per step.
// Days since 1970-01-01 by pure integer arithmetic (H. Hinnant's civil-date algorithms): this runs
// several times for every deadline of every case, where a Date object per step would dominate.
function epochDay(isoDate: string): number {
  const y0 = Number(isoDate.slice(0, 4));
  const m = Number(isoDate.slice(5, 7));
  const d = Number(isoDate.slice(8, 10));
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const FIRST_EPOCH_DAY = epochDay(OPEN_START);
const LAST_EPOCH_DAY = epochDay(OPEN_END);

/**
 * A computed day never leaves the calendar's four-digit years: past either end it stays at the open
 * end, which reports read as "no day" (fromOpenEnd). A fifth digit (10000-03-31) would sort before
 * 2026 as text and read back as the year 999.
 */
function fromEpochDay(n: number): string {
  if (n >= LAST_EPOCH_DAY) return OPEN_END;
  if (n <= FIRST_EPOCH_DAY) return OPEN_START;
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/**
 * Orders two days as days. Every day the engine holds is a ten-character YYYY-MM-DD (the parser
 * accepts nothing else and computed days stay within 0001–9999), so the text order is the calendar
 * order; anything else is a programming error, refused here rather than mis-sorted.
 */
export function compareDays(a: string, b: string): number {
  if (!DATE_RE.test(a) || !DATE_RE.test(b)) throw new Error(`not a day: ${!DATE_RE.test(a) ? a : b}`);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** ISO weekday, 1 Monday … 7 Sunday (1 January 1970 was a Thursday). */
export function isoWeekday(isoDate: string): number {
  return ((((epochDay(isoDate) + 3) % 7) + 7) % 7) + 1;
}

export function addDays(isoDate: string, days: number): string {
  return fromEpochDay(epochDay(isoDate) + days);
}

export function daysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}

/** Today in the jurisdiction's zone: only the CLI shell calls this with the real clock. */
export function todayIn(zone: string, now: Date): string {
  return DateTime.fromJSDate(now).setZone(zone).toISODate() as string;
}

export interface ParsedDuration {
  years: number;
  months: number;
  weeks: number;
  days: number;
}

export function parseDuration(text: string): ParsedDuration | undefined {
  const m = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(text);
  if (!m) return undefined;
  return { years: Number(m[1] ?? 0), months: Number(m[2] ?? 0), weeks: Number(m[3] ?? 0), days: Number(m[4] ?? 0) };
}

/** Rough length in days, only for comparing a term against a calendar's limits (Atw art. 4). */
export function approximateDays(d: ParsedDuration): number {
  return d.years * 365 + d.months * 30.44 + d.weeks * 7 + d.days;
}

export type MonthEndRule = 'last-day-of-month' | 'first-day-of-next-month';

/**
 * Adds a term to a day. Month arithmetic that lands past the end of a shorter month is
 * resolved by the rule's declared month-end policy, never silently.
 */
export function addTerm(start: string, d: ParsedDuration, monthEnd: MonthEndRule): { date: string; monthEndApplied: boolean } {
  // No arithmetic on an open end: a term counted from "some day after" ends on no known day.
  if (start >= OPEN_END) return { date: OPEN_END, monthEndApplied: false };
  const totalMonths = d.years * 12 + d.months;
  const index = Number(start.slice(0, 4)) * 12 + (Number(start.slice(5, 7)) - 1) + totalMonths;
  const year = Math.floor(index / 12);
  if (year > 9999) return { date: OPEN_END, monthEndApplied: false };
  const month = (index % 12) + 1;
  const wanted = Number(start.slice(8, 10));
  const last = daysInMonth(year, month);
  let date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(wanted, last)).padStart(2, '0')}`;
  // The target month is too short for the start's day: the rule's declared month-end policy decides.
  const monthEndApplied = totalMonths > 0 && wanted > last;
  if (monthEndApplied && monthEnd === 'first-day-of-next-month') date = addDays(date, 1);
  return { date: addDays(date, d.weeks * 7 + d.days), monthEndApplied };
}

/** Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const dayOfMonth = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
}

export interface Holiday {
  date: string;
  name: Calendar['holidays'][number]['name'];
  verified: boolean;
}

const holidayCache = new WeakMap<Calendar, Map<number, Map<string, Holiday>>>();

/** The calendar's public holidays in a year, computed from its declarative rules. */
export function holidaysIn(calendar: Calendar, year: number): Map<string, Holiday> {
  let byYear = holidayCache.get(calendar);
  if (!byYear) holidayCache.set(calendar, (byYear = new Map()));
  const cached = byYear.get(year);
  if (cached) return cached;
  const result = new Map<string, Holiday>();
  const easter = easterSunday(year);
  for (const h of calendar.holidays) {
    if (h.fromYear !== undefined && year < h.fromYear) continue;
    if (h.untilYear !== undefined && year > h.untilYear) continue;
    let date: string | undefined;
    if (h.date !== undefined) date = h.date.startsWith(`${year}-`) ? h.date : undefined;
    else if (h.fixed !== undefined) date = `${year}-${h.fixed}`;
    else if (h.easter !== undefined) date = addDays(easter, h.easter);
    if (date === undefined) continue;
    if (h.ifSunday !== undefined && isoWeekday(date) === 7) date = addDays(date, h.ifSunday);
    result.set(date, { date, name: h.name, verified: h.verified !== false });
  }
  byYear.set(year, result);
  return result;
}

export type NonWorkingReason = { kind: 'weekend'; weekday: number } | { kind: 'holiday'; holiday: Holiday };

export function nonWorkingReason(calendar: Calendar, date: string): NonWorkingReason | undefined {
  const holiday = holidaysIn(calendar, Number(date.slice(0, 4))).get(date);
  if (holiday) return { kind: 'holiday', holiday };
  const weekday = isoWeekday(date);
  if (calendar.weekend.includes(weekday)) return { kind: 'weekend', weekday };
  return undefined;
}

export interface Extension {
  from: string;
  to: string;
  /** the non-working days skipped, in order */
  skipped: { date: string; reason: NonWorkingReason }[];
  /** extended further so the term holds the calendar's minimum number of working days */
  minWorkingDays: boolean;
}

/**
 * Extends a term that ends on a non-working day to the next working day (Atw art. 1), and a
 * term of at least three days until it holds the minimum number of working days (Atw art. 2).
 */
export function extendForCalendar(calendar: Calendar, termStart: string, end: string): Extension | undefined {
  const skipped: Extension['skipped'] = [];
  let due = end;
  for (let reason = nonWorkingReason(calendar, due); reason; reason = nonWorkingReason(calendar, due)) {
    skipped.push({ date: due, reason });
    due = addDays(due, 1);
    // The checks refuse a calendar without working days; this guards the loop all the same.
    if (skipped.length > 366) throw new Error(`calendar ${calendar.title.en}: no working day within a year of ${end}`);
  }
  let minApplied = false;
  const min = calendar.minWorkingDays ?? 0;
  if (min > 0 && daysBetween(termStart, due) + 1 >= 3) {
    // Counting stops at the minimum: a long term is settled after its first few working days.
    const workingDays = (): number => {
      let n = 0;
      for (let d = termStart; d <= due && n < min; d = addDays(d, 1)) if (!nonWorkingReason(calendar, d)) n++;
      return n;
    };
    while (workingDays() < min) {
      minApplied = true;
      due = addDays(due, 1);
      // Bounded like the loop above: a calendar without working days is refused by the checks.
      for (let n = 0; nonWorkingReason(calendar, due); n++) {
        if (n > 366) throw new Error(`calendar ${calendar.title.en}: no working day within a year of ${end}`);
        due = addDays(due, 1);
      }
    }
  }
  if (due === end) return undefined;
  return { from: end, to: due, skipped, minWorkingDays: minApplied };
}

export function durationToLuxon(d: ParsedDuration): Duration {
  return Duration.fromObject({ years: d.years, months: d.months, weeks: d.weeks, days: d.days });
}
