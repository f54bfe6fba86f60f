import { DateTime } from 'luxon';
import type { Incident, When } from '../case/types.js';

type IncidentCount = Incident['count'];
import { addDays, OPEN_END, OPEN_START } from '../dates/legal-date.js';
import type { Lang } from '../rules/types.js';

/**
 * Dates as people type them, in Dutch or English, turned into the case file's `When`:
 * "2026-03-03", "2026-03-03T21:15", "2026-03", "2026" or {from, to}. Pure: "today" is a parameter.
 *
 * Day-month order is always day first (3-3-2026, 3/3/2026): that is how both the Netherlands and
 * England & Wales write dates. Month names are accepted in either language whatever the interview
 * language, because people switch.
 */
export interface DateInputOptions {
  lang: Lang;
  /** today (YYYY-MM-DD, in the jurisdiction's zone): fills in a missing year, and "today"/"vandaag" */
  today: string;
  /** an event that has happened: a missing year is the last such date not after today, and a date after today is refused */
  past?: boolean;
  /** accept a time of day ("21:15"), giving a date-time */
  time?: boolean;
}

export type DateInputResult = { ok: true; when: When } | { ok: false; message: string };

const MONTHS: Record<string, number> = {
  januari: 1, january: 1, jan: 1,
  februari: 2, february: 2, feb: 2, febr: 2,
  maart: 3, march: 3, mrt: 3, mar: 3, mrch: 3,
  april: 4, apr: 4,
  mei: 5, may: 5,
  juni: 6, june: 6, jun: 6,
  juli: 7, july: 7, jul: 7,
  augustus: 8, august: 8, aug: 8,
  september: 9, sep: 9, sept: 9,
  oktober: 10, october: 10, okt: 10, oct: 10,
  november: 11, nov: 11,
  december: 12, dec: 12,
};

const MONTH_NAMES: Record<Lang, string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
};

const MONTH_ALT = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

/** early / mid / late part of a month, as day ranges */
const PARTS: { words: RegExp; from: number; to: number | 'end' }[] = [
  { words: /^(?:begin|start|early|beginning of|start of|the beginning of|the start of|early in|eerste helft van|first half of)$/, from: 1, to: 10 },
  { words: /^(?:half|midden|medio|mid|middle of|the middle of|halverwege)$/, from: 11, to: 20 },
  { words: /^(?:eind|einde|eind van|late|end of|the end of|late in|laatste week van|last week of)$/, from: 21, to: 'end' },
];

const WORDS = {
  en: {
    notADate: (t: string) => `"${t}" is not a date I can read. Write it as 3/3/2026, 3 March 2026 or 2026-03-03; a month (March 2026) or a range (between 1 and 15 May 2026) is fine if the exact day is not known.`,
    noDay: (d: number, m: number, y: number, max: number) => `There is no ${d} ${MONTH_NAMES.en[m - 1]} ${y}: ${MONTH_NAMES.en[m - 1]} ${y} has ${max} days.`,
    noMonth: (m: number) => `There is no month ${m}: write the day first, then the month (3/4/2026 is 3 April 2026).`,
    badTime: (t: string) => `${t} is not a time of day; write it as 21:15.`,
    noTime: 'Give a date without a time of day here.',
    future: (d: string) => `That is after today (${d}); check the year.`,
    reversed: 'The range ends before it starts; give the earlier date first.',
    year: (y: number) => `${y} is not a plausible year.`,
    at: 'at',
    onOrBefore: 'on or before',
    onOrAfter: 'on or after',
    and: 'and',
    notANumber: (t: string) => `"${t}" is not a number; write for example 3 or 2.5.`,
    notADuration: (t: string) => `"${t}" is not a length of time; write for example 3 months, 1 year or 14 days.`,
    units: [['year', 'years'], ['month', 'months'], ['week', 'weeks'], ['day', 'days']],
  },
  nl: {
    notADate: (t: string) => `"${t}" kan ik niet als datum lezen. Schrijf bijvoorbeeld 3-3-2026, 3 maart 2026 of 2026-03-03; een maand (maart 2026) of een periode (tussen 1 en 15 mei 2026) mag ook als de precieze dag niet bekend is.`,
    noDay: (d: number, m: number, y: number, max: number) => `${d} ${MONTH_NAMES.nl[m - 1]} ${y} bestaat niet: ${MONTH_NAMES.nl[m - 1]} ${y} heeft ${max} dagen.`,
    noMonth: (m: number) => `Er is geen maand ${m}: schrijf eerst de dag, dan de maand (3-4-2026 is 3 april 2026).`,
    badTime: (t: string) => `${t} is geen tijdstip; schrijf bijvoorbeeld 21:15.`,
    noTime: 'Geef hier een datum zonder tijdstip.',
    future: (d: string) => `Die datum ligt na vandaag (${d}); controleer het jaar.`,
    reversed: 'De periode eindigt voordat hij begint; geef eerst de vroegste datum.',
    year: (y: number) => `${y} is geen aannemelijk jaartal.`,
    at: 'om',
    onOrBefore: 'op of vóór',
    onOrAfter: 'op of na',
    and: 'en',
    notANumber: (t: string) => `"${t}" is geen getal; schrijf bijvoorbeeld 3 of 2,5.`,
    notADuration: (t: string) => `"${t}" is geen duur; schrijf bijvoorbeeld 3 maanden, 1 jaar of 14 dagen.`,
    units: [['jaar', 'jaar'], ['maand', 'maanden'], ['week', 'weken'], ['dag', 'dagen']],
  },
} satisfies Record<Lang, unknown>;

