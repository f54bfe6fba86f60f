/**
 * The rule book's own words (not the law's, which come from the rule files), in every language the
 * tool speaks. Dutch must have every key English has: a missing translation is a type error.
 */
import type { Lang } from '../rules/types.js';
import { ENGLISH, type BookWordKey } from './words-en.js';
import { DUTCH } from './words-nl.js';

export type { BookWordKey };

const CATALOGUE: Record<Lang, Record<BookWordKey, string>> = { en: ENGLISH, nl: DUTCH };

/** A word or sentence of the rule book in a language, with its {placeholders} filled in. */
export function book(lang: Lang, key: BookWordKey, vars: Record<string, string | number> = {}): string {
  const text = CATALOGUE[lang][key];
  return text.includes('{') ? text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`)) : text;
}

/** A key made at run time (a source kind from a rule file): undefined when the book has no word for it. */
export function bookIfKnown(lang: Lang, key: string): string | undefined {
  return Object.hasOwn(ENGLISH, key) ? CATALOGUE[lang][key as BookWordKey] : undefined;
}
