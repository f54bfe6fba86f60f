import type { When } from '../case/types.js';
import type { Lang } from '../rules/types.js';
import { formatDuration, formatWhen, NUMBER_STYLE } from './date-input.js';
import { describeValue as describeReportValue } from '../explain/values.js';
import { say } from '../words/interview.js';

/**
 * Values for people, in their language: the engine's JSON values (indicators) and the answers
 * in a case file. Pure.
 */

export function formatNumber(n: number, lang: Lang): string {
  const text = Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0$/, '');
  return text.replace('.', NUMBER_STYLE[lang].decimal);
}

/**
 * An indicator's value as the engine reports it in JSON, in the report's words, with a note where
 * the value is still a range or a partial list: the adviser should know the answers may move it.
 */
export function describeValue(value: unknown, lang: Lang, words = describeReportValue(value, lang)): string {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const o = value as Record<string, unknown>;
    if (typeof o['min'] === 'number' && typeof o['max'] === 'number') return `${words} (${say(lang, 'valueDependsOnUnknown')})`;
    if (Array.isArray(o['known'])) return o['known'].length === 0 ? say(lang, 'valueNoneKnownYet') : `${words.replace(/, …$/, '')} (${say(lang, 'valuePerhapsMore')})`;
  }
  return words;
}

/**
 * A date as the case file holds it, in words: a day, a month, a range, or an open-ended range
 * ("since 1 September": {from} alone; "before 2 May": {to} alone), which must read as a date too.
 */
export function describeWhen(when: unknown, lang: Lang): string {
  if (typeof when === 'string') return formatWhen(when, lang);
  if (when !== null && typeof when === 'object') {
    const { from, to } = when as { from?: unknown; to?: unknown };
    const ok = (x: unknown): boolean => x === undefined || typeof x === 'string';
    if ((typeof from === 'string' || typeof to === 'string') && ok(from) && ok(to)) return formatWhen(when as When, lang);
  }
  return String(when);
}

export function describeDuration(iso: string, lang: Lang): string {
  return formatDuration(iso, lang);
}

export function truncate(text: string, max: number): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= max ? oneLine : oneLine.slice(0, max - 1).trimEnd() + '…';
}