/** A date as far as it was given: a year, a month, a day, maybe a time, maybe a part of a month. */
interface Partial {
  y?: number;
  m?: number;
  d?: number;
  hh?: number;
  mi?: number;
  part?: { from: number; to: number | 'end' };
  /** already a full day (today, yesterday) */
  iso?: string;
}

class InputError extends Error {}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKC')
    .replace(/[‐‑‒]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/(\d)(?:st|nd|rd|th|de|ste|e)\b/g, '$1')
    .replace(/,/g, ' ')
    .replace(/\bmid-/g, 'mid ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\.$/, '');
}

function twoDigitYear(yy: number, today: string): number {
  const now = Number(today.slice(0, 4));
  const century = Math.floor(now / 100) * 100;
  return century + yy <= now + 1 ? century + yy : century - 100 + yy;
}

function readYear(text: string, today: string): number {
  const n = Number(text);
  return text.length <= 2 ? twoDigitYear(n, today) : n;
}

const TIME = String.raw`(?:\s*(?:t|om|at|,)?\s*(\d{1,2})[:.h](\d{2})(?:\s*(?:uur|u|h))?)?`;

/** One date, possibly partial: "3-3-2026", "3 maart", "maart 2026", "begin maart", "15", "2026". */
function parseOne(raw: string, today: string): Partial | undefined {
  let s = raw.replace(/^(?:op|on|in|ergens in|sometime in|some time in|in de maand|the|de)\s+/, '').trim();
  s = s.replace(/^(?:op|on|in)\s+/, '').trim();
  if (s === '') return undefined;
  const rel: Record<string, number> = { vandaag: 0, today: 0, gisteren: -1, yesterday: -1, eergisteren: -2, 'the day before yesterday': -2, 'day before yesterday': -2 };
  const relTime = new RegExp(`^(${Object.keys(rel).join('|')})${TIME}$`).exec(s);
  if (relTime) {
    const iso = DateTime.fromISO(today, { zone: 'UTC' }).plus({ days: rel[relTime[1] as string] ?? 0 }).toISODate() as string;
    return withTime({ iso }, relTime[2], relTime[3]);
  }
  let m = new RegExp(`^(\\d{4})-(\\d{1,2})-(\\d{1,2})${TIME}$`).exec(s);
  if (m) return withTime({ y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) }, m[4], m[5]);
  m = /^(\d{4})-(\d{1,2})$/.exec(s);
  if (m) return { y: Number(m[1]), m: Number(m[2]) };
  m = /^(\d{4})$/.exec(s);
  if (m) return { y: Number(m[1]) };
  m = new RegExp(`^(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4}|\\d{2})${TIME}$`).exec(s);
  if (m) return withTime({ d: Number(m[1]), m: Number(m[2]), y: readYear(m[3] as string, today) }, m[4], m[5]);
  m = /^(\d{1,2})[-/](\d{4})$/.exec(s);
  if (m) return { m: Number(m[1]), y: Number(m[2]) };
  m = new RegExp(`^(\\d{1,2})[-/.](\\d{1,2})${TIME}$`).exec(s);
  if (m) return withTime({ d: Number(m[1]), m: Number(m[2]) }, m[3], m[4]);
  m = new RegExp(`^(\\d{1,2}) (${MONTH_ALT})\\.?(?: (\\d{4}|'?\\d{2}))?${TIME}$`).exec(s);
  if (m) return withTime({ d: Number(m[1]), m: MONTHS[m[2] as string] as number, ...(m[3] ? { y: readYear(m[3].replace("'", ''), today) } : {}) }, m[4], m[5]);
  m = new RegExp(`^(${MONTH_ALT})\\.? (\\d{1,2})(?: (\\d{4}))?${TIME}$`).exec(s);
  if (m) return withTime({ d: Number(m[2]), m: MONTHS[m[1] as string] as number, ...(m[3] ? { y: Number(m[3]) } : {}) }, m[4], m[5]);
  m = new RegExp(`^(${MONTH_ALT})\\.?(?: (\\d{4}|'\\d{2}))?$`).exec(s);
  if (m) return { m: MONTHS[m[1] as string] as number, ...(m[2] ? { y: readYear(m[2].replace("'", ''), today) } : {}) };
  m = new RegExp(`^(.+?) (${MONTH_ALT})\\.?(?: (\\d{4}))?$`).exec(s);
  if (m) {
    const part = PARTS.find((p) => p.words.test(m?.[1] as string));
    if (part) return { m: MONTHS[m[2] as string] as number, ...(m[3] ? { y: Number(m[3]) } : {}), part: { from: part.from, to: part.to } };
  }
  m = /^(\d{1,2})$/.exec(s);
  if (m) return { d: Number(m[1]) };
  return undefined;
}

