import { Option } from 'commander';
import { isValidIsoDate } from '../dates/legal-date.js';
import { UsageError } from '../io/files.js';

/** `--rules <path>`, repeatable; the commands that take it say what the default is. */
export function rulesOption(description = 'rule file or folder (repeatable; default: the bundled rules)', defaultDescription = 'bundled rules/'): Option {
  return new Option('--rules <path>', description).argParser((v: string, prev: string[]) => [...prev, v]).default([] as string[], defaultDescription);
}

/** A bad --as-of is a usage error (exit 2) that shows how to write one. */
export function checkAsOf(asOf: string | undefined): void {
  if (asOf !== undefined && !isValidIsoDate(asOf)) throw new UsageError(`--as-of ${asOf} is not a date; write YYYY-MM-DD, for example 2026-06-01.`);
}
