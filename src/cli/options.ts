import { InvalidArgumentError, Option } from 'commander';
import { parseDateInput } from '../interview/date-input.js';
import type { Lang } from '../rules/types.js';
import { isLang, LANGUAGES } from '../words/interview.js';
import { isValidIsoDate, yearOutOfRange } from '../dates/legal-date.js';
import { UsageError } from '../io/files.js';

/** `--rules <path>`, repeatable; the commands that take it say what the default is. */
export function rulesOption(description = 'rule file or folder (repeatable; default: the bundled rules)', defaultDescription = 'bundled rules/'): Option {
  return new Option('--rules <path>', description).argParser((v: string, prev: string[]) => [...prev, v]).default([] as string[], defaultDescription);
}

/** A bad --as-of is a usage error (exit 2) that shows how to write one. */
export function checkAsOf(asOf: string | undefined): void {
  if (asOf !== undefined && yearOutOfRange(asOf)) throw new UsageError(`--as-of ${asOf}: ${yearOutOfRange(asOf) as string}.`);
  if (asOf !== undefined && !isValidIsoDate(asOf)) throw new UsageError(`--as-of ${asOf} is not a date; write YYYY-MM-DD, for example 2026-06-01.`);
}

/** `--lang`, in any case (NL, nl): the languages the tool speaks. */
export function langOption(description: string): Option {
  return new Option('--lang <lang>', `${description}: ${Object.keys(LANGUAGES).join(' or ')}`).argParser((v: string): Lang => {
    const lang = v.trim().toLowerCase();
    if (!isLang(lang)) throw new InvalidArgumentError(`"${v}" is not a language rulecase speaks; use ${Object.keys(LANGUAGES).join(' or ')}.`);
    return lang;
  });
}

/** An --as-of date as people write it (1-12-2026, 1 December 2026) or YYYY-MM-DD, as the interview reads dates. */
export function peopleAsOf(asOf: string | undefined, today: string): string | undefined {
  if (asOf === undefined || isValidIsoDate(asOf)) return asOf;
  for (const lang of Object.keys(LANGUAGES) as Lang[]) {
    const r = parseDateInput(asOf, { lang, today });
    if (r.ok && typeof r.when === 'string' && isValidIsoDate(r.when)) return r.when;
  }
  throw new UsageError(`--as-of ${asOf} is not a date; write 1-12-2026, 1 December 2026 or 2026-12-01.`);
}