function withTime(p: Partial, hh: string | undefined, mi: string | undefined): Partial {
  return hh === undefined ? p : { ...p, hh: Number(hh), mi: Number(mi) };
}

interface Span {
  from: string;
  to: string;
  /** a time of day, only for a single exact day */
  time?: string;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function daysIn(y: number, m: number): number {
  return DateTime.fromObject({ year: y, month: m, day: 1 }, { zone: 'UTC' }).daysInMonth ?? 31;
}

/** The days a complete-enough partial date covers; a missing year comes from today. */
function spanOf(p: Partial, options: DateInputOptions, words: (typeof WORDS)[Lang], inheritYear?: number): Span {
  if (p.iso) return { from: p.iso, to: p.iso, ...(p.hh !== undefined ? { time: time(p, words) } : {}) };
  if (p.m === undefined && p.d !== undefined) throw new InputError('');
  const resolve = (y: number): Span => {
    if (y < 1900 || y > 2200) throw new InputError(words.year(y));
    if (p.m === undefined) return { from: `${y}-01-01`, to: `${y}-12-31` };
    if (p.m < 1 || p.m > 12) throw new InputError(words.noMonth(p.m));
    const max = daysIn(y, p.m);
    if (p.d !== undefined) {
      if (p.d < 1 || p.d > max) throw new InputError(words.noDay(p.d, p.m, y, max));
      const iso = `${y}-${pad(p.m)}-${pad(p.d)}`;
      return { from: iso, to: iso, ...(p.hh !== undefined ? { time: time(p, words) } : {}) };
    }
    if (p.part) return { from: `${y}-${pad(p.m)}-${pad(p.part.from)}`, to: `${y}-${pad(p.m)}-${pad(p.part.to === 'end' ? max : p.part.to)}` };
    return { from: `${y}-${pad(p.m)}-01`, to: `${y}-${pad(p.m)}-${pad(max)}` };
  };
  if (p.y !== undefined) return resolve(p.y);
  if (inheritYear !== undefined) return resolve(inheritYear);
  const year = Number(options.today.slice(0, 4));
  const span = resolve(year);
  // "3 March", said about something that happened: the last 3 March that is not in the future.
  return options.past && span.from > options.today ? resolve(year - 1) : span;
}

function time(p: Partial, words: (typeof WORDS)[Lang]): string {
  const hh = p.hh as number;
  const mi = p.mi as number;
  if (hh > 23 || mi > 59) throw new InputError(words.badTime(`${hh}:${pad(mi)}`));
  return `${pad(hh)}:${pad(mi)}`;
}

/**
 * Open-ended: "before 2 May 2026" (on or before 1 May), "on or before", "after", "since". The
 * bounds are exclusive for before and after, as people mean them.
 */
const OPEN_PATTERNS: { re: RegExp; side: 'to' | 'from'; shift: number }[] = [
  { re: /^(?:on or before|uiterlijk|op of v[oó]{1,2}r) (.+)$/, side: 'to', shift: 0 },
  { re: /^(?:before|v[oó]{1,2}r) (.+)$/, side: 'to', shift: -1 },
  { re: /^(?:on or after|since|sinds|op of na) (.+)$/, side: 'from', shift: 0 },
  { re: /^(?:after|na) (.+)$/, side: 'from', shift: 1 },
];

function openSpan(s: string, options: DateInputOptions, words: (typeof WORDS)[Lang]): Span | undefined {
  for (const { re, side, shift } of OPEN_PATTERNS) {
    const m = re.exec(s);
    const one = m ? parseOne((m[1] as string).trim(), options.today) : undefined;
    if (!one) continue;
    const span = spanOf(one, options, words);
    // "Before May" ends the day before May begins; "on or before May" at its last day; and so on.
    if (side === 'to') return { from: OPEN_START, to: shift < 0 ? addDays(span.from, -1) : span.to };
    return { from: shift > 0 ? addDays(span.to, 1) : span.from, to: OPEN_END };
  }
  return undefined;
}

const RANGE_PATTERNS: RegExp[] = [
  /^(?:between|tussen) (.+?) (?:and|en) (.+)$/,
  /^(?:from|van|vanaf) (.+?) (?:to|until|till|tot en met|tot|t\/m|-|–|—) (.+)$/,
  /^(.+?) (?:to|until|till|tot en met|tot|t\/m|-|–|—) (.+)$/,
  /^(.+?)[–—](.+)$/,
  // "1-15 mei 2026": a day range inside one month
  new RegExp(`^(\\d{1,2})-(\\d{1,2} (?:${MONTH_ALT}).*)$`),
];

/** Parses a typed date, month, period or range into the case file's When. */
export function parseDateInput(text: string, options: DateInputOptions): DateInputResult {
  const words = WORDS[options.lang];
  const s = normalise(text);
  try {
    let span: Span | undefined;
    const single = parseOne(s, options.today);
    if (single) span = spanOf(single, options, words);
    else if ((span = openSpan(s, options, words))) {
      // an open-ended date
    } else {
      for (const re of RANGE_PATTERNS) {
        const m = re.exec(s);
        if (!m) continue;
        const right = parseOne((m[2] as string).trim(), options.today);
        const leftRaw = parseOne((m[1] as string).trim(), options.today);
        if (!right || !leftRaw) continue;
        // The left side borrows what it leaves out from the right: "1 and 15 May 2026".
        const left: Partial = { ...leftRaw };
        if (left.m === undefined && left.d !== undefined && !left.iso && right.m !== undefined) left.m = right.m;
        const rightSpan = spanOf(right, options, words);
        const leftSpan = spanOf(left, options, words, left.y === undefined && !left.iso ? Number(rightSpan.to.slice(0, 4)) : undefined);
        if (rightSpan.to < leftSpan.from) {
          // "between 20 December and 5 January": the left side belongs to the year before.
          if (leftRaw.y === undefined && leftRaw.m !== undefined && !leftRaw.iso) {
            const earlier = spanOf(left, options, words, Number(rightSpan.to.slice(0, 4)) - 1);
            if (earlier.from <= rightSpan.to) {
              span = { from: earlier.from, to: rightSpan.to };
              break;
            }
          }
          throw new InputError(words.reversed);
        }
        span = { from: leftSpan.from, to: rightSpan.to };
        break;
      }
    }
    if (!span) return { ok: false, message: words.notADate(text.trim()) };
    if (span.time !== undefined && !options.time) return { ok: false, message: words.noTime };
    if (options.past && span.from > options.today) return { ok: false, message: words.future(formatWhen(options.today, options.lang)) };
    return { ok: true, when: toWhen(span) };
  } catch (e) {
    if (e instanceof InputError) return { ok: false, message: e.message || words.notADate(text.trim()) };
    throw e;
  }
}

/** The tightest When for a span of days: a day, a whole month, a whole year, or a range. */
function toWhen(span: Span): When {
  if (span.from === OPEN_START) return { to: span.to };
  if (span.to === OPEN_END) return { from: span.from };
  if (span.from === span.to) return span.time !== undefined ? `${span.from}T${span.time}` : span.from;
  const [fy, fm, fd] = span.from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = span.to.split('-').map(Number) as [number, number, number];
  if (fy === ty && fd === 1 && fm === 1 && tm === 12 && td === 31) return String(fy);
  if (fy === ty && fm === tm && fd === 1 && td === daysIn(ty, tm)) return `${fy}-${pad(fm)}`;
  return { from: span.from, to: span.to };
}

/** A When for people: "3 maart 2026", "3 March 2026 at 21:15", "maart 2026", "1–15 mei 2026". */
export function formatWhen(when: When, lang: Lang): string {
  const months = MONTH_NAMES[lang];
  const day = (iso: string, withYear = true): string => {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    return `${d} ${months[m - 1]}${withYear ? ` ${y}` : ''}`;
  };
  if (typeof when === 'object') {
    const { from, to } = when;
    // An open-ended range: "on or before 1 May 2026".
    if (from === undefined) return `${WORDS[lang].onOrBefore} ${day(to)}`;
    if (to === undefined) return `${WORDS[lang].onOrAfter} ${day(from)}`;
    if (from.slice(0, 7) === to.slice(0, 7)) return `${Number(from.slice(8))}–${day(to)}`;
    if (from.slice(0, 4) === to.slice(0, 4)) return `${day(from, false)} – ${day(to)}`;
    return `${day(from)} – ${day(to)}`;
  }
  let m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(when);
  if (m) return `${day(m[1] as string)} ${WORDS[lang].at} ${m[2]}`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(when)) return day(when);
  m = /^(\d{4})-(\d{2})$/.exec(when);
  if (m) return `${months[Number(m[2]) - 1]} ${m[1]}`;
  return when;
}

