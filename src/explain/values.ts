import type { Lang } from '../rules/types.js';
import { fromOpenEnd, parseDuration } from '../dates/legal-date.js';
import { say } from '../words/report.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const formatters = new Map<Lang, Intl.DateTimeFormat>();

/** A date for people, in their language: 15 June 2026 / 15 juni 2026. */
export function humanDate(iso: string, lang: Lang): string {
  if (!DATE.test(iso)) return iso;
  let f = formatters.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(say(lang, 'locale'), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    formatters.set(lang, f);
  }
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : f.format(d);
}

/** Every ISO date inside a text, in the reader's language. */
export function humanDatesIn(text: string, lang: Lang): string {
  return text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (d) => humanDate(d, lang));
}

export function formatNumber(n: number, lang: Lang): string {
  const text = Number.isInteger(n) ? String(n) : n.toFixed(2);
  return text.replace('.', say(lang, 'decimalSeparator'));
}

/**
 * An engine value (as JSON: null unknown, {min, max} a range, {earliest, latest} a date range,
 * {known, complete: false} a partly known set) as a person reads it; `label` turns codes into words.
 */
export function describeValue(v: unknown, lang: Lang, label: (code: string) => string = (c) => c): string {
  if (v === null || v === undefined) return say(lang, 'unknown');
  if (typeof v === 'boolean') return say(lang, v ? 'yes' : 'no');
  if (typeof v === 'number') return formatNumber(v, lang);
  if (typeof v === 'string') return DATE.test(v) ? humanDate(v, lang) : label(v);
  if (Array.isArray(v)) return v.length === 0 ? say(lang, 'none') : v.map((x) => describeValue(x, lang, label)).join(', ');
  const o = v as Record<string, unknown>;
  if (typeof o['min'] === 'number' && typeof o['max'] === 'number') return `${formatNumber(o['min'], lang)}–${formatNumber(o['max'], lang)}`;
  if (typeof o['earliest'] === 'string' && typeof o['latest'] === 'string') return dayRangeText(o['earliest'], o['latest'], lang, ` ${say(lang, 'rangeTo')} `);
  if (Array.isArray(o['known'])) {
    const known = o['known'] as unknown[];
    return known.length === 0 ? say(lang, 'noneKnown') : `${known.map((x) => describeValue(x, lang, label)).join(', ')}, …`;
  }
  if (typeof o[lang] === 'string') return o[lang] as string;
  return JSON.stringify(v);
}

/** An ISO 8601 duration in words: P3M → "3 months" / "3 maanden"; P1Y6M → "1 year and 6 months". */
export function durationInWords(iso: string, lang: Lang): string {
  const d = parseDuration(iso);
  if (!d) return iso;
  const parts = (['years', 'months', 'weeks', 'days'] as const)
    .filter((unit) => d[unit] > 0)
    .map((unit) => `${d[unit]} ${say(lang, d[unit] === 1 ? `unit.${unit}.1` : `unit.${unit}`)}`);
  if (parts.length === 0) return `0 ${say(lang, 'unit.days')}`;
  return parts.length === 1 ? (parts[0] as string) : `${parts.slice(0, -1).join(', ')} ${say(lang, 'and')} ${parts.at(-1)}`;
}

/**
 * A range of days in words. An open-ended range ("on or before 1 March") has no first day worth
 * naming, or no last: the day reached from an open end (year 1 plus a term) is never shown.
 */
export function dayRangeText(earliest: string, latest: string, lang: Lang, between = ' – '): string {
  if (fromOpenEnd(earliest)) return `${say(lang, 'onOrBefore')} ${humanDate(latest, lang)}`;
  if (fromOpenEnd(latest)) return `${say(lang, 'onOrAfter')} ${humanDate(earliest, lang)}`;
  return `${humanDate(earliest, lang)}${between}${humanDate(latest, lang)}`;
}