// ---- numbers and durations ------------------------------------------------------------------

/** How each language writes 1,500.5: Dutch 1.500,5. */
export const NUMBER_STYLE: Record<Lang, { decimal: string; thousands: string }> = {
  en: { decimal: '.', thousands: ',' },
  nl: { decimal: ',', thousands: '.' },
};

export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** "3", "3,5" or "3.5"; a thousands separator in the language's own style ("1.500" in Dutch). */
export function parseNumberInput(text: string, lang: Lang): ParseResult<number> {
  const s = text.trim().replace(/\s/g, '');
  const { thousands } = NUMBER_STYLE[lang];
  let t = s;
  if (new RegExp(`^\\d{1,3}(\\${thousands}\\d{3})+([.,]\\d+)?$`).test(s)) t = s.split(thousands).join('');
  t = t.replace(',', '.');
  if (/^-?\d+(\.\d+)?$/.test(t)) return { ok: true, value: Number(t) };
  return { ok: false, message: WORDS[lang].notANumber(text.trim()) };
}

const DURATION_UNITS: { re: RegExp; unit: 'Y' | 'M' | 'W' | 'D' }[] = [
  { re: /^(?:jaar|jaren|jr|year|years|yr|yrs|y|j)$/, unit: 'Y' },
  { re: /^(?:maand|maanden|mnd|month|months|mo|m)$/, unit: 'M' },
  { re: /^(?:week|weken|weeks|wk|wks|w)$/, unit: 'W' },
  { re: /^(?:dag|dagen|day|days|d)$/, unit: 'D' },
];

/** "3 maanden", "1 year and 6 months", "14 dagen" or ISO "P3M", as an ISO 8601 duration. */
export function parseDurationInput(text: string, lang: Lang): ParseResult<string> {
  const s = text.trim().toLowerCase();
  if (/^p(?!$)(\d+y)?(\d+m)?(\d+w)?(\d+d)?$/.test(s)) return { ok: true, value: s.toUpperCase() };
  const parts = s.replace(/,/g, ' ').split(/\s+(?:en|and|\+)\s+|\s*,\s*/).flatMap((x) => x.match(/\d+\s*[a-z]+/g) ?? [x]);
  const total: Record<'Y' | 'M' | 'W' | 'D', number> = { Y: 0, M: 0, W: 0, D: 0 };
  let ok = parts.length > 0;
  for (const part of parts) {
    const m = /^(\d+)\s*([a-z]+)$/.exec(part.trim());
    const unit = m ? DURATION_UNITS.find((u) => u.re.test(m[2] as string))?.unit : undefined;
    if (!m || !unit) {
      ok = false;
      break;
    }
    total[unit] += Number(m[1]);
  }
  if (!ok || Object.values(total).every((n) => n === 0)) {
    return { ok: false, message: WORDS[lang].notADuration(text.trim()) };
  }
  const iso = 'P' + (['Y', 'M', 'W', 'D'] as const).map((u) => (total[u] > 0 ? `${total[u]}${u}` : '')).join('');
  return { ok: true, value: iso };
}

/** An ISO duration for people: P1Y6M → "1 jaar en 6 maanden" / "1 year and 6 months". */
export function formatDuration(iso: string, lang: Lang): string {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(iso);
  if (!m) return iso;
  const names = WORDS[lang].units;
  const parts = [m[1], m[2], m[3], m[4]].flatMap((n, i) => (n ? [`${n} ${(names[i] as string[])[Number(n) === 1 ? 0 : 1]}`] : []));
  return parts.length <= 1 ? (parts[0] ?? iso) : `${parts.slice(0, -1).join(', ')} ${WORDS[lang].and} ${parts.at(-1)}`;
}

/** Words that say a count is a guess: "about 40", "ongeveer 40", "zo'n 40", "ca. 40", "~40". */
const ABOUT = /^(?:about|around|roughly|approximately|approx\.?|some|ongeveer|ruim|circa|ca\.?|zo'?n|rond(?:om)?|~)\s*(\d+)\s*(?:x|×|keer|times)?$/;
/** "Don't know", typed as people say it. */
const UNKNOWN_COUNT = new Set(["don't know", 'dont know', 'do not know', 'unknown', 'weet niet', 'weet ik niet', 'onbekend', 'geen idee', '?', '-']);

/**
 * "40" is 40 acts; "30-50" (or "30 tot 50", "30 to 50") a rough count; "about 40" ("ongeveer 40")
 * a rough count of a quarter either side (30–50), since a guess is not a number to count on;
 * empty is one. "Don't know" ("weet niet") is the string 'unknown'. Null: not a count.
 */
export function parseCount(text: string): IncidentCount | 'unknown' | undefined | null {
  const t = text.trim().toLowerCase();
  if (t === '') return undefined;
  if (UNKNOWN_COUNT.has(t)) return 'unknown';
  if (/^\d+$/.test(t)) return Number(t) >= 1 ? Number(t) : null;
  const about = ABOUT.exec(t);
  if (about) {
    const n = Number(about[1]);
    if (n < 1) return null;
    const [min, max] = [Math.max(1, Math.round(n * 0.75)), Math.max(1, Math.round(n * 1.25))];
    return min === max ? n : { min, max };
  }
  const m = /^(\d+)\s*(?:-|–|to|tot)\s*(\d+)$/.exec(t);
  if (!m) return null;
  const [min, max] = [Number(m[1]), Number(m[2])];
  return max >= 1 && min <= max ? (min === max ? min : { min, max }) : null;
}
